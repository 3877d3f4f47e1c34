// Focus handed back to the editor must bring its caret with it. A native
// focus() of CodeMirror's contenteditable (which is what <dialog>.close() does
// for the element focused before showModal) leaves the DOM selection where it
// was, outside the editor, until CodeMirror's next measure: 20–60 ms after a
// pick at rest, longer under load. A key typed in that gap has no caret to go
// to and is lost. EditorView.focus() writes the selection at once.
import { EditorView } from '@codemirror/view';

export function giveFocusBack(element: HTMLElement): void {
  const view = EditorView.findFromDOM(element);
  if (view) view.focus();
  else element.focus();
}
