// Where a URL in a post points, and which URLs a rendered post may carry.
// Markdown syntax is the author's, but pasted content is not: a `javascript:`
// link, a `file://` or UNC path, or a `data:` document must never reach a
// reader's browser, and the preview must know which images would leave the
// machine. Both questions are answered by the URL parser, as a browser would
// parse the URL, never by a pattern: browsers read `https:host`,
// `HTTPS:\\host` and `java\tscript:` as schemes too.

/** Schemes a link may use; anything else (javascript:, vbscript:, data:, file:…) is dropped. */
const linkSchemes = new Set(['http:', 'https:', 'mailto:', 'tel:']);
/** Images may also be inline raster data (never SVG, which can carry script). */
const dataImage = /^data:image\/(?:png|gif|jpe?g|webp|avif);base64,[a-z0-9+/=\s]*$/i;

export type UrlKind = 'link' | 'image';

/** Where a URL leads, read as a page on an http(s) site would read it. */
export type UrlPlace =
  /** `#id`: somewhere in the same document. */
  | { place: 'fragment' }
  /** A path: beside the post or elsewhere on the same site. */
  | { place: 'local' }
  /** Another host, over http(s): `https://…`, `https:host`, or a network path (`//host`, `\\host`). */
  | { place: 'remote'; url: URL; networkPath: boolean }
  /** Any other scheme: `mailto:`, `data:`, `javascript:`… (protocol as the parser gives it, e.g. "data:"). */
  | { place: 'scheme'; protocol: string };

/**
 * A document on an http site, standing for the page a post is shown in. Its
 * query is one no relative reference keeps, so only `#…` (or nothing) resolves
 * to this same document.
 */
const page = 'https://post.invalid/folder/page?post';

/** Where `url` leads; null when a browser could not parse it either. */
export function placeOf(url: string): UrlPlace | null {
  let absolute: URL | null = null;
  try {
    // With no base, only a URL that names its own scheme parses.
    absolute = new URL(url);
  } catch {
    // A relative reference: read below against a page.
  }
  if (absolute) {
    if (absolute.protocol === 'http:' || absolute.protocol === 'https:') return { place: 'remote', url: absolute, networkPath: false };
    return { place: 'scheme', protocol: absolute.protocol };
  }
  let resolved: URL;
  try {
    resolved = new URL(url, page);
  } catch {
    return null;
  }
  const base = new URL(page);
  if (resolved.host !== base.host) return { place: 'remote', url: resolved, networkPath: true };
  if (resolved.pathname === base.pathname && resolved.search === base.search) return { place: 'fragment' };
  return { place: 'local' };
}

/**
 * The URL if it is safe to render, else null. Entities were already decoded
 * by marked; the parser ignores the tabs and newlines a browser ignores.
 */
export function safeUrl(url: string, kind: UrlKind): string | null {
  const trimmed = url.trim();
  const place = placeOf(trimmed);
  if (place === null) return null;
  switch (place.place) {
    case 'fragment':
    case 'local':
      return trimmed;
    case 'remote':
      // A network path written with a backslash is a Windows UNC path: it reaches the file system there.
      return place.networkPath && trimmed.includes('\\') ? null : trimmed;
    case 'scheme':
      if (linkSchemes.has(place.protocol)) return trimmed;
      if (kind === 'image' && place.protocol === 'data:' && dataImage.test(trimmed.replace(/[\u0000-\u0020]/g, ''))) return trimmed;
      return null;
  }
}

/** True for a URL that points inside the site or the post's folder (a path: no scheme, no host, not only a #fragment). */
export function isRelativeUrl(url: string): boolean {
  return placeOf(url)?.place === 'local';
}
