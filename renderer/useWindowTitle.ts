import { useEffect } from 'react';
import type { PostSummary } from '../common/api';

/** "● Title — Postwright": the post, with a dot while it has unsaved changes. */
export function windowTitle(post: PostSummary | null, dirty: boolean): string {
  if (!post) return 'Postwright';
  return `${dirty ? '● ' : ''}${post.title || post.slug || post.path} — Postwright`;
}

export function useWindowTitle(post: PostSummary | null, dirty: boolean): void {
  const title = windowTitle(post, dirty);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
