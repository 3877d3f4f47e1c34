// Offered on start for each unsaved text the crash-recovery journal kept: the
// recovered text beside the file on disk, then Restore, Discard or Decide later.
import { useMemo, useRef, useState } from 'react';
import type { RecoveredText } from '../../common/api';
import { formatTime } from '../dateFormat';
import { diffLines } from '../lineDiff';
import { Dialog } from '../components/Dialog';
import { VersionPane } from '../components/VersionPane';
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
  const mine = useMemo(() => entry.text.split('\n'), [entry.text]);
  const theirs = useMemo(() => disk?.text.split('\n') ?? [], [disk]);
  const diff = useMemo(() => (disk ? diffLines(mine, theirs) : { changedA: [], changedB: [] }), [disk, mine, theirs]);
  const title = entry.title || entry.path;

  return (
    <Dialog title="Recover unsaved text" className="conflict-dialog recovery-dialog" onClose={onLater} initialFocus={restore}>
      <p className="dialog-text">
        Postwright closed before your changes to <strong>{title}</strong> (<code>{entry.path}</code>) were saved. They were
        kept in the recovery journal at {formatTime(entry.writtenAt)}.
        {disk ? ' Restore opens the post with them as unsaved changes; the file is not touched until you save.' : ' The post has since been deleted or renamed; Restore saves the text as a new post.'}
        {count > 1 && <span className="recovery-count"> {count - 1} more after this one.</span>}
      </p>
      <div className="versions">
        <VersionPane label="Recovered text" note="unsaved" lines={mine} changed={diff.changedA} />
        {disk ? (
          <VersionPane label="On disk" note={`now in ${entry.path}`} lines={theirs} changed={diff.changedB} />
        ) : (
          <section className="version version-gone">
            <header className="version-header">
              <h3>On disk</h3>
            </header>
            <p>{entry.path} no longer exists.</p>
          </section>
        )}
      </div>
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
