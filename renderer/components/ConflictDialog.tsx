// Shown when a save was refused because the file changed on disk. Both
// versions side by side; whichever the author does not keep is saved as a
// conflicted copy, and a merge by hand puts both in the editor, so nothing is lost.
import { useMemo, useRef } from 'react';
import { diffLines } from '../lineDiff';
import type { Conflict } from '../session';
import { Dialog } from './Dialog';
import { VersionPane } from './VersionPane';
import './ConflictDialog.css';

interface ConflictDialogProps {
  path: string;
  conflict: Conflict;
  busy: boolean;
  onKeepMine: () => void;
  onUseDisk: () => void;
  onMerge: () => void;
  onCancel: () => void;
}

export function ConflictDialog({ path, conflict, busy, onKeepMine, onUseDisk, onMerge, onCancel }: ConflictDialogProps) {
  const keep = useRef<HTMLButtonElement>(null);
  const { disk } = conflict;
  const mine = useMemo(() => conflict.mine.split('\n'), [conflict.mine]);
  const theirs = useMemo(() => disk?.text.split('\n') ?? [], [disk]);
  // Against a deleted file every line "differs"; marking them all would only be noise.
  const diff = useMemo(() => (disk ? diffLines(mine, theirs) : { changedA: [], changedB: [] }), [disk, mine, theirs]);

  return (
    <Dialog title="This post changed on disk" className="conflict-dialog" onClose={onCancel} initialFocus={keep}>
      {disk ? (
        <p className="dialog-text">
          Another program changed <code>{path}</code> after you opened it. Keep one version (the other is saved beside
          it as a conflicted copy), or merge them by hand in the editor.
        </p>
      ) : (
        <p className="dialog-text">
          <code>{path}</code> was deleted on disk after you opened it. Keep your version to save it to a new file, or cancel
          to go on editing.
        </p>
      )}
      <div className="versions">
        <VersionPane label="Your version" note="unsaved, in the editor" lines={mine} changed={diff.changedA} />
        {disk ? (
          <VersionPane label="Disk version" note={`now in ${path}`} lines={theirs} changed={diff.changedB} />
        ) : (
          <section className="version version-gone">
            <header className="version-header">
              <h3>Disk version</h3>
            </header>
            <p>Deleted on disk.</p>
          </section>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        {disk && (
          <>
            <button type="button" className="button" onClick={onMerge} disabled={busy}>
              Merge by hand…
            </button>
            <button type="button" className="button" onClick={onUseDisk} disabled={busy}>
              Take theirs
            </button>
          </>
        )}
        <button ref={keep} type="button" className="button primary" onClick={onKeepMine} disabled={busy}>
          Keep mine
        </button>
      </div>
    </Dialog>
  );
}
