// A dialog that asks for one thing and submits it: the shared shape of New post
// and Rename. It stays open when the action fails (a toast says why), so the
// author can correct the input.
import { useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { Dialog } from './Dialog';

interface FormDialogProps {
  title: string;
  submitLabel: string;
  /** The submit button is disabled while this is false. */
  canSubmit: boolean;
  /** Resolves true when done; the dialog then closes. */
  onSubmit: () => Promise<boolean>;
  /** Called on every submit attempt, valid or not (e.g. to show validation). */
  onAttempt?: () => void;
  onClose: () => void;
  initialFocus: RefObject<HTMLInputElement | null>;
  children: ReactNode;
}

export function FormDialog({ title, submitLabel, canSubmit, onSubmit, onAttempt, onClose, initialFocus, children }: FormDialogProps) {
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    onAttempt?.();
    if (busy || !canSubmit) return;
    setBusy(true);
    const done = await onSubmit();
    setBusy(false);
    if (done) onClose();
    else initialFocus.current?.focus();
  }

  return (
    <Dialog title={title} onClose={onClose} initialFocus={initialFocus}>
      <form onSubmit={submit} className="dialog-form">
        {children}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy || !canSubmit}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
