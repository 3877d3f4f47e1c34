// The post's headings; choosing one puts the cursor there and brings it to the
// top of the editor.
import { EditorSelection } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useState } from 'react';
import { outline } from '../editor/outline';
import { QuickPick } from './QuickPick';

interface OutlinePickerProps {
  view: EditorView;
  onClose: () => void;
}

/** Cursor to the heading's text, its line at the top of the editor (with a little air above). */
function goTo(view: EditorView, from: number) {
  const line = view.state.doc.lineAt(from);
  const text = from + (/^\s*#*\s*/.exec(line.text)?.[0].length ?? 0);
  view.dispatch({ selection: EditorSelection.cursor(text), effects: EditorView.scrollIntoView(from, { y: 'start', yMargin: 24 }) });
  view.focus();
}

export function OutlinePicker({ view, onClose }: OutlinePickerProps) {
  // Read once when opened: the text cannot change while the modal is up.
  const [items] = useState(() => {
    const headings = outline(view.state);
    const top = Math.min(...headings.map((h) => h.level));
    return headings.map((h) => ({ id: String(h.from), label: h.text, hint: `H${h.level}`, depth: h.level - top }));
  });
  // Start at the section the cursor is in.
  const head = view.state.selection.main.head;
  const here = items.filter((item) => Number(item.id) <= head).at(-1)?.id;
  return (
    <QuickPick
      title="Outline"
      placeholder={items.length ? 'Go to heading…' : 'This post has no headings'}
      items={items}
      initialId={here}
      empty={items.length ? 'No heading matches.' : 'This post has no headings yet. Lines starting with # become headings.'}
      onPick={(id) => {
        onClose();
        requestAnimationFrame(() => goTo(view, Number(id)));
      }}
      onClose={onClose}
    />
  );
}
