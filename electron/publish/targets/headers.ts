// The HTTP headers a published file is served with, for hosts that take them
// per file (S3 and its kin store them with the object and serve them back).
import { posix } from 'node:path';
import mime from 'mime-types';
import { FEEDS } from '../../../common/theme/site';

/** Feeds get their own registered types, which mime-types does not infer from a name. */
const FEED_TYPES: Readonly<Record<string, string>> = {
  [FEEDS.rss]: 'application/rss+xml',
  [FEEDS.atom]: 'application/atom+xml',
  [FEEDS.json]: 'application/feed+json',
};

/** Text we write is always UTF-8; say so, or some browsers guess from the bytes. */
const TEXT = /^(?:text\/|application\/(?:[\w.+-]+\+)?(?:xml|json)$)/;

export function contentType(path: string): string {
  const type = FEED_TYPES[path] ?? (mime.lookup(posix.basename(path)) || 'application/octet-stream');
  return TEXT.test(type) && !type.includes('charset') ? `${type}; charset=utf-8` : type;
}

/** Read again on every visit: pages, feeds, the sitemap, robots.txt and our own manifest change in place. */
const NO_CACHE = 'no-cache';
/**
 * Assets keep the names they have in the workspace (electron/site/assets.ts
 * publishes "a.assets/chart.png" at that same path) and the theme is always
 * theme.css / custom.css: nothing is content-hashed, so a replaced file keeps its
 * URL. A year-long `immutable` would show readers a stale image or stylesheet for
 * a year; a day bounds that. Stylesheets get an hour, since the no-cache pages
 * that use them change with them.
 */
const ASSET = 'public, max-age=86400';
const STYLESHEET = 'public, max-age=3600';

export function cacheControl(path: string): string {
  const type = contentType(path);
  if (/^text\/css/.test(type)) return STYLESHEET;
  if (/^(?:text\/html|application\/(?:[\w.+-]+\+)?(?:xml|json)|text\/plain)/.test(type)) return NO_CACHE;
  return ASSET;
}
