// The three feeds of a built site, checked against the rules the W3C feed
// validator (https://validator.w3.org/feed/) applies, as its documentation and
// the RSS Advisory Board's profile it implements state them
// (https://validator.w3.org/feed/docs/rss2.html, .../docs/atom.html, RFC 4287,
// and the profile's validator cross-reference at
// intertwingly.net/stories/2007/10/08/rssprofile-feedvalidator-requirements.html),
// against JSON Feed 1.1's required fields (https://www.jsonfeed.org/version/1.1/),
// and read back by a real feed reader library (rss-parser).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { build } from '../../helpers/site';
import { tempDir, tempTree } from '../../helpers/tmp';

const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

async function site(settings: Record<string, unknown> = {}) {
  const root = await tempTree({
    'postwright.json': JSON.stringify({ title: 'Notes & Sketches', author: 'Ines Hartmann', baseUrl: 'https://blog.example.org/notes/', ...settings }),
    'posts/quotes.md': `---\ntitle: I'm "here" & <there>\ndate: 2024-03-02T09:30:00+01:00\nupdated: 2024-04-01\ntags: [C++, "Q&A"]\nauthor: Guest Writer\ndescription: A post with quotes.\n---\n\nSee [the other post](../plain/) and [a note](#note).\n\n![A chart](quotes.assets/chart.png)\n\n<p id="note" onclick="steal()">Raw <script>alert(1)</script>HTML</p>\n\n\`\`\`\nif (a ]]> b) {}\n\`\`\`\n`,
    'posts/quotes.assets/chart.png': TINY_PNG,
    'posts/plain.md': '---\ntitle: Plain\ndate: 2024-01-01\n---\n\nBody text that is the whole post.\n',
    'posts/older.md': '---\ntitle: Older\ndate: 2023-01-01\n---\n\nOld.\n',
  });
  const out = path.join(await tempDir(), 'site');
  await build(root, out);
  const read = (name: string) => readFile(path.join(out, name), 'utf8');
  return { rss: await read('feed.xml'), atom: await read('atom.xml'), json: await read('feed.json') };
}

const xml = (text: string) => {
  const doc = new JSDOM(text, { contentType: 'application/xml' }).window.document;
  expect(doc.querySelector('parsererror')).toBeNull();
  return doc;
};
const CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const DC = 'http://purl.org/dc/elements/1.1/';
const ATOM = 'http://www.w3.org/2005/Atom';
/** RFC 822 as RSS 2.0 takes it (four-digit year), in the form Date#toUTCString writes. */
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
/** RFC 3339, as Atom and JSON Feed require. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const isAbsolute = (url: string) => URL.canParse(url);
/** Every URL in a feed's HTML. */
function urlsIn(html: string): string[] {
  const doc = new JSDOM(html).window.document;
  return [...doc.querySelectorAll('[href], [src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src')!);
}

