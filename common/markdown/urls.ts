// Which link and image URLs a rendered post may carry. Markdown syntax is the
// author's, but pasted content is not: a `javascript:` link, a `file://` or UNC
// path, or a `data:` document must never reach a reader's browser.

/** Schemes a link may use; anything else (javascript:, vbscript:, data:, file:…) is dropped. */
const linkSchemes = new Set(['http', 'https', 'mailto', 'tel']);
/** Images may also be inline raster data (never SVG, which can carry script). */
const dataImage = /^data:image\/(?:png|gif|jpe?g|webp|avif);base64,[a-z0-9+/=\s]*$/i;

export type UrlKind = 'link' | 'image';

/**
 * The URL if it is safe to render, else null. Browsers ignore control
 * characters and whitespace inside a scheme ("java\tscript:"), so those are
 * stripped before the scheme is read; entities were already decoded by marked.
 */
export function safeUrl(url: string, kind: UrlKind): string | null {
  const trimmed = url.trim();
  // UNC paths and backslash tricks reach the file system on Windows.
  if (/^[\\/]{2}[^/]*\\|^\\\\/.test(trimmed) || trimmed.startsWith('/\\')) return null;
  const compact = trimmed.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme === undefined) return trimmed;
  if (linkSchemes.has(scheme)) return trimmed;
  if (kind === 'image' && scheme === 'data' && dataImage.test(compact)) return trimmed;
  return null;
}

/** True for a URL that points inside the site or the post's folder (no scheme, not protocol-relative). */
export function isRelativeUrl(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//') && !url.startsWith('#');
}
