import { describe, expect, it } from 'vitest';
import type { PostSummary } from '../../../common/api';
import { allTags, countLabel, matchesFilter, noFilter, removePost, sortPosts, upsertPost, visiblePosts } from '../../../renderer/posts/postFilter';

function post(over: Partial<PostSummary> & { id: string }): PostSummary {
  return {
    path: `posts/${over.id}.md`,
    title: over.id,
    date: null,
    tags: [],
    draft: false,
    slug: over.id,
    description: '',
    words: 0,
    modified: 0,
    ...over,
  };
}

describe('sortPosts', () => {
  it('puts the newest first and undated posts last', () => {
    const posts = [
      post({ id: 'undated', modified: 5 }),
      post({ id: 'old', date: '2023-05-01' }),
      post({ id: 'new', date: '2025-01-12' }),
      post({ id: 'later-same-day', date: '2025-01-12T18:00' }),
      post({ id: 'undated-newer', modified: 9 }),
    ];
    expect(sortPosts(posts).map((p) => p.id)).toEqual(['later-same-day', 'new', 'old', 'undated-newer', 'undated']);
  });

  it('breaks ties by title', () => {
    const posts = [post({ id: 'b', title: 'Beta', date: '2025-01-01' }), post({ id: 'a', title: 'Alpha', date: '2025-01-01' })];
    expect(sortPosts(posts).map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('does not reorder its input', () => {
    const posts = [post({ id: 'a', date: '2020-01-01' }), post({ id: 'b', date: '2021-01-01' })];
    sortPosts(posts);
    expect(posts.map((p) => p.id)).toEqual(['a', 'b']);
  });
});

describe('matchesFilter', () => {
  const p = post({
    id: 'x',
    title: 'Café culture',
    tags: ['travel', 'food'],
    path: 'posts/2025-01-12-cafe.md',
    description: 'Where to sit in Lisbon',
    draft: true,
  });

  it('matches every word against title, tags, path and description, ignoring case and accents', () => {
    expect(matchesFilter(p, { ...noFilter, text: 'cafe' })).toBe(true);
    expect(matchesFilter(p, { ...noFilter, text: 'FOOD lisbon' })).toBe(true);
    expect(matchesFilter(p, { ...noFilter, text: '2025-01-12' })).toBe(true);
    expect(matchesFilter(p, { ...noFilter, text: 'cafe paris' })).toBe(false);
    expect(matchesFilter(p, { ...noFilter, text: '   ' })).toBe(true);
  });

  it('filters by exact tag and by status', () => {
    expect(matchesFilter(p, { ...noFilter, tag: 'food' })).toBe(true);
    expect(matchesFilter(p, { ...noFilter, tag: 'foo' })).toBe(false);
    expect(matchesFilter(p, { ...noFilter, status: 'drafts' })).toBe(true);
    expect(matchesFilter(p, { ...noFilter, status: 'published' })).toBe(false);
  });

  it('visiblePosts filters then sorts', () => {
    const posts = [post({ id: 'a', date: '2020-01-01', draft: true }), post({ id: 'b', date: '2021-01-01', draft: true }), post({ id: 'c' })];
    expect(visiblePosts(posts, { ...noFilter, status: 'drafts' }).map((x) => x.id)).toEqual(['b', 'a']);
  });
});

describe('labels', () => {

  it('counts posts, saying how many a filter hides', () => {
    expect(countLabel(12, 12)).toBe('12 posts');
    expect(countLabel(1, 1)).toBe('1 post');
    expect(countLabel(3, 12)).toBe('3 of 12 posts');
    expect(countLabel(1200, 1200)).toBe('1,200 posts');
  });

  it('collects tags once, sorted', () => {
    expect(allTags([post({ id: 'a', tags: ['b', 'a'] }), post({ id: 'b', tags: ['a', 'c'] })])).toEqual(['a', 'b', 'c']);
  });
});

describe('upsertPost / removePost', () => {
  it('replaces by id or appends', () => {
    const list = [post({ id: 'a' })];
    expect(upsertPost(list, post({ id: 'a', title: 'New' }))).toEqual([post({ id: 'a', title: 'New' })]);
    expect(upsertPost(list, post({ id: 'b' })).map((p) => p.id)).toEqual(['a', 'b']);
    expect(removePost(list, 'a')).toEqual([]);
  });
});
