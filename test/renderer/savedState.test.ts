import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { isDirty, markSaved, savedAs, savedState } from '../../renderer/editor/savedState';

const mk = (doc: string) => EditorState.create({ doc, extensions: savedState() });

describe('savedState', () => {
  it('starts clean and turns dirty on an edit', () => {
    const state = mk('hello');
    expect(isDirty(state)).toBe(false);
    expect(isDirty(state.update({ changes: { from: 5, insert: '!' } }).state)).toBe(true);
  });

  it('is clean again when the text returns to what was saved', () => {
    const edited = mk('hello').update({ changes: { from: 5, insert: '!' } }).state;
    const back = edited.update({ changes: { from: 5, to: 6 } }).state;
    expect(isDirty(back)).toBe(false);
  });

  it('markSaved records the text that was sent, even if typing went on', () => {
    const sent = mk('a').update({ changes: { from: 1, insert: 'b' } }).state;
    const typedOn = sent.update({ changes: { from: 2, insert: 'c' } }).state;
    expect(isDirty(typedOn.update({ effects: markSaved.of(sent.doc) }).state)).toBe(true);
    expect(isDirty(typedOn.update({ effects: markSaved.of(typedOn.doc) }).state)).toBe(false);
  });

  it('savedAs marks a replacement as the disk text', () => {
    const state = mk('old').update({ changes: { from: 0, to: 3, insert: 'new\ntext' }, effects: savedAs('new\ntext') }).state;
    expect(isDirty(state)).toBe(false);
  });

  it('reports clean for a state without the field', () => {
    expect(isDirty(EditorState.create({ doc: 'x' }))).toBe(false);
  });
});
