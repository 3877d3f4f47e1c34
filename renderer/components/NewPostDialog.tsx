import { useId, useRef, useState } from 'react';
import { FormDialog } from './FormDialog';

interface NewPostDialogProps {
  /** Resolves true once the post exists and is open. */
  onCreate: (title: string) => Promise<boolean>;
  onClose: () => void;
}

export function NewPostDialog({ onCreate, onClose }: NewPostDialogProps) {
  const [title, setTitle] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();

  return (
    <FormDialog
      title="New post"
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
        The file name is made from the title. The post starts as a draft.
      </p>
    </FormDialog>
  );
}
