// The site's navigation: the links in every page's header, before the theme's
// own Archive and Tags. Decided once per build, from the published pages and
// the config, by the rules of the blog's generator:
// - `nav` in postwright.json, when given, is the nav, for any blog;
// - Hugo: the main menu, from the config's `[[menus.main]]` and the pages'
//   `menu: main`, sorted as Hugo sorts a menu (gohugo.io/methods/menu/byweight:
//   weight, then name, then identifier; an entry without a weight goes last);
// - Jekyll: minima's `header_pages` in its order, else every page with a title;
// - Eleventy: the top-level `eleventyNavigation` entries by `order`
//   (11ty.dev/docs/plugins/navigation/; entries without one go last);
// - Postwright's own folders: every page with a title, by `weight` (or
//   `order`), then title.
// A nav entry is workspace content: its URL is classified with the URL parser,
// and only paths on the site and http(s)/mailto links are kept.
import type { BlogLayout, ConfigMenuEntry } from '../blog/layout';
import { isUnder } from '../blog/layout';
import type { SiteSettings } from '../siteSettings';
import type { SitePost } from './model';

export type NavLink =
  /** A page of the site: its site path ("about/"), and any query or fragment the entry gave. */
  | { label: string; path: string; suffix: string }
  /** A link elsewhere, as the URL parser wrote it. */
  | { label: string; external: string };

export interface SiteNav {
  links: NavLink[];
  /** Entries left out, each saying which entry and why. */
  warnings: NavWarning[];
}

/** A nav entry left out: the file that gave it (postwright.json or the generator's config), and why. */
export interface NavWarning {
  file: string;
  message: string;
}

/** What the nav needs of a post or page. */
export type NavPage = Pick<SitePost, 'path' | 'title' | 'url' | 'nav'>;

/** Schemes a nav link may lead to: nothing that runs (javascript:) or carries a document (data:). */
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** A placeholder origin, to resolve a path the way a browser on the site would. */
const SITE = new URL('https://site.invalid/');

/** Where a nav URL leads: a path on the site, a web (or mailto) address, or null when it may not be linked. */
export function navTarget(url: string): { path: string; suffix: string } | { external: string } | null {
  const trimmed = url.trim();
  if (URL.canParse(trimmed)) {
    const parsed = new URL(trimmed);
    return EXTERNAL_PROTOCOLS.has(parsed.protocol) ? { external: parsed.href } : null;
  }
  if (!URL.canParse(trimmed, SITE)) return null;
  const parsed = new URL(trimmed, SITE);
  // "//host/x" (and "\\host") leave the site: a nav link to another host is written out in full.
  if (parsed.origin !== SITE.origin) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname.slice(1));
  } catch {
    return null;
  }
  return { path, suffix: parsed.search + parsed.hash };
}

/** The nav of the site whose published pages and posts are given. */
export function siteNav(pages: readonly NavPage[], posts: readonly NavPage[], layout: BlogLayout, settings: Pick<SiteSettings, 'nav'>): SiteNav {
  const warnings: NavWarning[] = [];
  if (settings.nav.length > 0) return { links: settings.nav.flatMap((link) => linkTo(link.label, link.url, 'postwright.json', warnings)), warnings };
  switch (layout.generator) {
    case 'hugo':
      return { links: hugoMenu(pages, posts, layout, warnings), warnings };
    case 'jekyll':
      // minima lists every titled page, its home and 404 pages included when they have a title.
      return { links: layout.menu ? headerPages(pages, layout.menu, layout.configFile ?? '_config.yml', warnings) : titledPages(pages, byName, titled), warnings };
    case 'eleventy':
      return { links: eleventyNavigation([...pages, ...posts]), warnings };
    case 'postwright':
      return { links: titledPages(pages, byWeightThenTitle, listable), warnings };
  }
}

/** A URL entry as a link, or nothing (and a warning) when its URL may not be linked. */
function linkTo(label: string, url: string, source: string, warnings: NavWarning[]): NavLink[] {
  const target = navTarget(url);
  if (target) return [{ label, ...target }];
  warnings.push({ file: source, message: `The nav leaves out the link "${label}": "${url}" is neither a path on the site nor an http(s) or mailto link.` });
  return [];
}

const pageLink = (page: NavPage, label = page.title): NavLink => ({ label, path: page.url, suffix: '' });

const titled = (page: NavPage) => !page.nav?.untitled;
/** Postwright's list leaves out the home page (the site title links to it) and the 404 page. */
const listable = (page: NavPage) => titled(page) && page.url !== '' && page.url !== '404.html';

function titledPages(pages: readonly NavPage[], order: (a: NavPage, b: NavPage) => number, shown: (page: NavPage) => boolean): NavLink[] {
  return pages.filter(shown).sort(order).map((page) => pageLink(page));
}

