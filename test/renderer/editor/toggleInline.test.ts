import { describe } from 'vitest';
import { toggleBold, toggleInlineCode, toggleItalic, toggleStrikethrough } from '../../../renderer/editor/toggleInline';
import { itDoes } from './commandCases';

describe('toggleBold', () => {
  itDoes(toggleBold, {
    'wraps a selection and keeps the text selected': [['some «text» here', 'some **«text»** here']],
    'keeps a backwards selection backwards': [['some »text« here', 'some **»text«** here']],
    'puts a cursor between new marks, and takes empty marks away again': [
      ['a | b', 'a **|** b'],
      ['a **|** b', 'a | b'],
    ],
    'unwraps when the selection is inside bold text': [
      ['some **«text»** here', 'some «text» here'],
      ['some **te|xt** here', 'some te|xt here'],
    ],
    'steps a cursor at the end of bold text out past the mark, so typing goes on in plain text': [
      ['some **text|** here', 'some **text**| here'],
      [toggleItalic, 'an *idea|* here', 'an *idea*| here'],
    ],
    'unwraps when the selection is exactly the bold span': [['some «**text**» here', 'some «text» here']],
    'does not take a cursor just after bold text as inside it': [['**a**| b', '**a****|** b']],
    'wraps each line of a multi-line selection, skipping blank lines': [
      ['«one\n\n  two»', '**«one**\n\n  **two»**'],
      ['**«one**\n\n  **two»**', '«one\n\n  two»'],
    ],
    'works on every selection at once, each on its own': [['«a» and |b and **«c»**', '**«a»** and **|**b and «c»']],
    'never touches the front matter': [
      ['---\ntitle: «x»\n---\nbody', '---\ntitle: «x»\n---\nbody'],
      ['---\ntitle: «x\n---\nbody»', '---\ntitle: x\n---\n**«body»**'],
    ],
  });
});

describe('toggleItalic', () => {
  itDoes(toggleItalic, {
    'wraps in single stars and unwraps': [
      ['an «idea»', 'an *«idea»*'],
      ['an *«idea»*', 'an «idea»'],
      ['an _«idea»_', 'an «idea»'],
    ],
    'reads bold as bold, not as italic twice': [
      ['**«x»**', '***«x»***'],
      ['***«x»***', '**«x»**'],
      [toggleBold, '***«x»***', '*«x»*'],
    ],
    'leaves empty bold marks to bold': [['**|**', '***|***']],
  });
});

describe('toggleInlineCode and toggleStrikethrough', () => {
  itDoes(toggleInlineCode, {
    'wrap and unwrap': [
      ['call «f()»', 'call `«f()»`'],
      ['call `f«()»`', 'call f«()»'],
      [toggleStrikethrough, 'a «gone» b', 'a ~~«gone»~~ b'],
      [toggleStrikethrough, 'a ~~go|ne~~ b', 'a go|ne b'],
    ],
  });
});
