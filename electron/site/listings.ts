// The pages that list posts: the index (paged), each tag's page and the list
// of tags, a Hugo blog's section and category lists, the archive, and the
// theme's 404 page. Each is keyed on the digests its posts got when they were
// rendered, so a listing is made again only when a post it shows changed.
import type { BlogLayout } from '../../common/blog/layout';
import { CATEGORIES_URL, hugoLists, type HugoList } from '../../common/site/hugoLists';
import type { SiteInput, SiteModel, SitePost } from '../../common/site/model';
import { fileOf, indexUrl } from '../../common/site/permalink';
import { ArchivePage, IndexPage, NotFoundPage, TagPage, TagsPage, type Taxonomy } from '../../common/theme/pages';
import type { ListedPost } from '../../common/theme/PostLinks';
import { renderPage } from '../../common/theme/render';
import type { Site } from '../../common/theme/site';
import type { OutputLedger } from './outputLedger';
import type { PostRecord } from './postRenderer';

/** Hugo's categories taxonomy and main sections, listed as tags are. */
const CATEGORIES: Taxonomy = { title: 'Categories', url: CATEGORIES_URL, relation: 'in', every: 'Every category' };
const SECTION: Taxonomy = { title: 'Archive', url: 'archive/', relation: 'in', every: 'Every post' };

/** A post's digest as a listing shows it (title, date, excerpt…) or as a link (title and URL). */
export type Digests = (post: SitePost, kind: 'listing' | 'link') => string;

/**
 * Keys hash each post's digests (made when it was rendered), not its fields; each post's pair is
 * made once here, as tag pages and the archive list every post again (tens of thousands of lookups).
 */
export function listingDigests(model: SiteModel<SiteInput>, records: ReadonlyMap<string, PostRecord>): Digests {
  const pairs = new Map<SitePost, { listing: string; link: string }>();
  // Pages too: a Hugo section of pages only (gohugo.io's showcase/) lists them.
  for (const p of [...model.posts, ...model.pages]) {
    const record = records.get(p.path)!;
    pairs.set(p, { listing: `${p.url} ${record.listing}`, link: `${p.url} ${record.link}` });
  }
  return (p, kind) => pairs.get(p)![kind];
}

export interface Listings {
  model: SiteModel<SiteInput>;
  layout: BlogLayout;
  /** The site with its nav: every listing's header shows it. */
  site: Site;
  /** The nav's digest, part of each listing's inputs. */
  chrome: string;
  /** How many index pages, of how many posts each. */
  pages: number;
  perPage: number;
  digests: Digests;
  /** A post's excerpt: a cached record's entry has none, the cache holds it apart. */
  excerptOf: (post: SitePost) => string;
  /** Called once an index page, once a tag page, and once for the rest. */
  advance: () => void;
}

/** Writes every listing; returns a Hugo blog's section and category lists, which the sitemap names too. */
export async function writeListings(ledger: OutputLedger, listings: Listings): Promise<HugoList[]> {
  const { model, layout, site, chrome, pages, perPage, digests, advance } = listings;
  /** A post as the index shows it (tag and archive pages show no excerpt, so they take the posts as they are). */
  const listed = (p: SitePost): ListedPost => ({ title: p.title, url: p.url, date: p.date, words: p.words, excerpt: listings.excerptOf(p), description: p.description, tags: p.tags });
  for (let page = 1; page <= pages; page++) {
    const posts = model.posts.slice((page - 1) * perPage, page * perPage);
    await ledger.emit(fileOf(indexUrl(page)), ['index', chrome, page, pages, posts.map((p) => digests(p, 'listing'))], () =>
      renderPage(IndexPage({ site, posts: posts.map(listed), page, pages }), site),
    );
    advance();
  }
  for (const tag of model.tags) {
    await ledger.emit(fileOf(tag.url), ['tag', chrome, tag.name, tag.posts.map((p) => digests(p, 'link'))], () =>
      renderPage(TagPage({ site, name: tag.name, url: tag.url, posts: tag.posts }), site),
    );
    advance();
  }
  const tagList = model.tags.map((t) => ({ name: t.name, url: t.url, count: t.posts.length }));
  await ledger.emit(fileOf('tags/'), ['tags', chrome, tagList], () => renderPage(TagsPage({ site, tags: tagList }), site));
  // A Hugo blog's section and category lists, where its own pages don't stand.
  const hugo = hugoLists(model.posts, layout, model.pages);
  const unclaimed = (url: string) => !ledger.has(fileOf(url));
  for (const list of [...hugo.sections, ...hugo.categories].filter((l) => unclaimed(l.url))) {
    const taxonomy = list.url.startsWith(CATEGORIES_URL) ? CATEGORIES : SECTION;
    await ledger.emit(fileOf(list.url), ['list', chrome, list.url, list.name, list.posts.map((p) => digests(p, 'link'))], () =>
      renderPage(TagPage({ site, name: list.name, url: list.url, posts: list.posts, taxonomy }), site),
    );
  }
  if (hugo.categories.length > 0 && unclaimed(CATEGORIES_URL)) {
    const categoryList = hugo.categories.map((c) => ({ name: c.name, url: c.url, count: c.posts.length }));
    await ledger.emit(fileOf(CATEGORIES_URL), ['categories', chrome, categoryList], () => renderPage(TagsPage({ site, tags: categoryList, taxonomy: CATEGORIES }), site));
  }
  await ledger.emit(fileOf('archive/'), ['archive', chrome, model.posts.map((p) => digests(p, 'link'))], () => renderPage(ArchivePage({ site, posts: model.posts }), site));
  // The blog's own 404 page (404.md) replaces the theme's.
  if (!ledger.has('404.html')) await ledger.emit('404.html', ['404', chrome], () => renderPage(NotFoundPage({ site }), site));
  advance();
  return [...hugo.sections, ...hugo.categories];
}
