// Old addresses kept alive: a post's `aliases` (Hugo) or `redirect_from`
// (Jekyll) each get a small page that sends readers and search engines on
// (canonical link + meta refresh, as Hugo's alias pages and jekyll-redirect-from
// write them), and one `_redirects` file lists them all for hosts that read it
// (Netlify, Cloudflare Pages) and answer with a real 301.
import { expandPermalink } from './expandPermalink';

export interface Redirect {
  /** Site path of the old address, e.g. "2015/05/21/name.html". */
  from: string;
  /** Site path it now lives at. */
  to: string;
  /** The source file that asked for it. */
  by: string;
}

/** The redirects of the published posts and pages; aliases that are not site paths are dropped. */
export function redirectsOf(posts: readonly { url: string; path: string; aliases?: string[] }[]): Redirect[] {
  const redirects: Redirect[] = [];
  for (const post of posts) {
    for (const alias of post.aliases ?? []) {
      const pattern = alias.startsWith('/') ? alias : `/${alias}`;
      // Literal segments only: a token or an odd character is slugged, never a way out of the site.
      const from = expandPermalink(pattern.replace(/:/g, '-'), { slug: '', title: '', date: null, categories: [], section: '', path: '' });
      if (from !== '' && from !== post.url) redirects.push({ from, to: post.url, by: post.path });
    }
  }
  return redirects;
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The page served at an old address. `target` is the new absolute URL. */
export function redirectPage(target: string, language: string): string {
  const url = escapeAttribute(target);
  return `<!doctype html>
<html lang="${escapeAttribute(language)}">
<head>
<meta charset="utf-8">
<title>Redirecting…</title>
<link rel="canonical" href="${url}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${url}">
</head>
<body>
<p>This page has moved to <a href="${url}">${url}</a>.</p>
</body>
</html>
`;
}

/** `_redirects` (Netlify's format, one "from to 301" line each), paths from the site's base path. */
export function redirectsFile(redirects: readonly Redirect[], basePath: string): string {
  const path = (url: string) => `${basePath}${url}`.replace(/ /g, '%20');
  return redirects.map((r) => `${path(r.from)} ${path(r.to)} 301`).join('\n') + '\n';
}
