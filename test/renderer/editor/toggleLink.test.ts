import { describe } from 'vitest';
import { toggleLink } from '../../../renderer/editor/toggleLink';
import { itDoes } from './commandCases';

describe('toggleLink', () => {
  itDoes(toggleLink, {
    'wraps the selection and selects the url placeholder': [['see «the docs» now', 'see [the docs](«url») now']],
    'at a cursor, inserts an empty link with the placeholder selected': [['see | now', 'see [](«url») now']],
    'makes a selected address the target, with the cursor in the text': [['at «https://example.com/a?b=1» now', 'at [|](https://example.com/a?b=1) now']],
    'takes a link away and keeps its text selected': [
      ['see [the d|ocs](https://x.org) now', 'see «the docs» now'],
      ['see «[the docs](https://x.org)» now', 'see «the docs» now'],
    ],
    'works per selection and never in the front matter': [['---\nlink: «x»\n---\n«a» and «b»', '---\nlink: «x»\n---\n[a](«url») and [b](«url»)']],
  });
});
