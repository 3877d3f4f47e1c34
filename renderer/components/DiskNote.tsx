import type { DiskNote as Note } from '../session';

const messages: Record<Exclude<Note, null>, string> = {
  changed: 'This post changed on disk. Saving will let you compare both versions.',
  removed: 'This post was removed from disk. Your text is still here; saving lets you keep it as a new file.',
};

/** A quiet banner about the file on disk; it informs and never blocks typing. */
export function DiskNote({ note }: { note: Note }) {
  if (!note) return null;
  return (
    <div className="disk-note" role="status">
      <span className="disk-dot" aria-hidden="true" />
      {messages[note]}
    </div>
  );
}
