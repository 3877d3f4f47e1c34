import { describe, expect, it } from 'vitest';
import { toggleLink } from '../../../renderer/editor/toggleLink';
import { run } from './mkState';

describe('toggleLink', () => {
  it('wraps the selection and selects the url placeholder', () => {
    expect(run(toggleLink, 'see «the docs» now')).toBe('see [the docs](«url») now');
  });

  it('at a cursor, inserts an empty link with the placeholder selected', () => {
    expect(run(toggleLink, 'see | now')).toBe('see [](«url») now');
  });

  it('makes a selected address the target, with the cursor in the text', () => {
    expect(run(toggleLink, 'at «https://example.com/a?b=1» now')).toBe('at [|](https://example.com/a?b=1) now');
  });

  it('takes a link away and keeps its text selected', () => {
    expect(run(toggleLink, 'see [the d|ocs](https://x.org) now')).toBe('see «the docs» now');
    expect(run(toggleLink, 'see «[the docs](https://x.org)» now')).toBe('see «the docs» now');
  });

  it('works per selection and never in the front matter', () => {
    expect(run(toggleLink, '---\nlink: «x»\n---\n«a» and «b»')).toBe('---\nlink: «x»\n---\n[a](«url») and [b](«url»)');
  });
});
