// The outline kept open beside the text (Settings: Show the outline beside the
// text): the post's headings, indented by level, the one the caret is under
// marked; choosing one goes there. It follows the text a moment after typing
// stops, since reading the whole post's headings costs a few milliseconds.
import type { EditorView } from '@codemirror/view';
import { useEffect, useState } from 'react';
import { goToHeading, outline, type Heading } from '../editor/outline';
import type { EditorStatus } from '../editorStatus';
import { useStore } from '../store';
import './OutlinePanel.css';

interface OutlinePanelProps {
  view: EditorView;
  status: EditorStatus;
}

export function OutlinePanel({ view, status }: OutlinePanelProps) {
  // The status changes with every edit and caret move: the cue to read the headings again.
  const moved = useStore(status.store);
  const [headings, setHeadings] = useState<Heading[]>(() => outline(view.state));
  useEffect(() => {
    const timer = setTimeout(() => setHeadings(outline(view.state)), 250);
    return () => clearTimeout(timer);
  }, [view, moved]);
  const head = view.state.selection.main.head;
  const current = headings.filter((h) => h.from <= head).at(-1);
  const top = Math.min(...headings.map((h) => h.level));
  return (
    <nav className="outline-panel" aria-label="Outline">
      <h2 className="outline-title">Outline</h2>
      {headings.length === 0 ? (
        <p className="hint">No headings yet. Lines starting with # become headings.</p>
      ) : (
        <ul>
          {headings.map((h) => (
            <li key={h.from} style={{ paddingLeft: `${(h.level - top) * 12}px` }}>
              <button type="button" className="outline-item" aria-current={h === current ? 'location' : undefined} onClick={() => goToHeading(view, h.from)}>
                {h.text}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
