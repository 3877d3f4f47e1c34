import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Article } from '../../common/theme/Article';
import { formatDate } from '../../common/theme/dates';

describe('theme article', () => {
  it('marks up the title, a machine-readable date, reading time and tag links', () => {
    const html = renderToStaticMarkup(
      Article({ title: 'Retries <are> not a strategy', date: '2024-03-18', tags: ['ops'], readingMinutes: 6, html: '<p>Body</p>', tagHref: (t) => `/tags/${t}/` }),
    );
    expect(html).toContain('<h1 class="post-title p-name">Retries &lt;are&gt; not a strategy</h1>');
    expect(html).toMatch(/<time class="dt-published" datetime="2024-03-18">18 March 2024<\/time>/i);
    expect(html).toContain('6 min read');
    expect(html).toContain('<a class="p-category" href="/tags/ops/" rel="tag">ops</a>');
    expect(html).toContain('<div class="post-body e-content"><p>Body</p></div>');
  });

  it('formats dates the same everywhere and leaves unreadable ones alone', () => {
    expect(formatDate('2024-12-01T09:30')).toBe('1 December 2024');
    expect(formatDate('someday')).toBe('someday');
  });
});
