// Typewriter scrolling: the line being written stays in the middle of the
// editor. Every transaction that would scroll the cursor into view (typing,
// arrow keys) centres it instead; clicks, which do not scroll, leave the text
// where the author is looking.
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

const centre = EditorState.transactionExtender.of((tr) =>
  tr.scrollIntoView ? { effects: EditorView.scrollIntoView(tr.newSelection.main.head, { y: 'center' }) } : null,
);

/** Room above the first line and below the last, so even they can sit in the middle. */
const room = [
  EditorView.editorAttributes.of({ class: 'cm-typewriter' }),
  EditorView.theme({ '&.cm-typewriter .cm-content': { paddingTop: '45vh', paddingBottom: '45vh' } }),
];

export function typewriterScrolling(): Extension {
  return [centre, room];
}
