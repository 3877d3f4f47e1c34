import { describe, expect, it } from 'vitest';
import { activeBlock, dimmedLines } from '../../../renderer/editor/focusMode';
import { mkState } from './mkState';

/** Line numbers that dimmedLines would dim, over the whole document. */
function dimmed(spec: string): number[] {
  const state = mkState(spec);
  const lines: number[] = [];
  const set = dimmedLines(state, [{ from: 0, to: state.doc.length }]);
  for (let it = set.iter(); it.value; it.next()) lines.push(state.doc.lineAt(it.from).number);
  return lines;
}

describe('focus mode', () => {
  it('keeps the paragraph with the cursor and dims the rest', () => {
    expect(dimmed('# Title\n\nFirst line\nsec|ond line\n\nOther paragraph')).toEqual([1, 2, 5, 6]);
  });

  it('treats a code block as one block, blank lines and all', () => {
    expect(dimmed('Text\n\n```\na\n\nb|\n```\n\nMore')).toEqual([1, 2, 8, 9]);
  });

  it('dims list items one by one', () => {
    expect(dimmed('- one\n- tw|o\n- three')).toEqual([1, 3]);
  });

  it('on a blank line keeps only that line, also just below the front matter', () => {
    expect(dimmed('a\n|\nb')).toEqual([1, 3]);
    expect(dimmed('---\nt: x\n---\n|\nPara')).toEqual([1, 2, 3, 5]);
  });

  it('finds the block from either edge of it', () => {
    const doc = 'a\n\nPara|graph\n';
    expect(activeBlock(mkState('a\n\n|Paragraph\n'))).toEqual({ from: 3, to: 12 });
    expect(activeBlock(mkState('a\n\nParagraph|\n'))).toEqual({ from: 3, to: 12 });
    expect(activeBlock(mkState(doc))).toEqual({ from: 3, to: 12 });
  });

  it('decorates only the ranges asked for (the visible ones)', () => {
    const state = mkState('|a\n\n' + 'line\n'.repeat(1000));
    const second = state.doc.line(500);
    const set = dimmedLines(state, [{ from: second.from, to: state.doc.line(510).to }]);
    expect(set.size).toBe(11);
  });
});
