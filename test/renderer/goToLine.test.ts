import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { goToLineSpec } from '../../renderer/editor/goToLine';

const state = EditorState.create({ doc: '---\ntitle: A\n---\nSee [x](y.md)\n' });
const head = (line: number, column?: number) => state.update(goToLineSpec(state, line, column)).state.selection.main.head;

describe('goToLineSpec', () => {
  it('puts the cursor at a 1-based line and column', () => {
    expect(head(4, 5)).toBe(state.doc.line(4).from + 4);
    expect(head(2)).toBe(state.doc.line(2).from);
  });

  it('clamps positions a changed file no longer has', () => {
    expect(head(99, 3)).toBe(state.doc.length);
    expect(head(0)).toBe(0);
    expect(head(1, 500)).toBe(3);
  });
});
