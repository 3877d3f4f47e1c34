// The posts as a listbox. One row holds the tab stop (roving tabindex), so Tab
// moves past the list and the arrow keys move within it; Enter opens.
import { useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { PostSummary } from '../../common/api';
import { PostRow } from './PostRow';

interface PostListProps {
  posts: readonly PostSummary[];
  openId: string | null;
  onOpen: (id: string) => void;
  ref?: Ref<HTMLUListElement>;
}

export function PostList({ posts, openId, onOpen, ref }: PostListProps) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const rows = useRef(new Map<string, HTMLLIElement>());
  const sharedTitles = useMemo(() => duplicateTitles(posts), [posts]);
  const has = (id: string | null) => id !== null && posts.some((p) => p.id === id);
  const active = has(activeId) ? activeId : has(openId) ? openId : (posts[0]?.id ?? null);

  function focusAt(index: number) {
    const post = posts[Math.max(0, Math.min(posts.length - 1, index))];
    if (!post) return;
    setActiveId(post.id);
    rows.current.get(post.id)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const index = posts.findIndex((p) => p.id === active);
    const page = 10;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: posts.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      focusAt(target);
    } else if ((event.key === 'Enter' || event.key === ' ') && active) {
      event.preventDefault();
      onOpen(active);
    }
  }

  return (
    <ul ref={ref} role="listbox" aria-label="Posts" className="post-list" onKeyDown={onKeyDown}>
      {posts.map((post) => (
        <PostRow
          key={post.id}
          post={post}
          selected={post.id === openId}
          active={post.id === active}
          showFile={sharedTitles.has(post.title)}
          onOpen={() => {
            setActiveId(post.id);
            onOpen(post.id);
          }}
          onFocus={() => setActiveId(post.id)}
          ref={(el) => {
            if (el) rows.current.set(post.id, el);
            else rows.current.delete(post.id);
          }}
        />
      ))}
    </ul>
  );
}

/** Titles that more than one post has (a conflicted copy, say). */
function duplicateTitles(posts: readonly PostSummary[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { title } of posts) (seen.has(title) ? twice : seen).add(title);
  return twice;
}
