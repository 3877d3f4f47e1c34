// The post's headings; choosing one puts the cursor there and brings it to the
// top of the editor.
import type { EditorView } from '@codemirror/view';
import { useState } from 'react';
import { goToHeading, outline } from '../editor/outline';
import { QuickPick } from './QuickPick';

interface OutlinePickerProps {
  view: EditorView;
  onClose: () => void;
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
        requestAnimationFrame(() => goToHeading(view, Number(id)));
      }}
      onClose={onClose}
    />
  );
}
