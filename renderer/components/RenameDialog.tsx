import { useId, useRef, useState, type FormEvent } from 'react';
import { Slug } from '../../common/api';
import { Dialog } from './Dialog';

interface RenameDialogProps {
  slug: string;
  path: string;
  /** Resolves true once the post is renamed. */
  onRename: (slug: string) => Promise<boolean>;
  onClose: () => void;
}

export function RenameDialog({ slug: current, path, onRename, onClose }: RenameDialogProps) {
  const [slug, setSlug] = useState(current);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  // The same rule the backend applies, shown as the author types.
  const check = Slug.safeParse(slug);
  const problem = touched && !check.success ? `The slug ${check.error.issues[0]?.message ?? 'is not valid'}.` : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (busy || !check.success) return;
    setBusy(true);
    const renamed = await onRename(slug);
    setBusy(false);
    if (renamed) onClose();
    else input.current?.focus();
  }

  return (
    <Dialog title="Rename post" onClose={onClose} initialFocus={input}>
      <form onSubmit={submit} className="dialog-form">
        <label className="field">
          <span className="field-label">Slug</span>
          <input
            ref={input}
            type="text"
            value={slug}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby={hintId}
            onChange={(event) => {
              setSlug(event.target.value);
              setTouched(true);
            }}
            onFocus={(event) => event.target.select()}
          />
        </label>
        <p id={hintId} className={problem ? 'hint problem' : 'hint'} aria-live="polite">
          {problem ?? (
            <>
              Renames <code>{path}</code> and its assets folder together. Use lower-case words joined by hyphens.
            </>
          )}
        </p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            Rename
          </button>
        </div>
      </form>
    </Dialog>
  );
}
