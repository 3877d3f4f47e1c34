import { useId, useRef, useState } from 'react';
import type { PostSummary } from '../../common/api';
import { slugify } from '../../common/slug';
import { FormDialog } from './FormDialog';

interface NewPostDialogProps {
  /** A post (dated) or a page (about, now: no date, never in the feeds). */
  kind: 'post' | 'page';
  /** Resolves true once the post exists and is open. */
  onCreate: (title: string) => Promise<boolean>;
  onClose: () => void;
  /** The workspace's posts, to say when the title is taken. */
  posts: readonly PostSummary[];
}

export function NewPostDialog({ kind, onCreate, onClose, posts }: NewPostDialogProps) {
  const [title, setTitle] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  // The backend never replaces a post: a taken file name gets -2, -3… Say so before it happens.
  const slug = slugify(title.trim());
  const twin = slug ? posts.find((post) => post.slug === slug || post.title.trim().toLowerCase() === title.trim().toLowerCase()) : undefined;

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
      <p id={hintId} className={twin ? 'hint problem' : 'hint'} aria-live="polite">
        {twin ? (
          <>
            “{twin.title || twin.path}” already exists (<code>{twin.path}</code>). The new post gets its own file, with -2 or a higher number after the name.
          </>
        ) : (
          kind === 'page'
            ? 'The file name is made from the title. A page has no date and is never in the index or the feeds; it starts as a draft.'
            : 'The file name is made from the title. The post starts as a draft.'
        )}
      </p>
    </FormDialog>
  );
}
