// Link to post ([[ or Mod-Shift-K): a fuzzy pick of the other posts; the
// chosen one is inserted as a relative markdown link to its file.
import { useMemo } from 'react';
import type { PostSummary } from '../../common/api';
import { QuickPick } from './QuickPick';

interface LinkToPostProps {
  /** The post being edited, which is not offered. */
  current: PostSummary;
  posts: readonly PostSummary[];
  onPick: (post: PostSummary) => void;
  onClose: () => void;
}

export function LinkToPost({ current, posts, onPick, onClose }: LinkToPostProps) {
  const others = useMemo(() => posts.filter((p) => p.id !== current.id), [posts, current.id]);
  const items = useMemo(() => others.map((p) => ({ id: p.id, label: p.title || p.path, hint: p.path })), [others]);
  return (
    <QuickPick
      title="Link to post"
      placeholder="Link to which post?"
      items={items}
      empty={others.length ? 'No post title matches.' : 'There is no other post to link to yet.'}
      onPick={(id) => onPick(others.find((p) => p.id === id)!)}
      onClose={onClose}
    />
  );
}
