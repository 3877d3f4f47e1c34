// The markdown keymap (continue lists and quotes on Enter, delete markup on
// Backspace) must still work through the front-matter wrapper around markdown.
import { deleteMarkupBackward, insertNewlineContinueMarkup } from '@codemirror/lang-markdown';
import { describe, expect, it } from 'vitest';
import { run } from './mkState';

const fm = '---\ntitle: x\n---\n';

describe('markdown keymap under front matter', () => {
  it('Enter continues bullets, numbers, tasks and quotes', () => {
    expect(run(insertNewlineContinueMarkup, `${fm}- one|`)).toBe(`${fm}- one\n- |`);
    expect(run(insertNewlineContinueMarkup, `${fm}1. one|`)).toBe(`${fm}1. one\n2. |`);
    expect(run(insertNewlineContinueMarkup, `${fm}- [x] done|`)).toBe(`${fm}- [x] done\n- [ ] |`);
    expect(run(insertNewlineContinueMarkup, `${fm}> said|`)).toBe(`${fm}> said\n> |`);
  });

  it('Enter on an empty item loosens the list, and on an empty item after a blank line ends it', () => {
    expect(run(insertNewlineContinueMarkup, `${fm}- one\n- |`)).toBe(`${fm}- one\n\n- |`);
    expect(run(insertNewlineContinueMarkup, `${fm}- one\n\n- |`)).toBe(`${fm}- one\n\n|`);
  });

  it('Enter in the front matter is left to the default', () => {
    expect(run(insertNewlineContinueMarkup, '---\n- tag|\n---\n')).toBe('---\n- tag|\n---\n');
  });

  it('Backspace takes list markup back to indentation, then removes it', () => {
    expect(run(deleteMarkupBackward, `${fm}- one\n- |`)).toBe(`${fm}- one\n  |`);
    expect(run(deleteMarkupBackward, `${fm}> |`)).toBe(`${fm}|`);
  });
});
