import { useId, useRef, useState, type FormEvent } from 'react';
import { Dialog } from './Dialog';

interface NewPostDialogProps {
  /** Resolves true once the post exists and is open. */
  onCreate: (title: string) => Promise<boolean>;
  onClose: () => void;
}

export function NewPostDialog({ onCreate, onClose }: NewPostDialogProps) {
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed || busy) return;
    setBusy(true);
    const created = await onCreate(trimmed);
    setBusy(false);
    // On failure the toast says why; the dialog stays so the title can be fixed.
    if (created) onClose();
    else input.current?.focus();
  }

  return (
    <Dialog title="New post" onClose={onClose} initialFocus={input}>
      <form onSubmit={submit} className="dialog-form">
        <label className="field">
          <span className="field-label">Title</span>
          <input
            ref={input}
            type="text"
            value={title}
            required
            maxLength={200}
            autoComplete="off"
            onChange={(event) => setTitle(event.target.value)}
            aria-describedby={hintId}
          />
        </label>
        <p id={hintId} className="hint">
          The file name is made from the title. The post starts as a draft.
        </p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy || !title.trim()}>
            Create
          </button>
        </div>
      </form>
    </Dialog>
  );
}
