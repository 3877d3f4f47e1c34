// Enter on an empty item or quote line leaves the block (Typora, Obsidian), as
// pure state changes. Before, the second Enter in a quote added another `>`, and
// what followed stayed quoted; leaving a list left no blank line, so the next
// paragraph joined the last item.
import { insertNewlineContinueMarkup } from '@codemirror/lang-markdown';
import type { StateCommand } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { leaveEmptyBlock } from '../../../renderer/editor/leaveBlock';
import { run } from './mkState';

const fm = '---\ntitle: x\n---\n';
/** Enter as the editor binds it: leave a block first, else CodeMirror's markdown Enter. */
const enter: StateCommand = (target) => leaveEmptyBlock(target) || insertNewlineContinueMarkup(target);
/** Presses Enter `times` times on a written state. */
function press(spec: string, times: number): string {
  let out = spec;
  for (let i = 0; i < times; i++) out = run(enter, out);
  return out;
}

describe('Enter leaves an empty quote or list item', () => {
  it('the second Enter in a quote ends it, with a blank line so the next paragraph is not quoted', () => {
    expect(press(`${fm}> said|`, 2)).toBe(`${fm}> said\n\n|`);
    expect(run(enter, `${fm}> said\n>|`)).toBe(`${fm}> said\n\n|`);
  });

  it('a nested quote steps out one level', () => {
    expect(run(enter, `${fm}> > inner\n> > |`)).toBe(`${fm}> > inner\n>\n> |`);
  });

  it('an empty item ends the list at once, leaving a blank line before what follows', () => {
    expect(press(`${fm}- one|`, 2)).toBe(`${fm}- one\n\n|`);
    expect(press(`${fm}1. one|`, 2)).toBe(`${fm}1. one\n\n|`);
    expect(press(`${fm}- [x] done|`, 2)).toBe(`${fm}- [x] done\n\n|`);
    // A loose list already has its blank line.
    expect(run(enter, `${fm}- one\n\n- |`)).toBe(`${fm}- one\n\n|`);
  });

  it('an empty nested item moves out a level, numbered after its parent', () => {
    expect(run(enter, `${fm}- one\n  - two\n  - |`)).toBe(`${fm}- one\n  - two\n- |`);
    expect(run(enter, `${fm}1. one\n   - two\n   - |`)).toBe(`${fm}1. one\n   - two\n2. |`);
  });

  it('a list inside a quote ends, and the quote goes on', () => {
    expect(run(enter, `${fm}> - a\n> - |`)).toBe(`${fm}> - a\n>\n> |`);
  });

  it('leaves everything else to CodeMirror: items with text, code, front matter, several cursors', () => {
    expect(run(leaveEmptyBlock, `${fm}- one|`)).toBe(`${fm}- one|`);
    expect(run(leaveEmptyBlock, `${fm}\`\`\`\n> |\n\`\`\`\n`)).toBe(`${fm}\`\`\`\n> |\n\`\`\`\n`);
    expect(run(leaveEmptyBlock, '---\n- |\n---\n')).toBe('---\n- |\n---\n');
    expect(run(leaveEmptyBlock, `${fm}- |\n- |`)).toBe(`${fm}- |\n- |`);
  });
});
