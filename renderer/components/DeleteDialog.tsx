import { useRef, useState } from 'react';
import { Dialog } from './Dialog';

interface DeleteDialogProps {
  path: string;
  /** Resolves true once the post is in the Trash. */
  onDelete: () => Promise<boolean>;
  onClose: () => void;
}

export function DeleteDialog({ path, onDelete, onClose }: DeleteDialogProps) {
  const [busy, setBusy] = useState(false);
  // The safe choice has focus, so a stray Enter does not delete.
  const cancel = useRef<HTMLButtonElement>(null);

  async function confirm() {
    setBusy(true);
    const deleted = await onDelete();
    setBusy(false);
    if (deleted) onClose();
  }

  return (
    <Dialog title="Delete post" onClose={onClose} initialFocus={cancel}>
      <p className="dialog-text">
        This moves <code>{path}</code> to the Trash; restore it from there.
      </p>
      <p className="hint">Its assets folder goes with it. Unsaved changes are saved first, so the Trash holds your latest text.</p>
      <div className="dialog-actions">
        <button ref={cancel} type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button danger" disabled={busy} onClick={confirm}>
          Move to Trash
        </button>
      </div>
    </Dialog>
  );
}
