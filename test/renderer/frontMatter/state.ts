// Editor states for front-matter tests: the field, history, and a text with `|` for the cursor.
import { history } from '@codemirror/commands';
import { EditorSelection, EditorState, type TransactionSpec } from '@codemirror/state';
import { frontMatterField } from '../../../renderer/frontMatter/frontMatterField';

export function mkState(text: string): EditorState {
  const cursor = text.indexOf('|');
  return EditorState.create({
    doc: cursor < 0 ? text : text.slice(0, cursor) + text.slice(cursor + 1),
    selection: EditorSelection.cursor(Math.max(cursor, 0)),
    extensions: [history(), frontMatterField],
  });
}

/** A stand-in for the view: holds a state and applies what is dispatched to it. */
export function mkEditor(text: string) {
  const editor = {
    state: mkState(text),
    dispatch(spec: TransactionSpec) {
      editor.state = editor.state.update(spec).state;
    },
    get text() {
      return editor.state.doc.toString();
    },
  };
  return editor;
}
