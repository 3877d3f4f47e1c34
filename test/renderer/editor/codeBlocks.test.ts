import { describe, expect, it } from 'vitest';
import { codeBlockLines } from '../../../renderer/editor/codeBlocks';
import { mkState } from './mkState';

/** Line numbers that get the code face, over `range` (default: the whole document). */
function codeLines(spec: string, range?: { from: number; to: number }): number[] {
  const state = mkState(spec);
  const lines: number[] = [];
  const set = codeBlockLines(state, [range ?? { from: 0, to: state.doc.length }]);
  for (let it = set.iter(); it.value; it.next()) lines.push(state.doc.lineAt(it.from).number);
  return lines;
}

describe('code blocks in the code face', () => {
  it('marks every line of a fence with a known language, fences included, and nothing else', () => {
    expect(codeLines('|Text\n\n```ts\nconst a = 1;\n\nlet b = a;\n```\n\nMore `inline`')).toEqual([3, 4, 5, 6, 7]);
  });

  it('marks fences without a language and indented code too', () => {
    expect(codeLines('|```\nplain\n```\n\nPara\n\n    indented\n')).toEqual([1, 2, 3, 7]);
  });

  it('marks only the lines in the ranges asked for (the visible ones)', () => {
    const doc = '|```\n' + 'x\n'.repeat(1000) + '```\n';
    expect(codeLines(doc, { from: 100, to: 110 })).toEqual([50, 51, 52, 53, 54, 55]);
  });
});
