// RSS 2.0 and Atom through the `feed` package, and JSON Feed 1.1 (which that
// package does not write: its JSON is version 1) as a typed object. Each item
// carries the whole post (see feedItems.ts) and a summary. Every date comes
// from the posts (never the clock), so two builds agree.
//
// What the W3C feed validator asks of each format, and how it is met:
// - RSS titles are plain text in CDATA, yet some readers show them as HTML:
//   only <, > and & are escaped, which keeps those readers safe, where
//   escaping quotes too made every reader show "I&#39;m".
// - RSS <author> must be an email address; posts name a person, so the name
//   goes in <dc:creator> instead.
// - Atom <category> needs a term; Atom <entry> needs an author when the feed
//   has none, so the feed always has one (the site's title when no author).
import { Feed, type Item } from 'feed';
import { escapeHtml } from '../../common/markdown/escape';
import { dateValue } from '../../common/site/dates';
import type { SitePost } from '../../common/site/model';
import { absoluteUrl, FEEDS, type Site } from '../../common/theme/site';

/** A post as the feeds show it: the listing fields and the whole body (absolute URLs). */
export type FeedPost = SitePost & { excerpt: string; html: string };

export interface Feeds {
  rss: string;
  atom: string;
  json: string;
}

export function feeds(site: Site, newest: readonly FeedPost[]): Feeds {
  return { rss: rss(site, newest), atom: atom(site, newest), json: jsonFeed(site, newest) };
}

/** &, < and > escaped: for attribute values (xml-js escapes only quotes in them) and RSS titles (see above). */
const markupSafe = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const siteAuthor = (site: Site) => site.settings.author || site.settings.title;
const authorOf = (site: Site, post: FeedPost) => post.author || siteAuthor(site);
/** The one-line summary: the description, else the excerpt. */
const summaryOf = (post: FeedPost) => post.description || post.excerpt;
/** Undated posts have no date to give; the epoch keeps two builds identical. */
const published = (post: FeedPost) => new Date(post.time ?? 0);
const modified = (post: FeedPost) => new Date(dateValue(post.updated ?? null) ?? post.time ?? 0);

function base(site: Site, newest: readonly FeedPost[]): Feed {
  const { settings } = site;
  return new Feed({
    id: settings.baseUrl,
    link: settings.baseUrl,
    title: settings.title,
    // RSS requires a channel description; a blank one is a validator warning.
    description: settings.description || settings.title,
    language: settings.language,
    updated: newest[0] ? modified(newest[0]) : new Date(0),
    generator: 'Postwright',
    copyright: `© ${siteAuthor(site)}`,
    feedLinks: { rss: absoluteUrl(site, FEEDS.rss), atom: absoluteUrl(site, FEEDS.atom) },
  });
}

/** What an RSS item and an Atom entry say alike: the post's address (as its id too), its summary and its whole body. */
function itemOf(site: Site, post: FeedPost): Pick<Item, 'id' | 'link' | 'description' | 'content'> {
  const link = absoluteUrl(site, post.url);
  return { id: link, link, description: escapeHtml(summaryOf(post)) || undefined, content: post.html };
}

function rss(site: Site, newest: readonly FeedPost[]): string {
  const feed = base(site, newest);
  for (const post of newest) {
    feed.addItem({
      ...itemOf(site, post),
      title: markupSafe(post.title),
      date: published(post),
      category: post.tags.map((name) => ({ name })),
      extensions: [{ name: 'dc:creator', objects: { _text: authorOf(site, post) } }],
    });
  }
  return feed.rss2();
}

function atom(site: Site, newest: readonly FeedPost[]): string {
  const feed = base(site, newest);
  feed.options.author = { name: siteAuthor(site) };
  for (const post of newest) {
    feed.addItem({
      ...itemOf(site, post),
      // Atom titles are type="html": the escaped title reads back as written.
      title: escapeHtml(post.title),
      date: modified(post),
      published: published(post),
      category: post.tags.map((name) => ({ term: markupSafe(name), label: markupSafe(name) })),
      author: post.author ? [{ name: post.author }] : undefined,
    });
  }
  return feed.atom1();
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), the fields Postwright fills. */
interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description?: string;
  language: string;
  authors: { name: string }[];
  items: {
    id: string;
    url: string;
    title: string;
    content_html: string;
    summary?: string;
    image?: string;
    date_published?: string;
    date_modified?: string;
    authors: { name: string }[];
    tags?: string[];
  }[];
}

function jsonFeed(site: Site, newest: readonly FeedPost[]): string {
  const { settings } = site;
  const feed: JsonFeed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: settings.title,
    home_page_url: settings.baseUrl,
    feed_url: absoluteUrl(site, FEEDS.json),
    ...(settings.description && { description: settings.description }),
    language: settings.language,
    authors: [{ name: siteAuthor(site) }],
    items: newest.map((post) => ({
      id: absoluteUrl(site, post.url),
      url: absoluteUrl(site, post.url),
      title: post.title,
      content_html: post.html,
      ...(summaryOf(post) && { summary: summaryOf(post) }),
      ...(post.socialImage && { image: post.socialImage }),
      ...(post.time !== null && { date_published: published(post).toISOString() }),
      ...(dateValue(post.updated ?? null) !== null && { date_modified: modified(post).toISOString() }),
      authors: [{ name: authorOf(site, post) }],
      ...(post.tags.length > 0 && { tags: post.tags }),
    })),
  };
  // <, > and & escaped, so no reader that sniffs the JSON as HTML finds markup in it.
  return JSON.stringify(feed, null, 2).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
