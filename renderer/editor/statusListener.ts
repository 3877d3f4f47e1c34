// Reports what the status bar shows. Word counting is the caller's job (it is
// debounced there); this only says what changed.
import type { Extension } from '@codemirror/state';
import { EditorView, type ViewUpdate } from '@codemirror/view';

export interface EditorChange {
  /** 1-based line of the main cursor. */
  line: number;
  docChanged: boolean;
  update: ViewUpdate;
}

export function statusListener(onChange: (change: EditorChange) => void): Extension {
  return EditorView.updateListener.of((update) => {
    if (!update.docChanged && !update.selectionSet) return;
    const line = update.state.doc.lineAt(update.state.selection.main.head).number;
    onChange({ line, docChanged: update.docChanged, update });
  });
}
