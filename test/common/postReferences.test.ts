// Which file a link to another post names (common/site/postReferences.ts), by
// the generators' documented rules, and the markers the build fills in once
// every post has its URL.
import { describe, expect, it } from 'vitest';
import { fillReferences, linkedFile, referencedFile, referenceMarker, referencesIn, type ReferenceScope } from '../../common/site/postReferences';

const jekyll: ReferenceScope = {
  files: new Set(['_posts/2019-07-02-launch.md', '_posts/travel/2020-01-01-trip.md', 'news/_posts/2021-05-05-news.markdown', 'about.md']),
  contentRoot: '',
};
const hugo: ReferenceScope = {
  files: new Set(['content/pages/document1.md', 'content/pages/document2.md', 'content/blog/my-post.md', 'content/products/index.md', 'content/about.md', 'notes.md']),
  contentRoot: 'content',
};

describe('links between posts', () => {
  it('reads a relative .md link from the linking post, with its query and fragment apart', () => {
    expect(linkedFile('../2023/old%20one.md#top', 'posts/2024/a.md')).toEqual({ path: 'posts/2023/old one.md', suffix: '#top' });
    expect(linkedFile('/about.md', 'posts/a.md')).toEqual({ path: 'about.md', suffix: '' });
    for (const href of ['chart.png', 'https://x.org/a.md', '../../../out.md', 'mailto:a@b.md', '#x']) expect(linkedFile(href, 'posts/a.md')).toBeNull();
  });

  it('finds Jekyll posts by post_url (also in a subfolder of _posts or a category folder) and files by link', () => {
    const from = 'about.md';
    const find = (kind: 'post_url' | 'link', target: string) => referencedFile({ kind, target }, from, jekyll)?.path ?? null;
    expect(find('post_url', '2019-07-02-launch')).toBe('_posts/2019-07-02-launch.md');
    expect(find('post_url', 'travel/2020-01-01-trip')).toBe('_posts/travel/2020-01-01-trip.md');
    expect(find('post_url', '/news/2021-05-05-news')).toBe('news/_posts/2021-05-05-news.markdown');
    expect(find('post_url', '2020-01-01-trip')).toBeNull(); // in a subfolder: Jekyll needs it named
    expect(find('post_url', '2019-07-02-nope')).toBeNull();
    expect(find('link', '_posts/2019-07-02-launch.md')).toBe('_posts/2019-07-02-launch.md');
    expect(find('link', '_posts/2019-07-02-launch')).toBeNull(); // {% link %} takes the file name whole
  });

  it('finds Hugo pages as gohugo.io/content-management/cross-references/ lists them', () => {
    const from = 'content/pages/document1.md';
    const find = (target: string) => referencedFile({ kind: 'ref', target }, from, hugo);
    expect(find('document2')).toEqual({ path: 'content/pages/document2.md', fragment: '' });
    expect(find('document2#anchor')).toEqual({ path: 'content/pages/document2.md', fragment: '#anchor' });
    expect(find('document2.md')?.path).toBe('content/pages/document2.md');
    expect(find('#anchor')).toEqual({ path: from, fragment: '#anchor' });
    expect(find('/blog/my-post')?.path).toBe('content/blog/my-post.md');
    expect(find('/blog/my-post.md')?.path).toBe('content/blog/my-post.md');
    expect(find('/products')?.path).toBe('content/products/index.md');
    expect(find('my-post')?.path).toBe('content/blog/my-post.md'); // "then relative to the rest of the site"
    expect(find('notes')).toBeNull(); // outside the content folder
    expect(find('../../../etc/passwd')).toBeNull();
  });

  it('puts a marker where the URL goes, and fills it: the URL, or no link at all', () => {
    const a = referenceMarker({ kind: 'post_url', target: '2019-07-02-launch' });
    const b = referenceMarker({ kind: 'file', target: "../it's (odd).md#x" });
    expect(b).toMatch(/^\/\.postwright-ref\/file\/[\w.~%-]+$/);
    const html = `<p><a href="${a}">one</a> <a href="${b}" title="t">two</a> bare ${a}</p>`;
    expect(referencesIn(html)).toEqual([
      { kind: 'post_url', target: '2019-07-02-launch' },
      { kind: 'file', target: "../it's (odd).md#x" },
    ]);
    const filled = fillReferences(html, (r) => (r.kind === 'post_url' ? '/2019/07/02/launch/?a=1&b="2"' : null));
    // A file link nothing publishes stays as written.
    expect(filled).toBe(`<p><a href="/2019/07/02/launch/?a=1&amp;b=&quot;2&quot;">one</a> <a href="../it's (odd).md#x" title="t">two</a> bare /2019/07/02/launch/?a=1&amp;b=&quot;2&quot;</p>`);
    // A template tag nothing answers for keeps only its words.
    expect(fillReferences(`<a href="${a}">one</a>`, () => null)).toBe('<a>one</a>');
  });
});
