import { useState } from 'react';
import { Slug } from '../../common/api';
import { slugify } from '../../common/slug';
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
  // A title ("Fly.io Notes, Part 1") is turned into a slug, as New post does; the same rule the backend applies.
  const wanted = Slug.safeParse(slug).success ? slug : slugify(slug);
  const check = Slug.safeParse(wanted);
  const problem = touched && !check.success ? 'Type a slug, or a title to make one from: it needs at least one letter or digit.' : null;
  const converted = check.success && wanted !== slug ? wanted : null;

  return (
    <FormDialog
      title="Rename post"
      submitLabel="Rename"
      canSubmit={check.success}
      onSubmit={() => onRename(wanted)}
      onAttempt={() => setTouched(true)}
      onClose={onClose}
      label="Slug"
      input={{
        value: slug,
        spellCheck: false,
        autoCapitalize: 'off',
        'aria-invalid': problem ? true : undefined,
        onChange: (event) => {
          setSlug(event.target.value);
          setTouched(true);
        },
        onFocus: (event) => event.target.select(),
      }}
      warn={problem !== null}
      hint={
        problem ??
        (converted ? (
          <>
            Will be renamed to <code>{converted}</code>, with its assets folder.
          </>
        ) : (
          <>
            Renames <code>{path}</code> and its assets folder together. Type a slug (lower-case words joined by hyphens) or a title.
          </>
        ))
      }
    />
  );
}
