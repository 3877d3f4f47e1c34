// Selects a match that Find in all posts reported by line and column, and
// scrolls it to the middle of the editor. Clamped to the document: the post
// may have changed since the search ran.
import { EditorSelection } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

export function selectMatch(view: EditorView, line: number, column: number, length: number): void {
  const { doc } = view.state;
  const target = doc.line(Math.min(Math.max(1, line), doc.lines));
  const from = target.from + Math.min(Math.max(0, column - 1), target.length);
  const to = Math.min(from + length, target.to);
  view.dispatch({ selection: EditorSelection.single(from, to), effects: EditorView.scrollIntoView(from, { y: 'center' }) });
  view.focus();
}
