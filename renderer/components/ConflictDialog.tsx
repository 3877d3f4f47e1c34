// Shown when a save was refused because the file changed on disk. Both
// versions side by side; whichever the author does not keep is saved as a
// conflicted copy, and a merge by hand puts both in the editor, so nothing is lost.
import { useRef } from 'react';
import type { Conflict } from '../session';
import { Dialog } from './Dialog';
import { Versions } from './Versions';
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
      <Versions
        mine={{ label: 'Your version', note: 'unsaved, in the editor', text: conflict.mine }}
        disk={{ label: 'Disk version', note: `now in ${path}`, text: disk?.text ?? null, gone: 'Deleted on disk.' }}
      />
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
