// sitemap.xml and robots.txt. Small enough to write by hand: the only markup
// is a fixed envelope around escaped URLs.
import { absoluteUrl, type Site } from '../../common/theme/site';

const xmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xml = (text: string) => text.replace(/[&<>"']/g, (c) => xmlEscapes[c]!);

export interface SitemapEntry {
  url: string;
  /** YYYY-MM-DD of the last change, when known. */
  date?: string | null;
}

export function sitemap(site: Site, entries: readonly SitemapEntry[]): string {
  const urls = entries.map(({ url, date }) => {
    const lastmod = date ? `<lastmod>${xml(date.slice(0, 10))}</lastmod>` : '';
    return `  <url><loc>${xml(absoluteUrl(site, url))}</loc>${lastmod}</url>\n`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('')}</urlset>\n`;
}

export function robots(site: Site): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site, 'sitemap.xml')}\n`;
}
