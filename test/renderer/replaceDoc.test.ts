import { EditorSelection, EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { minimalChange, replaceDocument } from '../../renderer/editor/replaceDoc';

describe('minimalChange', () => {
  it('replaces only the differing middle', () => {
    expect(minimalChange('abcXdef', 'abcYYdef')).toEqual({ from: 3, to: 4, insert: 'YY' });
    expect(minimalChange('abc', 'abc')).toEqual({ from: 3, to: 3, insert: '' });
    expect(minimalChange('', 'new')).toEqual({ from: 0, to: 0, insert: 'new' });
    expect(minimalChange('aaa', 'aa')).toEqual({ from: 2, to: 3, insert: '' });
  });

  it('never splits a surrogate pair', () => {
    const change = minimalChange('x😀y', 'x😃y');
    expect(change.from).toBe(1);
    expect(change.insert).toBe('😃');
  });

  it('always yields the target text', () => {
    const pairs = [['hello world', 'hello brave new world'], ['abab', 'ab'], ['', ''], ['same\n', 'same\n\n'], ['😀😀', '😀😁😀']];
    for (const [from, to] of pairs) {
      const c = minimalChange(from!, to!);
      expect(from!.slice(0, c.from) + c.insert + from!.slice(c.to)).toBe(to);
    }
  });
});

describe('replaceDocument', () => {
  it('keeps the cursor where it was when the change is elsewhere', () => {
    // Cursor on "second"; an outside edit changes the first line.
    const state = EditorState.create({ doc: 'first line\nsecond line', selection: EditorSelection.cursor(14) });
    const next = state.update({ changes: replaceDocument(state, 'first line, edited\nsecond line') }).state;
    expect(next.doc.toString()).toBe('first line, edited\nsecond line');
    expect(next.sliceDoc(next.selection.main.head, next.selection.main.head + 3)).toBe('ond');
  });

  it('is no change at all for the same text', () => {
    const state = EditorState.create({ doc: 'same' });
    expect(state.update({ changes: replaceDocument(state, 'same') }).docChanged).toBe(false);
  });
});
