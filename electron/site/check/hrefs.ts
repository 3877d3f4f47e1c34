// Taking a link or image URL apart: is it ours to check, and what path and
// fragment does it name.
import { isRelativeUrl } from '../../../common/markdown/urls';

export interface LocalHref {
  /** The decoded path; '' for a fragment-only link. */
  path: string;
  /** The decoded fragment, without '#'; null if none. */
  fragment: string | null;
}

/**
 * The href's path and fragment when it points into the site or workspace;
 * null for URLs elsewhere (a scheme or `//host`); 'malformed' when its
 * percent-escapes cannot be decoded.
 */
export function localHref(href: string): LocalHref | null | 'malformed' {
  const trimmed = href.trim();
  if (trimmed !== '' && !trimmed.startsWith('#') && !isRelativeUrl(trimmed)) return null;
  const hash = trimmed.indexOf('#');
  const beforeHash = hash < 0 ? trimmed : trimmed.slice(0, hash);
  const query = beforeHash.indexOf('?');
  try {
    return {
      path: decodeURI(query < 0 ? beforeHash : beforeHash.slice(0, query)),
      fragment: hash < 0 ? null : decodeURIComponent(trimmed.slice(hash + 1)),
    };
  } catch {
    return 'malformed';
  }
}

/** A site URL path in one spelling: `/posts/a`, `/posts/a/` and `/posts/a/index.html` are one page. */
export function normalizeUrlPath(url: string): string {
  const withoutIndex = url.replace(/\/index\.html?$/i, '/');
  return withoutIndex.endsWith('/') ? withoutIndex : `${withoutIndex}/`;
}