describe('RSS 2.0', () => {
  it('meets the W3C validator rules for channel and items', async () => {
    const { rss } = await site();
    const doc = xml(rss);
    const channel = doc.querySelector('rss[version="2.0"] > channel')!;
    // "Missing channel element": title, link and description are required.
    for (const name of ['title', 'link', 'description']) expect(channel.querySelector(`:scope > ${name}`)?.textContent, name).toBeTruthy();
    // "Missing atom:link with rel="self"".
    const self = channel.getElementsByTagNameNS(ATOM, 'link')[0]!;
    expect([self.getAttribute('rel'), self.getAttribute('href')]).toEqual(['self', 'https://blog.example.org/notes/feed.xml']);
    const items = [...channel.querySelectorAll(':scope > item')];
    expect(items).toHaveLength(3);
    for (const item of items) {
      // "item should contain a guid element"; "pubDate must be an RFC-822 date-time".
      expect(item.querySelector('guid')?.textContent).toMatch(/^https:\/\//);
      expect(item.querySelector('pubDate')!.textContent).toMatch(RFC822);
      // "author must be an email address": names go in dc:creator instead.
      for (const author of item.querySelectorAll(':scope > author')) expect(author.textContent).toMatch(/^\S+@\S+/);
      expect(item.getElementsByTagNameNS(DC, 'creator')[0]?.textContent).toBeTruthy();
    }
    const first = items[0]!;
    // Quotes as written (escaped, readers showed "I&#39;m"); markup escaped for readers that show titles as HTML.
    expect(first.querySelector('title')!.textContent).toBe(`I'm "here" &amp; &lt;there&gt;`);
    expect(first.getElementsByTagNameNS(DC, 'creator')[0]!.textContent).toBe('Guest Writer');
    expect(items[1]!.getElementsByTagNameNS(DC, 'creator')[0]!.textContent).toBe('Ines Hartmann');
    expect([...first.querySelectorAll('category')].map((c) => c.textContent)).toEqual(['C++', 'Q&A']);
    expect(first.querySelector('pubDate')!.textContent).toBe('Sat, 02 Mar 2024 08:30:00 GMT');
  });

  it('carries the whole post in content:encoded, sanitized, with absolute links and images', async () => {
    const { rss } = await site();
    const item = xml(rss).querySelector('item')!;
    const content = item.getElementsByTagNameNS(CONTENT, 'encoded')[0]!.textContent!;
    expect(content).toContain('<a href="https://blog.example.org/notes/posts/plain/">the other post</a>');
    expect(content).toContain('<a href="https://blog.example.org/notes/posts/quotes/#note">a note</a>');
    expect(content).toMatch(/src="https:\/\/blog\.example\.org\/notes\/posts\/quotes\.assets\/chart\.[0-9a-f]{10}-1\.png"/);
    expect(content).toContain('if (a ]]&gt; b) {}');
    // Raw HTML reaches readers sanitized.
    expect(content).not.toMatch(/<script|onclick/);
    expect(urlsIn(content).filter((url) => !isAbsolute(url))).toEqual([]);
    expect(item.querySelector('description')!.textContent).toBe('A post with quotes.');
    expect(xml(rss).querySelectorAll('item')[1]!.getElementsByTagNameNS(CONTENT, 'encoded')[0]!.textContent).toBe('<p>Body text that is the whole post.</p>\n');
  });
});

describe('Atom', () => {
  it('meets RFC 4287 as the W3C validator checks it', async () => {
    const { atom } = await site({ author: '' });
    const doc = xml(atom);
    const feed = doc.documentElement;
    expect([feed.namespaceURI, feed.localName]).toEqual([ATOM, 'feed']);
    for (const name of ['id', 'title', 'updated']) expect(feed.querySelector(`:scope > ${name}`)?.textContent, name).toBeTruthy();
    expect(feed.querySelector(':scope > updated')!.textContent).toMatch(RFC3339);
    expect(feed.querySelector(':scope > link[rel="self"]')!.getAttribute('href')).toBe('https://blog.example.org/notes/atom.xml');
    // "Missing entry element: author" unless the feed has one: with no site author it names the site.
    expect(feed.querySelector(':scope > author > name')!.textContent).toBe('Notes & Sketches');
    const entries = [...feed.querySelectorAll(':scope > entry')];
    for (const entry of entries) {
      for (const name of ['id', 'title', 'updated', 'published']) expect(entry.querySelector(`:scope > ${name}`)?.textContent, name).toBeTruthy();
      expect(entry.querySelector(':scope > updated')!.textContent).toMatch(RFC3339);
      expect(entry.querySelector(':scope > link')!.getAttribute('href')).toMatch(/^https:\/\//);
      expect(entry.querySelector(':scope > content')!.getAttribute('type')).toBe('html');
      // RFC 4287 §4.2.2: a category MUST have a term.
      for (const category of entry.querySelectorAll('category')) expect(category.getAttribute('term')).toBeTruthy();
    }
    const first = entries[0]!;
    expect(first.querySelector('title')!.getAttribute('type')).toBe('html');
    // type="html" is read as HTML: the title is escaped once and reads back as written.
    expect(new JSDOM(first.querySelector('title')!.textContent!).window.document.body.textContent).toBe(`I'm "here" & <there>`);
    expect([...first.querySelectorAll('category')].map((c) => c.getAttribute('term'))).toEqual(['C++', 'Q&A']);
    expect(first.querySelector('author > name')!.textContent).toBe('Guest Writer');
    expect(first.querySelector('published')!.textContent).toBe('2024-03-02T08:30:00.000Z');
    expect(first.querySelector('updated')!.textContent).toBe('2024-04-01T00:00:00.000Z');
    const content = first.querySelector('content')!.textContent!;
    expect(content).toMatch(/src="https:\/\/blog\.example\.org\/notes\/posts\/quotes\.assets\/chart\.[0-9a-f]{10}-1\.png"/);
    expect(urlsIn(content).filter((url) => !isAbsolute(url))).toEqual([]);
  });
});

describe('JSON Feed 1.1', () => {
  it('has the required fields, whole posts, authors and dates', async () => {
    const { json } = await site();
    expect(json).not.toMatch(/[<>]/);
    const feed = JSON.parse(json) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Notes & Sketches',
      home_page_url: 'https://blog.example.org/notes/',
      feed_url: 'https://blog.example.org/notes/feed.json',
      language: 'en',
      authors: [{ name: 'Ines Hartmann' }],
    });
    // 1.1 deprecates the top-level `author` object.
    expect(feed).not.toHaveProperty('author');
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_html).toBe('string');
      expect(item.date_published).toMatch(RFC3339);
      expect(item).not.toHaveProperty('author');
    }
    expect(feed.items[0]).toMatchObject({
      title: `I'm "here" & <there>`,
      summary: 'A post with quotes.',
      authors: [{ name: 'Guest Writer' }],
      tags: ['C++', 'Q&A'],
      date_published: '2024-03-02T08:30:00.000Z',
      date_modified: '2024-04-01T00:00:00.000Z',
    });
    expect(feed.items[0]!.content_html).toMatch(/src="https:\/\/blog\.example\.org\/notes\/posts\/quotes\.assets\/chart\.[0-9a-f]{10}-1\.png"/);
    expect(feed.items[1]).toMatchObject({ authors: [{ name: 'Ines Hartmann' }], content_html: '<p>Body text that is the whole post.</p>\n' });
  });
});

