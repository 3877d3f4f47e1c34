import { useState } from 'react';
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
      label="Title"
      input={{ value: title, required: true, maxLength: 200, onChange: (event) => setTitle(event.target.value) }}
      warn={twin !== undefined}
      hint={
        twin ? (
          <>
            “{twin.title || twin.path}” already exists (<code>{twin.path}</code>). The new post gets its own file, with -2 or a higher number after the name.
          </>
        ) : kind === 'page' ? (
          'The file name is made from the title. A page has no date and is never in the index or the feeds; it starts as a draft.'
        ) : (
          'The file name is made from the title. The post starts as a draft.'
        )
      }
    />
  );
}
