// The site as a set of posts: which posts are published, where each one lives,
// in what order, under which tags, and which URLs two posts both claim. Built
// from post summaries (the same ones the post list shows), so `postwright
// build` and `postwright check` see one site.
import type { PostSummary } from '../types';
import type { SiteSettings } from '../siteSettings';
import { dateValue } from './dates';
import { postUrl, tagSlug, tagUrl } from './permalink';

export interface PublishOptions {
  /** Include posts marked `draft: true`. */
  drafts: boolean;
  /** Include posts dated after `now`. */
  future: boolean;
  /** The build's clock, in ms since the epoch; only decides which posts are future. */
  now: number;
}

/** What the site needs of a post: its summary, plus an excerpt when the build rendered it. */
export type SiteInput = Omit<PostSummary, 'id' | 'modified'> & { excerpt?: string };

export type SitePost<P extends SiteInput = SiteInput> = P & {
  /** Site path, e.g. "posts/hello/". */
  url: string;
  /** The date as an instant, for sorting and feeds; null when undated. */
  time: number | null;
};

export interface SiteTag<P extends SiteInput = SiteInput> {
  /** As first written (by the newest post that uses it). */
  name: string;
  slug: string;
  url: string;
  posts: SitePost<P>[];
}

export interface Duplicate {
  url: string;
  /** The source files that all claim `url`, sorted: the first keeps it, the others get "-2", "-3"… */
  paths: string[];
}

export interface SiteModel<P extends SiteInput = SiteInput> {
  /** Published posts, newest first (undated last, ties by URL). */
  posts: SitePost<P>[];
  /** Tags by slug, alphabetical. */
  tags: SiteTag<P>[];
  duplicates: Duplicate[];
}

/** What decides whether a post is published. */
type PublishFields = Pick<SiteInput, 'draft' | 'date' | 'error'>;

export function isPublished(post: PublishFields, options: PublishOptions): boolean {
  return publishedTime(post, options) !== undefined;
}

/**
 * A published post's date as an instant (null when undated); undefined when the post is left out.
 * A post whose front matter cannot be read is never published, drafts or not: its draft flag is unknown.
 */
function publishedTime(post: PublishFields, options: PublishOptions): number | null | undefined {
  if (post.error) return undefined;
  if (post.draft && !options.drafts) return undefined;
  const time = dateValue(post.date);
  return options.future || time === null || time <= options.now ? time : undefined;
}

export function siteModel<P extends SiteInput>(inputs: readonly P[], settings: Pick<SiteSettings, 'permalink'>, options: PublishOptions): SiteModel<P> {
  // One pass, each date parsed once: this runs over every post of every rebuild.
  const posts: SitePost<P>[] = [];
  for (const post of inputs) {
    const time = publishedTime(post, options);
    if (time !== undefined) posts.push({ ...post, url: postUrl(settings.permalink, post.slug, post.date), time });
  }

  // Two posts with one URL: both stay published, the later path under the next free "-N".
  const claims = new Map<string, SitePost<P>[]>();
  for (const post of posts) {
    const claimants = claims.get(post.url);
    if (claimants) claimants.push(post);
    else claims.set(post.url, [post]);
  }
  const duplicates: Duplicate[] = [];
  for (const [url, claimants] of [...claims].sort(([a], [b]) => compare(a, b))) {
    if (claimants.length < 2) continue;
    claimants.sort((a, b) => compare(a.path, b.path));
    duplicates.push({ url, paths: claimants.map((p) => p.path) });
    let n = 2;
    for (const post of claimants.slice(1)) {
      while (claims.has(`${url.slice(0, -1)}-${n}/`)) n++;
      post.url = `${url.slice(0, -1)}-${n}/`;
      claims.set(post.url, [post]);
    }
  }
  posts.sort(newestFirst);

  const tags = new Map<string, SiteTag<P>>();
  // Thousands of posts share a few dozen tag names: slug each name once.
  const slugs = new Map<string, string>();
  for (const post of posts) {
    for (const name of new Set(post.tags)) {
      let slug = slugs.get(name);
      if (slug === undefined) slugs.set(name, (slug = tagSlug(name)));
      let tag = tags.get(slug);
      if (!tag) tags.set(slug, (tag = { name, slug, url: tagUrl(name), posts: [] }));
      if (tag.posts.at(-1) !== post) tag.posts.push(post);
    }
  }
  return { posts, tags: [...tags.values()].sort((a, b) => compare(a.slug, b.slug)), duplicates };
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function newestFirst(a: SitePost, b: SitePost): number {
  if (a.time !== b.time) return a.time === null ? 1 : b.time === null ? -1 : b.time - a.time;
  return compare(a.url, b.url) || compare(a.path, b.path);
}