/** Jekyll's own order of site.pages: by file name (its reader sorts them so), then path. */
const byName = (a: NavPage, b: NavPage) => compare(fileName(a.path), fileName(b.path)) || compare(a.path, b.path);
const byWeightThenTitle = (a: NavPage, b: NavPage) => byOptional(a.nav?.weight, b.nav?.weight) || compareFold(a.title, b.title) || compare(a.path, b.path);

/** minima's header: each listed page that exists and has a title, in the config's order. */
function headerPages(pages: readonly NavPage[], menu: readonly ConfigMenuEntry[], configFile: string, warnings: NavWarning[]): NavLink[] {
  return menu.flatMap((entry) => {
    const page = entry.page === undefined ? undefined : pages.find((p) => p.path === entry.page!.replace(/^\/+/, ''));
    if (!page || page.nav?.untitled) {
      warnings.push({ file: configFile, message: `The nav leaves out ${entry.page ?? 'an entry'}, listed in header_pages: it is not a published page with a title.` });
      return [];
    }
    return [pageLink(page)];
  });
}

interface MenuEntry {
  name: string;
  weight: number;
  identifier: string;
  link: NavLink;
}

/** Hugo's main menu: the config's entries and the pages that put themselves in it. */
function hugoMenu(pages: readonly NavPage[], posts: readonly NavPage[], layout: BlogLayout, warnings: NavWarning[]): NavLink[] {
  const entries: MenuEntry[] = [];
  const source = layout.configFile ?? 'hugo.toml';
  for (const entry of layout.menu ?? []) {
    const name = entry.name ?? '';
    const base = { weight: entry.weight ?? 0, identifier: entry.identifier ?? '' };
    if (entry.page !== undefined) {
      const page = pageByRef([...pages, ...posts], entry.page, layout);
      if (page) entries.push({ ...base, name: name || page.nav?.linkTitle || page.title, link: pageLink(page, name || page.nav?.linkTitle || page.title) });
      else warnings.push({ file: source, message: `The nav leaves out the menu entry "${name || entry.page}": the page ${entry.page} is not published.` });
    } else if (entry.url !== undefined) {
      for (const link of linkTo(name, entry.url, source, warnings)) entries.push({ ...base, name, link });
    }
  }
  for (const page of [...pages, ...posts]) {
    const main = page.nav?.main;
    if (!main) continue;
    // As Hugo makes a front-matter entry: the page's link title and weight, unless the entry gives its own.
    const name = main.name ?? page.nav?.linkTitle ?? page.title;
    entries.push({ name, weight: main.weight ?? page.nav?.weight ?? 0, identifier: '', link: pageLink(page, name) });
  }
  return entries.sort(hugoOrder).map((entry) => entry.link);
}

/** Hugo's default menu order: by weight (0, unset, after every weighted entry), then name (case folded first), then identifier. */
function hugoOrder(a: MenuEntry, b: MenuEntry): number {
  if (a.weight === b.weight) return compareFold(a.name, b.name) || compare(a.identifier, b.identifier);
  if (b.weight === 0) return -1;
  if (a.weight === 0) return 1;
  return a.weight - b.weight;
}

/** A Hugo pageRef ("/about", "about.md", "/posts/hello/", "/") as the page it names. */
function pageByRef(pages: readonly NavPage[], ref: string, layout: BlogLayout): NavPage | undefined {
  const wanted = logicalPath(ref.replace(/^\/+/, ''));
  if (wanted === '') return { path: '', title: 'Home', url: '' };
  return pages.find((page) => {
    const inside = isUnder(page.path, layout.contentRoot) && layout.contentRoot !== '' ? page.path.slice(layout.contentRoot.length + 1) : page.path;
    return logicalPath(inside) === wanted;
  });
}

/** A content path as Hugo names a page: no extension, no trailing index or slash, lower case. */
const logicalPath = (path: string) =>
  path
    .replace(/\/+$/, '')
    .replace(/\.(?:md|markdown)$/i, '')
    .replace(/(?:^|\/)_?index$/i, '')
    .toLowerCase();

/** eleventy-navigation's top-level entries, by `order`; entries without one keep their place after those with one. */
function eleventyNavigation(pages: readonly NavPage[]): NavLink[] {
  return pages
    .filter((page) => page.nav?.eleventy)
    .sort((a, b) => byOptional(a.nav!.eleventy!.order, b.nav!.eleventy!.order) || compare(a.path, b.path))
    .map((page) => pageLink(page, page.nav!.eleventy!.title));
}

/** Set values first, ascending; unset ones after. */
function byOptional(a: number | undefined, b: number | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return a - b;
}

/** Code-unit order: the same on every machine. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Case-insensitive first ("about" beside "About"), then code units, as Hugo compares names. */
const compareFold = (a: string, b: string): number => compare(a.toLowerCase(), b.toLowerCase()) || compare(a, b);
const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
