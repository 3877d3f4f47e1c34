// Offered on start for each unsaved text the crash-recovery journal kept: the
// recovered text beside the file on disk, then Restore, Discard or Decide later.
import { useRef, useState } from 'react';
import type { RecoveredText } from '../../common/api';
import { formatTime } from '../dateFormat';
import { Dialog } from '../components/Dialog';
import { Versions } from '../components/Versions';
import '../components/ConflictDialog.css';
import './RecoveryDialog.css';

interface RecoveryDialogProps {
  entry: RecoveredText;
  /** How many texts are offered, this one included. */
  count: number;
  busy: boolean;
  onRestore: () => void;
  onDiscard: () => void;
  onLater: () => void;
}

export function RecoveryDialog({ entry, count, busy, onRestore, onDiscard, onLater }: RecoveryDialogProps) {
  const restore = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const { disk } = entry;
  const title = entry.title || entry.path;

  return (
    <Dialog title="Recover unsaved text" className="conflict-dialog recovery-dialog" onClose={onLater} initialFocus={restore}>
      <p className="dialog-text">
        Postwright closed before your changes to <strong>{title}</strong> (<code>{entry.path}</code>) were saved. They were
        kept in the recovery journal at {formatTime(entry.writtenAt)}.
        {disk ? ' Restore opens the post with them as unsaved changes; the file is not touched until you save.' : ' The post has since been deleted or renamed; Restore saves the text as a new post.'}
        {count > 1 && <span className="recovery-count"> {count - 1} more after this one.</span>}
      </p>
      <Versions
        mine={{ label: 'Recovered text', note: 'unsaved', text: entry.text }}
        disk={{ label: 'On disk', note: `now in ${entry.path}`, text: disk?.text ?? null, gone: `${entry.path} no longer exists.` }}
      />
      {confirming ? (
        <div className="dialog-actions" role="group" aria-label="Confirm discarding">
          <p className="recovery-confirm">The recovered text will be deleted for good; the file on disk stays as it is.</p>
          <button type="button" className="button" onClick={() => setConfirming(false)} disabled={busy} autoFocus>
            Keep it
          </button>
          <button type="button" className="button danger" onClick={onDiscard} disabled={busy}>
            Delete recovered text
          </button>
        </div>
      ) : (
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onLater} disabled={busy}>
            Decide later
          </button>
          <button type="button" className="button" onClick={() => setConfirming(true)} disabled={busy}>
            Discard…
          </button>
          <button ref={restore} type="button" className="button primary" onClick={onRestore} disabled={busy}>
            {disk ? 'Restore' : 'Restore as new post'}
          </button>
        </div>
      )}
    </Dialog>
  );
}
