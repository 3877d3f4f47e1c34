import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Article } from '../../common/theme/Article';
import { formatDate } from '../../common/theme/dates';
import { PostPage } from '../../common/theme/pages';
import { renderPage } from '../../common/theme/render';
import type { Site } from '../../common/theme/site';
import { smartQuotes } from '../../common/theme/typography';
import { SiteSettings } from '../../common/siteSettings';

const site = (more: Partial<Site> = {}, settings: Record<string, unknown> = {}): Site => ({
  settings: SiteSettings.parse({ title: 'Field Notes', author: 'Ines Hartmann', baseUrl: 'https://example.com/blog/', ...settings }),
  customCss: false,
  icons: [
    { rel: 'icon', path: 'favicon.svg', type: 'image/svg+xml' },
    { rel: 'apple-touch-icon', path: 'theme/favicon.0123456789-180.png', type: 'image/png', sizes: '180x180' },
  ],
  ...more,
});
const post = { title: "Don't \"retry\" <blindly>", url: 'posts/retries/', date: '2024-03-18', tags: ['ops', 'c++'], words: 1200, description: 'Why retries hide faults.', excerpt: '' };
const head = (html: string) => html.slice(0, html.indexOf('</head>'));

describe('theme article', () => {
  it('marks up the title, description, byline, the body, and tags and author at the end', () => {
    const html = renderToStaticMarkup(
      Article({ title: 'Retries <are> not a strategy', date: '2024-03-18', updated: '2024-04-02', author: 'Ines', description: 'One line.', tags: ['ops'], readingMinutes: 6, html: '<p>Body</p>', tagHref: (t) => `/tags/${t}/` }),
    );
    expect(html).toContain('<h1 class="post-title p-name">Retries &lt;are&gt; not a strategy</h1><p class="post-description p-summary">One line.</p>');
    expect(html).toMatch(/By Ines<\/span>.*<time class="dt-published" datetime="2024-03-18">18 March 2024<\/time>.*updated <time class="dt-updated" datetime="2024-04-02">2 April 2024<\/time>.*6 min read/i);
    expect(html).toContain('<div class="post-body e-content"><p>Body</p></div><footer class="post-foot">');
    expect(html).toContain('<a class="p-category" href="/tags/ops/" rel="tag">ops</a>');
    expect(html).toContain('Written by <span class="p-author h-card">Ines</span>.');
    // The header comes before the body, the tags after it.
    expect(html.indexOf('post-body')).toBeLessThan(html.indexOf('p-category'));
  });

  it('formats dates the same everywhere and leaves unreadable ones alone', () => {
    expect(formatDate('2024-12-01T09:30')).toBe('1 December 2024');
    expect(formatDate('someday')).toBe('someday');
  });

  it('curls quotes in titles as a typographer would', () => {
    expect(smartQuotes(`Don't "retry" it ('90s style) -- 'quoted'`)).toBe('Don\u2019t \u201cretry\u201d it (\u201990s style) -- \u2018quoted\u2019');
    expect(smartQuotes('"Hello," she said')).toBe('\u201cHello,\u201d she said');
  });
});

describe('a post page', () => {
  it('links previews to the post: og/twitter image, article times and author, JSON-LD BlogPosting', () => {
    const html = renderPage(PostPage({ site: site(), post: { ...post, author: 'Guest', updated: '2024-04-02', socialImage: 'https://example.com/blog/posts/chart.png' }, html: '<p>Body</p>' }), {});
    const h = head(html);
    expect(h).toContain('<meta property="og:image" content="https://example.com/blog/posts/chart.png"/>');
    expect(h).toContain('<meta name="twitter:image" content="https://example.com/blog/posts/chart.png"/>');
    expect(h).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    expect(h).toContain('<meta property="article:published_time" content="2024-03-18"/>');
    expect(h).toContain('<meta property="article:modified_time" content="2024-04-02"/>');
    expect(h).toContain('<meta property="article:author" content="Guest"/>');
    expect(h).toContain('<meta name="author" content="Guest"/>');
    expect(h).toContain('<link rel="icon" href="/blog/favicon.svg" type="image/svg+xml"/>');
    expect(h).toContain('<link rel="apple-touch-icon" href="/blog/theme/favicon.0123456789-180.png" type="image/png" sizes="180x180"/>');
    const json = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(h)![1]!;
    expect(JSON.parse(json)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: post.title,
      mainEntityOfPage: 'https://example.com/blog/posts/retries/',
      url: 'https://example.com/blog/posts/retries/',
      datePublished: '2024-03-18',
      dateModified: '2024-04-02',
      author: { '@type': 'Person', name: 'Guest' },
      description: 'Why retries hide faults.',
      image: ['https://example.com/blog/posts/chart.png'],
    });
    // The title's < is written \u003c inside the data block, so it cannot close the element.
    expect(json).toContain('\\u003cblindly>');
    expect(html).toContain('<h1 class="post-title p-name">Don\u2019t \u201cretry\u201d &lt;blindly&gt;</h1>');
  });

  it('falls back to the site image, and to a plain summary card without any', () => {
    const withDefault = head(renderPage(PostPage({ site: site({ image: 'https://cdn.example.com/card.png' }), post, html: '' }), {}));
    expect(withDefault).toContain('<meta property="og:image" content="https://cdn.example.com/card.png"/>');
    expect(withDefault).toContain('<meta property="article:author" content="Ines Hartmann"/>');
    const bare = head(renderPage(PostPage({ site: site(), post, html: '' }), {}));
    expect(bare).not.toContain('og:image');
    expect(bare).toContain('<meta name="twitter:card" content="summary"/>');
  });

  it('ends with links to the newer and older posts', () => {
    const html = renderPage(PostPage({ site: site(), post, html: '', neighbours: { newer: { title: 'Newer "one"', url: 'posts/n/' }, older: { title: 'Older', url: 'posts/o/' } } }), {});
    expect(html).toContain('<nav class="post-nav" aria-label="More posts"><a class="post-nav-newer" rel="prev" href="/blog/posts/n/"><span class="post-nav-label">Newer</span> Newer \u201cone\u201d</a><a class="post-nav-older" rel="next" href="/blog/posts/o/"><span class="post-nav-label">Older</span> Older</a></nav>');
    expect(renderPage(PostPage({ site: site(), post, html: '' }), {})).not.toContain('post-nav');
  });
});
