// Where a post, a tag or a page lives on the site. Pure string work shared by
// the build and the pre-publish check, so both agree on every URL.
//
// URLs here are site paths without a leading slash ("posts/hello/"); the page
// is written to that folder's index.html. Every segment is a slug (lower-case
// letters, digits and hyphens) or a number, so no file name the author chooses
// can reach a path segment like ".." or an absolute path.
import { slugify } from '../slug';
import type { SiteSettings } from '../siteSettings';
import { expandPermalink } from './expandPermalink';

/** Matches the contract's Slug. */
const SLUG = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u;

/** The slug as written when it is URL-safe; else re-slugged; "post" when nothing is left. */
export function safeSlug(slug: string): string {
  if (SLUG.test(slug) && slug.length <= 120) return slug;
  return slugify(slug) || 'post';
}

/**
 * As safeSlug, keeping the dots Hugo and Jekyll keep in a slug's URL ("0.34-relnotes" is gohugo.io's
 * /news/0.34-relnotes/): each dot-separated part is made safe and empty ones dropped, so none is "." or "..".
 */
export function dottedSlug(slug: string): string {
  const dotted = slug.split('.').map((part) => (SLUG.test(part) ? part : slugify(part))).filter(Boolean).join('.');
  return dotted !== '' && dotted.length <= 120 ? dotted : safeSlug(slug);
}

/** A post's site path from the permalink pattern; a pattern that needs a date falls back to /posts/:slug/ for undated posts. */
export function postUrl(pattern: SiteSettings['permalink'], slug: string, date: string | null): string {
  return expandPermalink(pattern, { slug: safeSlug(slug), title: slug, date, categories: [], section: 'posts', path: `posts/${safeSlug(slug)}` });
}

/** FNV-1a, for a stable short name when a tag has no letters or digits to slug. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

export function tagSlug(tag: string): string {
  return slugify(tag) || `tag-${shortHash(tag)}`;
}

export const tagUrl = (tag: string): string => `tags/${tagSlug(tag)}/`;

/** Page 1 of the index is the home page; later pages are /page/N/. */
export const indexUrl = (page: number): string => (page <= 1 ? '' : `page/${page}/`);

/** The file a site path is written to: "posts/a/" → "posts/a/index.html", "" → "index.html". */
export function fileOf(url: string): string {
  return url === '' || url.endsWith('/') ? `${url}index.html` : url;
}
