// Content-Type and Cache-Control per published file: text says UTF-8, feeds
// carry their registered types, pages and feeds are revalidated on every visit,
// and assets (whose names carry no content hash) are cached for a bounded time.
import { describe, expect, it } from 'vitest';
import { cacheControl, contentType } from '../../../../electron/publish/targets/headers';

describe('publish headers', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8', 'no-cache'],
    ['posts/a/index.html', 'text/html; charset=utf-8', 'no-cache'],
    ['feed.xml', 'application/rss+xml; charset=utf-8', 'no-cache'],
    ['atom.xml', 'application/atom+xml; charset=utf-8', 'no-cache'],
    ['feed.json', 'application/feed+json; charset=utf-8', 'no-cache'],
    ['sitemap.xml', 'application/xml; charset=utf-8', 'no-cache'],
    ['robots.txt', 'text/plain; charset=utf-8', 'no-cache'],
    ['.postwright/manifest.json', 'application/json; charset=utf-8', 'no-cache'],
    ['theme.css', 'text/css; charset=utf-8', 'public, max-age=3600'],
    ['a.assets/chart.PNG', 'image/png', 'public, max-age=86400'],
    ['a.assets/talk.pdf', 'application/pdf', 'public, max-age=86400'],
    ['a.assets/clip.webm', 'video/webm', 'public, max-age=86400'],
    ['a.assets/data.bin', 'application/octet-stream', 'public, max-age=86400'],
    ['CNAME', 'application/octet-stream', 'public, max-age=86400'],
  ])('%s → %s, %s', (file, type, caching) => {
    expect(contentType(file)).toBe(type);
    expect(cacheControl(file)).toBe(caching);
  });
});
