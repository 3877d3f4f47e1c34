import { useId, useRef, useState } from 'react';
import { Slug } from '../../common/api';
import { FormDialog } from './FormDialog';

interface RenameDialogProps {
  slug: string;
  path: string;
  /** Resolves true once the post is renamed. */
  onRename: (slug: string) => Promise<boolean>;
  onClose: () => void;
}

export function RenameDialog({ slug: current, path, onRename, onClose }: RenameDialogProps) {
  const [slug, setSlug] = useState(current);
  const [touched, setTouched] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  // The same rule the backend applies, shown as the author types.
  const check = Slug.safeParse(slug);
  const problem = touched && !check.success ? `The slug ${check.error.issues[0]?.message ?? 'is not valid'}.` : null;

  return (
    <FormDialog
      title="Rename post"
      submitLabel="Rename"
      canSubmit={check.success}
      onSubmit={() => onRename(slug)}
      onAttempt={() => setTouched(true)}
      onClose={onClose}
      initialFocus={input}
    >
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
    </FormDialog>
  );
}