describe('feed length and readers', () => {
  it('holds as many posts as postwright.json says', async () => {
    const feeds = await site({ feedLength: 2 });
    expect(xml(feeds.rss).querySelectorAll('item')).toHaveLength(2);
    expect(xml(feeds.atom).querySelectorAll('entry')).toHaveLength(2);
    expect((JSON.parse(feeds.json) as { items: unknown[] }).items).toHaveLength(2);
  });

  it('is read back by rss-parser with full content, author and categories', async () => {
    const { rss, atom } = await site();
    const parser = new Parser();
    const fromRss = await parser.parseString(rss);
    expect(fromRss.items[0]).toMatchObject({ title: `I'm "here" &amp; &lt;there&gt;`, creator: 'Guest Writer', categories: ['C++', 'Q&A'] });
    expect(fromRss.items[0]!['content:encoded']).toContain('<a href="https://blog.example.org/notes/posts/plain/">');
    const fromAtom = await parser.parseString(atom);
    expect(fromAtom.items.map((i) => i.link)).toEqual(fromRss.items.map((i) => i.link));
    expect(fromAtom.items[0]!.content).toMatch(/https:\/\/blog\.example\.org\/notes\/posts\/quotes\.assets\/chart\.[0-9a-f]{10}-1\.png/);
    expect(fromAtom.items[0]!.author).toBe('Guest Writer');
  });
});
