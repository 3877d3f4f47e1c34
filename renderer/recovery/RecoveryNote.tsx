import '../components/DiskNote.css';
import type { RecoveredText } from '../../common/api';

/** Above a post whose recovered text was put off: a way back to the choice. */
export function RecoveryNote({ entry, onReview }: { entry: RecoveredText | undefined; onReview: (entry: RecoveredText) => void }) {
  if (!entry) return null;
  return (
    <div className="disk-note" role="status">
      <span className="disk-dot" aria-hidden="true" />
      <span className="disk-note-text">Unsaved text from before Postwright last closed is waiting for this post; edits here are not journaled until you choose.</span>
      <button type="button" className="button" onClick={() => onReview(entry)}>
        Review…
      </button>
    </div>
  );
}
