// RSS 2.0, Atom and JSON Feed of the newest posts, through the `feed` package.
// Every date comes from the posts (never the clock), so two builds agree.
import { Feed } from 'feed';
import { escapeHtml } from '../../common/markdown/escape';
import type { SitePost } from '../../common/site/model';
import { absoluteUrl, FEEDS, type Site } from '../../common/theme/site';

export function feeds(site: Site, newest: readonly SitePost[]): { rss: string; atom: string; json: string } {
  // RSS and Atom read titles and summaries as HTML, so text is escaped for them;
  // JSON Feed titles are plain text, and only its content_html is HTML.
  // The feed package escapes only quotes in attributes: Atom's category labels need the rest.
  const plain = (text: string) => text;
  const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const json = feed(site, newest, plain, escapeHtml, plain);
  return {
    rss: feed(site, newest, escapeHtml, escapeHtml, plain).rss2(),
    atom: feed(site, newest, escapeHtml, escapeHtml, attribute).atom1(),
    // The same JSON with <, > and & escaped, so no reader that sniffs it as HTML finds markup in it.
    json: json.json1().replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  };
}

type Escape = (text: string) => string;

function feed(site: Site, newest: readonly SitePost[], title: Escape, html: Escape, category: Escape): Feed {
  const { settings } = site;
  const author = settings.author ? { name: settings.author } : undefined;
  const feed = new Feed({
    id: settings.baseUrl,
    link: settings.baseUrl,
    title: settings.title,
    description: settings.description || undefined,
    language: settings.language,
    updated: new Date(newest[0]?.time ?? 0),
    generator: 'Postwright',
    copyright: `© ${settings.author || settings.title}`,
    author,
    feedLinks: { rss: absoluteUrl(site, FEEDS.rss), atom: absoluteUrl(site, FEEDS.atom), json: absoluteUrl(site, FEEDS.json) },
  });
  for (const post of newest) {
    const link = absoluteUrl(site, post.url);
    feed.addItem({
      title: title(post.title),
      id: link,
      link,
      date: new Date(post.time ?? 0),
      description: html(post.description || post.excerpt || '') || undefined,
      category: post.tags.map((name) => ({ name: category(name) })),
      author: author && [author],
    });
  }
  return feed;
}
