import { useCallback, useDeferredValue, useLayoutEffect, useMemo, useRef, type Ref } from 'react';
import type { PostsState } from './postsStore';
import { allTags, countLabel, isFiltered, noFilter, visiblePosts, type PostFilter } from './postFilter';
import { keyLabel } from '../commands/modifierKeys';
import { newPostKey } from '../commands/useAppCommands';
import { FindTextButton } from '../components/FindTextButton';
import { Icon } from '../components/Icon';
import { PostFilters } from './PostFilters';
import { PostList } from './PostList';
import './Sidebar.css';

interface SidebarProps {
  id: string;
  hidden: boolean;
  list: PostsState;
  filter: PostFilter;
  onFilter: (filter: PostFilter) => void;
  openId: string | null;
  onOpen: (id: string) => void;
  onNew: () => void;
  onRetry: () => void;
  listRef: Ref<HTMLUListElement>;
  onEnterList: () => void;
  /** Find in all posts, starting from the filter's text. */
  onFindText: (text: string) => void;
}

export function Sidebar({ id, hidden, list, filter, onFilter, openId, onOpen, onNew, onRetry, listRef, onEnterList, onFindText }: SidebarProps) {
  const all = list.posts;
  // The field shows each keystroke at once; the list catches up when React has time,
  // so typing stays responsive in a workspace of thousands of posts.
  const listFilter = useDeferredValue(filter);
  const shown = useMemo(() => (all ? visiblePosts(all, listFilter) : []), [all, listFilter]);
  const tags = useMemo(() => (all ? allTags(all) : []), [all]);
  // The list is memoized; a new onOpen on every render would defeat that.
  const latestOnOpen = useRef(onOpen);
  useLayoutEffect(() => {
    latestOnOpen.current = onOpen;
  });
  const openPost = useCallback((postId: string) => latestOnOpen.current(postId), []);

  return (
    <aside id={id} className="sidebar" aria-label="Posts" hidden={hidden}>
      <header className="sidebar-header">
        <h1 className="sidebar-title">
          {/* Posts and pages (about, now) are listed apart, as the site publishes them. */}
          <span className="kind-switch" role="group" aria-label="Show">
            {(['post', 'page'] as const).map((kind) => (
              <button key={kind} type="button" className="kind-button" aria-pressed={filter.kind === kind} onClick={() => onFilter({ ...filter, kind })}>
                {kind === 'post' ? 'Posts' : 'Pages'}
              </button>
            ))}
          </span>
        </h1>
        <button
          type="button"
          className="icon-button"
          aria-label={filter.kind === 'page' ? 'New page' : 'New post'}
          title={filter.kind === 'page' ? 'New page' : `New post (${keyLabel(newPostKey)})`}
          onClick={onNew}
        >
          <Icon name="plus" />
        </button>
      </header>
      <PostFilters filter={filter} tags={tags} onChange={onFilter} onEnterList={onEnterList} />
      {all === null ? (
        list.error ? (
          <div className="sidebar-message" role="alert">
            <p>Couldn't list the posts: {list.error}</p>
            <button type="button" className="button" onClick={onRetry}>
              Try again
            </button>
          </div>
        ) : (
          <p className="sidebar-message" aria-busy="true">
            Loading posts…
          </p>
        )
      ) : (
        <>
          <p className="post-count" aria-live="polite">
            {countLabel(shown.length, all.filter((post) => (post.kind ?? 'post') === filter.kind).length, filter.kind)}
          </p>
          {filter.text.trim() && <FindTextButton text={filter.text.trim()} onFind={onFindText} />}
          {shown.length > 0 ? (
            <PostList ref={listRef} posts={shown} openId={openId} onOpen={openPost} />
          ) : filter.kind === 'page' && !all.some((post) => post.kind === 'page') ? (
            <p className="sidebar-message">No pages yet. An about or now page is written with the + button.</p>
          ) : all.length === 0 ? (
            <p className="sidebar-message">No posts yet. Press {keyLabel(newPostKey)} to write the first one.</p>
          ) : (
            <div className="sidebar-message">
              <p>No posts match.</p>
              {isFiltered(filter) && (
                <button type="button" className="button" onClick={() => onFilter(noFilter)}>
                  Clear filters
                </button>
              )}
            </div>
          )}
        </>
      )}
    </aside>
  );
}
