// The posts as a listbox. One row holds the tab stop (roving tabindex), so Tab
// moves past the list and the arrow keys move within it; Enter opens.
//
// The list is virtualized: only the rows in view (plus a few either side) are
// in the DOM, so a workspace of 10,000 posts lists as fast as one of 50. Rows
// wrap to two lines, so their heights are measured as they render. The row with
// the tab stop is always rendered, wherever it is, so focus never falls out of
// the list and App's "focus the list" finds it.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { PostSummary } from '../../common/api';
import { PostRow } from './PostRow';
import './PostList.css';

interface PostListProps {
  posts: readonly PostSummary[];
  openId: string | null;
  /** Kept stable by the caller: a new function re-renders the list. */
  onOpen: (id: string) => void;
  ref?: Ref<HTMLUListElement>;
}

/** A one-line title with its date line measures 52.6px; a two-line one 70.8px. */
const estimatedRowHeight = 53;
/** Matches the list's bottom padding in the old, unvirtualized layout. */
const listPaddingEnd = 12;

export const PostList = memo(function PostList({ posts, openId, onOpen, ref }: PostListProps) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement | null>(null);
  /** A row to focus once it has rendered (keyboard moves to a row not yet in the DOM). */
  const pendingFocus = useRef<string | null>(null);

  const sharedTitles = useMemo(() => duplicateTitles(posts), [posts]);
  const indexOf = useMemo(() => new Map(posts.map((post, index) => [post.id, index])), [posts]);
  const has = (id: string | null): id is string => id !== null && indexOf.has(id);
  const active = has(activeId) ? activeId : has(openId) ? openId : (posts[0]?.id ?? null);
  const activeIndex = active === null ? -1 : (indexOf.get(active) ?? -1);
  const openIndex = openId === null ? -1 : (indexOf.get(openId) ?? -1);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex < 0 || indexes.includes(activeIndex)) return indexes;
      return [...indexes, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex],
  );

  const virtualizer = useVirtualizer({
    count: posts.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimatedRowHeight,
    // Measured heights follow the post, not its position, across filter changes.
    getItemKey: (index) => posts[index]!.id,
    measureElement: (el, entry, instance) => {
      // Unrounded (the default rounds): rows are fractional px tall (13.5px × 1.35
      // lines), and rounding would drift them off where normal flow put them.
      const size = entry?.borderBoxSize[0]?.blockSize ?? el.getBoundingClientRect().height;
      if (size > 0) return size;
      // A hidden sidebar (display: none) reports 0. Keep the last real size, or
      // re-showing it "corrects" the scroll position for every row that came back.
      const key = instance.options.getItemKey(instance.indexFromElement(el));
      return instance.itemSizeCache.get(key) ?? estimatedRowHeight;
    },
    rangeExtractor,
    overscan: 8,
    paddingEnd: listPaddingEnd,
  });

  const setList = useCallback(
    (el: HTMLUListElement) => {
      list.current = el;
      const cleanup = typeof ref === 'function' ? ref(el) : ref ? void (ref.current = el) : undefined;
      return () => {
        list.current = null;
        if (typeof cleanup === 'function') cleanup();
        else if (typeof ref === 'function') ref(null);
        else if (ref) ref.current = null;
      };
    },
    [ref],
  );

  const rowAt = (index: number) => list.current?.querySelector<HTMLElement>(`[data-index="${index}"]`) ?? null;

  // Keep the open post in view: when it changes (opened, created), and when the
  // list changes under it (a filter, a rename) if it was in view before.
  const openWasVisible = useRef(false);
  // Only when the open post changes or joins the list, not whenever its index moves.
  useLayoutEffect(() => {
    if (openIndex >= 0) virtualizer.scrollToIndex(openIndex);
  }, [openId, openIndex >= 0, virtualizer]);
  useLayoutEffect(() => {
    if (openWasVisible.current && openIndex >= 0) virtualizer.scrollToIndex(openIndex);
  }, [posts, virtualizer]);
  useLayoutEffect(() => {
    const range = virtualizer.range;
    openWasVisible.current = range !== null && openIndex >= range.startIndex && openIndex <= range.endIndex;
    // A keyboard move to a row that was out of view: focus it now it is rendered.
    const id = pendingFocus.current;
    if (id !== null) {
      const index = indexOf.get(id);
      const row = index === undefined ? null : rowAt(index);
      if (row || index === undefined) pendingFocus.current = null;
      row?.focus({ preventScroll: true });
    }
  });

  const openRow = useCallback(
    (id: string) => {
      setActiveId(id);
      onOpen(id);
    },
    [onOpen],
  );

  function moveTo(index: number) {
    const target = Math.max(0, Math.min(posts.length - 1, index));
    const post = posts[target];
    if (!post) return;
    setActiveId(post.id);
    virtualizer.scrollToIndex(target);
    const row = rowAt(target);
    if (row) row.focus({ preventScroll: true });
    else pendingFocus.current = post.id;
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const range = virtualizer.range;
    // A page is the rows in view, less one so the last stays in sight.
    const page = range ? Math.max(1, range.endIndex - range.startIndex) : 10;
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
      Home: 0,
      End: posts.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if ((event.key === 'Enter' || event.key === ' ') && active) {
      event.preventDefault();
      openRow(active);
    }
  }

  return (
    <div ref={scroller} className="post-list-scroller">
      <ul
        ref={setList}
        role="listbox"
        aria-label="Posts"
        className="post-list"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const post = posts[item.index]!;
          return (
            <PostRow
              key={post.id}
              post={post}
              index={item.index}
              setSize={posts.length}
              start={item.start}
              selected={post.id === openId}
              active={post.id === active}
              showFile={sharedTitles.has(post.title)}
              onOpen={openRow}
              onFocus={setActiveId}
              ref={virtualizer.measureElement}
            />
          );
        })}
      </ul>
    </div>
  );
});

/** Titles that more than one post has (a conflicted copy, say). */
function duplicateTitles(posts: readonly PostSummary[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { title } of posts) (seen.has(title) ? twice : seen).add(title);
  return twice;
}
