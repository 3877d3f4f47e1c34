// Puts the cursor at a 1-based line and column (as `postwright check` reports
// them) and scrolls it to the middle of the editor. Out-of-range positions are
// clamped: the file may have changed since the check ran.
import type { EditorState, TransactionSpec } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

export function goToLineSpec(state: EditorState, line: number, column = 1): TransactionSpec {
  const target = state.doc.line(Math.min(Math.max(1, line), state.doc.lines));
  const head = target.from + Math.min(Math.max(0, column - 1), target.length);
  return { selection: { anchor: head }, effects: EditorView.scrollIntoView(head, { y: 'center' }) };
}

export function goToLine(view: EditorView, line: number, column?: number): void {
  view.dispatch(goToLineSpec(view.state, line, column));
  view.focus();
}
