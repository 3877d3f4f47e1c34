// A dialog that asks for one thing and submits it: the shared shape of New
// post, Rename and Insert video. One labelled field with a hint under it that
// is read with it (and shows as a problem when `warn`). It stays open when the
// action fails (a toast says why), so the author can correct the input.
import { useId, useRef, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
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
  /** The field's label. */
  label: string;
  /** The input's own attributes: value, onChange, type (text unless said) and the like. */
  input: InputHTMLAttributes<HTMLInputElement>;
  hint: ReactNode;
  /** Shows the hint as a problem. */
  warn: boolean;
}

export function FormDialog({ title, submitLabel, canSubmit, onSubmit, onAttempt, onClose, label, input, hint, warn }: FormDialogProps) {
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const hintId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    onAttempt?.();
    if (busy || !canSubmit) return;
    setBusy(true);
    const done = await onSubmit();
    setBusy(false);
    if (done) onClose();
    else field.current?.focus();
  }

  return (
    <Dialog title={title} onClose={onClose} initialFocus={field}>
      <form onSubmit={submit} className="dialog-form">
        <label className="field">
          <span className="field-label">{label}</span>
          <input ref={field} type="text" autoComplete="off" {...input} aria-describedby={hintId} />
        </label>
        <p id={hintId} className={warn ? 'hint problem' : 'hint'} aria-live="polite">
          {hint}
        </p>
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
