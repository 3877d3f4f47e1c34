// Tracks the document as last saved, so "dirty" is a fact about the state:
// undoing back to the saved text makes the post clean again.
import { StateEffect, StateField, Text, type EditorState, type Extension } from '@codemirror/state';

/** Records that `value` is now the text on disk. */
export const markSaved = StateEffect.define<Text>();

interface Saved {
  doc: Text;
  dirty: boolean;
}

const savedField = StateField.define<Saved>({
  create: (state) => ({ doc: state.doc, dirty: false }),
  update(value, tr) {
    let doc = value.doc;
    for (const effect of tr.effects) if (effect.is(markSaved)) doc = effect.value;
    if (doc === value.doc && !tr.docChanged) return value;
    return { doc, dirty: !tr.newDoc.eq(doc) };
  },
});

/** The extension; a new state starts clean, its initial doc counting as saved. */
export function savedState(): Extension {
  return savedField;
}

export function isDirty(state: EditorState): boolean {
  return state.field(savedField, false)?.dirty ?? false;
}

/** The effect for a transaction whose result is the given text on disk. */
export function savedAs(text: string): StateEffect<Text> {
  return markSaved.of(Text.of(text.split('\n')));
}
