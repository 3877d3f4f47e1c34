// What every page template knows about the site: its settings and how to turn a
// site path ("posts/hello/") into a link. Internal links are root-relative and
// carry the base URL's path, so a site published under /blog/ works, and 404.html
// (served at any depth) finds its styles.
import type { NavLink } from '../site/nav';
import type { SiteSettings } from '../siteSettings';

export interface Site {
  settings: SiteSettings;
  /** The workspace has theme/custom.css: link it after the theme. */
  customCss: boolean;
  /** A standalone page carries its CSS here instead of linking the site's files. */
  inlineCss?: string;
  /** The workspace's own HTML for parts of every page (theme/partials/*.html). */
  partials?: Partials;
  /** Absolute URL of the picture link previews show for a page without its own (`image` in postwright.json). */
  image?: string;
  /** The favicons: the workspace's theme/favicon.png at icon sizes (or its .ico), else Postwright's own. */
  icons?: SiteIcon[];
  /** The header's links before Archive and Tags (common/site/nav.ts decides them once per build). */
  nav?: NavLink[];
}

/** One `<link rel="icon">` (or apple-touch-icon) of every page. */
export interface SiteIcon {
  rel: 'icon' | 'apple-touch-icon';
  /** Its site path. */
  path: string;
  type: string;
  /** "32x32", when known. */
  sizes?: string;
}

/**
 * The parts of the page an author can replace with their own HTML, written as
 * they are: `head` is added to every page's head (analytics, fonts, icons);
 * `header` and `footer` replace the site's own. They are the author's
 * template, not post content, so they are not sanitized.
 */
export const PARTIALS = ['head', 'header', 'footer'] as const;
export type PartialName = (typeof PARTIALS)[number];
export type Partials = Partial<Record<PartialName, string>>;

/** The `sizes` of a resized post image: the column the theme sets text in (40rem) is the widest it is ever shown. */
export const IMAGE_SIZES = '(min-width: 42.5rem) 40rem, calc(100vw - 2.5rem)';

/** Where the theme's files are published. */
export const THEME_CSS = 'theme.css';
export const CUSTOM_CSS = 'custom.css';
/** Postwright's own icon, published when the workspace has none. */
export const DEFAULT_FAVICON = 'favicon.svg';
export const FEEDS = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' } as const;

const basePath = (site: Site): string => new URL(site.settings.baseUrl).pathname;

/** A site path as a URL path: each segment percent-encoded ("a b/c#1.png" → "a%20b/c%231.png"). */
export const encodePath = (url: string): string => url.split('/').map(encodeURIComponent).join('/');

/** A link to a site path, from any page: "/blog/posts/hello/". */
export function href(site: Site, url: string): string {
  return basePath(site) + encodePath(url);
}

/** The absolute URL of a site path, for canonical links, feeds and the sitemap. */
export function absoluteUrl(site: Site, url: string): string {
  return site.settings.baseUrl + encodePath(url);
}
