// The post list's sorting, filtering and labels, as pure functions so they can
// be tested without a DOM.
import type { PostSummary } from '../../common/api';

export type StatusFilter = 'all' | 'drafts' | 'published';

export interface PostFilter {
  /** Free text; every word must appear in the title, tags, path or description. */
  text: string;
  /** One tag, or '' for any. */
  tag: string;
  status: StatusFilter;
  /** Posts or pages (about, now): the list shows one or the other. */
  kind: 'post' | 'page';
}

export const noFilter: PostFilter = { text: '', tag: '', status: 'all', kind: 'post' };

/** Newest first; undated posts last (most recently modified first), then by title. */
export function comparePosts(a: PostSummary, b: PostSummary): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    // Dates are normalised to YYYY-MM-DD[THH:MM…], so string order is time order.
    return a.date < b.date ? 1 : -1;
  }
  if (a.date === null && a.modified !== b.modified) return b.modified - a.modified;
  return a.title.localeCompare(b.title) || a.path.localeCompare(b.path);
}

export function sortPosts(posts: readonly PostSummary[]): PostSummary[] {
  return [...posts].sort(comparePosts);
}

/** Case- and accent-insensitive form for matching ("Café" finds "cafe"). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function matchesFilter(post: PostSummary, filter: PostFilter): boolean {
  if ((post.kind ?? 'post') !== filter.kind) return false;
  if (filter.status === 'drafts' && !post.draft) return false;
  if (filter.status === 'published' && post.draft) return false;
  if (filter.tag && !post.tags.includes(filter.tag)) return false;
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = searchText(post);
  return words.every((word) => haystack.includes(word));
}

/** Summaries are replaced, never mutated, so each one's folded text can be kept for the next keystroke. */
const folded = new WeakMap<PostSummary, string>();

function searchText(post: PostSummary): string {
  let text = folded.get(post);
  if (text === undefined) {
    text = fold([post.title, post.tags.join(' '), post.path, post.description].join('\n'));
    folded.set(post, text);
  }
  return text;
}

/** The rows to show: filtered, then sorted. */
export function visiblePosts(posts: readonly PostSummary[], filter: PostFilter): PostSummary[] {
  return sortPosts(posts.filter((post) => matchesFilter(post, filter)));
}

/** Every tag used by any post, sorted for the tag menu. */
export function allTags(posts: readonly PostSummary[]): string[] {
  return [...new Set(posts.flatMap((post) => post.tags))].sort((a, b) => a.localeCompare(b));
}

export function isFiltered(filter: PostFilter): boolean {
  return filter.text.trim() !== '' || filter.tag !== '' || filter.status !== 'all';
}

const plural = (n: number, one: string) => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;

/** "12 posts", or "3 of 12 posts" while a filter hides some. */
export function countLabel(shown: number, total: number, noun: 'post' | 'page' = 'post'): string {
  return shown === total ? plural(total, noun) : `${shown.toLocaleString('en')} of ${plural(total, noun)}`;
}

/** Adds or replaces one post in the list, by id. */
export function upsertPost(posts: readonly PostSummary[], post: PostSummary): PostSummary[] {
  const index = posts.findIndex((p) => p.id === post.id);
  if (index === -1) return [...posts, post];
  const next = [...posts];
  next[index] = post;
  return next;
}

export function removePost(posts: readonly PostSummary[], id: string): PostSummary[] {
  return posts.filter((p) => p.id !== id);
}
