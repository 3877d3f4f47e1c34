import { useId, useRef, useState } from 'react';
import { FormDialog } from './FormDialog';

interface NewPostDialogProps {
  /** A post (dated) or a page (about, now: no date, never in the feeds). */
  kind: 'post' | 'page';
  /** Resolves true once the post exists and is open. */
  onCreate: (title: string) => Promise<boolean>;
  onClose: () => void;
}

export function NewPostDialog({ kind, onCreate, onClose }: NewPostDialogProps) {
  const [title, setTitle] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();

  return (
    <FormDialog
      title={kind === 'page' ? 'New page' : 'New post'}
      submitLabel="Create"
      canSubmit={title.trim() !== ''}
      onSubmit={() => onCreate(title.trim())}
      onClose={onClose}
      initialFocus={input}
    >
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
        {kind === 'page'
          ? 'The file name is made from the title. A page has no date and is never in the index or the feeds; it starts as a draft.'
          : 'The file name is made from the title. The post starts as a draft.'}
      </p>
    </FormDialog>
  );
}
