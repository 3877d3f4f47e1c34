import './DiskNote.css';
import type { DiskNote as Note } from '../session';

const messages: Record<Exclude<Note, null>, string> = {
  changed: 'This post changed on disk in lines you also changed. Nothing is overwritten until you choose.',
  removed: 'This post was removed from disk. Your text is still here; saving lets you keep it as a new file.',
  merging: 'Merging: where the versions differ, both are in the text between <<<<<<< and >>>>>>> marks. Choose Accept mine, Accept theirs or Keep both above each, or edit by hand; then save. Undo brings back your version.',
};

interface DiskNoteProps {
  note: Note;
  /** Shows both versions now, rather than at the next save. */
  onCompare?: () => void;
}

/** A quiet banner about the file on disk; it informs and never blocks typing. */
export function DiskNote({ note, onCompare }: DiskNoteProps) {
  if (!note) return null;
  return (
    <div className="disk-note" role="status">
      <span className="disk-dot" aria-hidden="true" />
      <span className="disk-note-text">{messages[note]}</span>
      {note === 'changed' && onCompare && (
        <button type="button" className="button" onClick={onCompare}>
          Compare versions…
        </button>
      )}
    </div>
  );
}
