// The site as a set of posts: which posts are published, where each one lives,
// in what order, under which tags, and which URLs two posts both claim. Built
// from post summaries (the same ones the post list shows), so `postwright
// build` and `postwright check` see one site.
import type { PostSummary } from '../types';
import type { SiteSettings } from '../siteSettings';
import { classify, inDraftFolder, postFolderOf } from '../blog/classify';
import { emptyLayout, isUnder, type BlogLayout } from '../blog/layout';
import { dateValue } from './dates';
import { expandPermalink, isPermalinkPattern } from './expandPermalink';
import { dottedSlug, safeSlug, tagSlug, tagUrl } from './permalink';

export interface PublishOptions {
  /** Include posts marked `draft: true`. */
  drafts: boolean;
  /** Include posts dated after `now`. */
  future: boolean;
  /** The build's clock, in ms since the epoch; only decides which posts are future. */
  now: number;
}

/** What the site needs of a post: its summary, plus what the build found when it rendered it. */
export type SiteInput = Omit<PostSummary, 'id' | 'modified'> & {
  excerpt?: string;
  /** The absolute URL of the picture link previews show: `image:`, else the body's first image. */
  socialImage?: string;
};

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
  /** Published pages (about, now…), by URL: never in the index, tags or feeds. */
  pages: SitePost<P>[];
  /** Tags by slug, alphabetical. */
  tags: SiteTag<P>[];
  duplicates: Duplicate[];
  /** Posts and pages left out, and why; files that are neither (README, _index.md) are not counted. */
  leftOut: { drafts: number; future: number; unreadable: number };
}

/** What decides whether a post is published. */
type PublishFields = Pick<SiteInput, 'draft' | 'date' | 'error' | 'expires'>;

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
  const expires = dateValue(post.expires ?? null);
  if (expires !== null && expires <= options.now) return undefined;
  const time = dateValue(post.date);
  return options.future || time === null || time <= options.now ? time : undefined;
}

export function siteModel<P extends SiteInput>(
  inputs: readonly P[],
  settings: Pick<SiteSettings, 'permalink'>,
  options: PublishOptions,
  layout: BlogLayout = emptyLayout('postwright'),
  /** Each post's URL: the check passes the one it remembers across runs (factsCache.ts). */
  urlFor: (post: P, kind: 'post' | 'page') => string = (post, kind) => urlOf(post, kind, settings, layout),
): SiteModel<P> {
  // One pass, each date parsed once: this runs over every post of every rebuild.
  const posts: SitePost<P>[] = [];
  const pages: SitePost<P>[] = [];
  const leftOut = { drafts: 0, future: 0, unreadable: 0 };
  for (const input of inputs) {
    const kind = classify(input, layout);
    if (kind === 'ignored') continue;
    const post = inDraftFolder(input.path, layout) ? { ...input, draft: true } : input;
    const time = publishedTime(post, options);
    if (time === undefined) {
      if (post.error) leftOut.unreadable++;
      else if (post.draft && !options.drafts) leftOut.drafts++;
      else leftOut.future++;
      continue;
    }
    if (kind === 'page') pages.push({ ...post, kind: 'page', url: urlFor(post, 'page'), time });
    else posts.push({ ...post, url: urlFor(post, 'post'), time });
  }
  const all = [...posts, ...pages];

  // Two posts with one URL: both stay published, the later path under the next free "-N".
  const claims = new Map<string, SitePost<P>[]>();
  for (const post of all) {
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
      const numbered = (i: number) => (url.endsWith('/') ? `${url.slice(0, -1)}-${i}/` : url.replace(/(\.html?)?$/, `-${i}$1`));
      while (claims.has(numbered(n))) n++;
      post.url = numbered(n);
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
  pages.sort((a, b) => compare(a.url, b.url));
  return { posts, pages, tags: [...tags.values()].sort((a, b) => compare(a.slug, b.slug)), duplicates, leftOut };
}

/**
 * Where a post or page lives: its own `permalink`/`url`, else its folder's
 * pattern (a Jekyll collection, a Hugo section), else the site's; pages follow
 * the generator's page pattern.
 */
export function urlOf(post: SiteInput, kind: 'post' | 'page', settings: Pick<SiteSettings, 'permalink'>, layout: BlogLayout): string {
  const folder = postFolderOf(post.path, layout);
  const own = post.permalink && (post.permalink.startsWith('/') ? post.permalink : `/${post.permalink}`);
  // A Jekyll collection's :path is the document's path inside the collection's folder.
  const collection = kind === 'page' ? layout.pageFolders.find((pages) => isUnder(post.path, pages)) : undefined;
  const path = collection ? contentPath(post.path.slice(collection.length + 1), layout) : contentPath(post.path, layout);
  // Every generator serves a 404 page at /404.html, where hosts look for it.
  if (kind === 'page' && path === '404' && !own) return '404.html';
  const pagePattern = (collection && layout.permalinks[collection]) || layout.pagePermalink;
  const pattern = own && isPermalinkPattern(own) ? own : kind === 'page' ? pagePattern : (layout.permalinks[folder] ?? settings.permalink);
  return expandPermalink(pattern, {
    // A blog from another generator keeps its URLs, dots included; Postwright's own keep theirs as they were.
    slug: layout.generator === 'postwright' ? safeSlug(post.slug) : dottedSlug(post.slug),
    title: post.title,
    date: post.date,
    categories: [...jekyllCategoryFolders(post.path, layout), ...(post.categories ?? [])],
    section: collection ? collection.slice(collection.lastIndexOf('/') + 1) : sectionOf(post.path, layout),
    path,
    // Hugo's :title is the title slugified; Jekyll's is the file name's slug.
    titleFromTitle: layout.generator === 'hugo',
    // Hugo's :slug is the front matter's slug, else the title (gohugo.io/configuration/permalinks/#tokens), never the file name.
    slugFromTitle: layout.generator === 'hugo' && post.fileSlug === true,
  });
}

/** The path under the content folder, without extension; `about/index.md` is `about`. */
function contentPath(relative: string, layout: BlogLayout): string {
  // A plain Postwright folder keeps its pages in pages/, published at the root (pages/about.md is /about/).
  const root = layout.generator === 'postwright' ? (isUnder(relative, 'pages') ? 'pages' : '') : layout.contentRoot;
  const inside = root && isUnder(relative, root) ? relative.slice(root.length + 1) : relative;
  return inside.replace(/\.(?:md|markdown)$/i, '').replace(/(?:^|\/)index$/i, '');
}

/** Hugo's section (first folder under the content folder); a Jekyll collection's name without its underscore. */
function sectionOf(relative: string, layout: BlogLayout): string {
  const parts = contentPath(relative, layout).split('/');
  return parts.length > 1 ? parts[0]!.replace(/^_/, '') : '';
}

/** Jekyll takes the folders above `_posts` as categories (`news/_posts/x.md` is in "news"). */
function jekyllCategoryFolders(relative: string, layout: BlogLayout): string[] {
  if (layout.generator !== 'jekyll') return [];
  const parts = relative.split('/');
  const at = parts.indexOf('_posts');
  return at > 0 ? parts.slice(0, at) : [];
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first, undated last, ties by URL then path: the order of posts in every list. */
export function newestFirst(a: SitePost, b: SitePost): number {
  if (a.time !== b.time) return a.time === null ? 1 : b.time === null ? -1 : b.time - a.time;
  return compare(a.url, b.url) || compare(a.path, b.path);
}
