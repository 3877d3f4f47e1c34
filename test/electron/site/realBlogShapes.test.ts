// The shapes the real-blog fixtures (test/fixtures/blogs/real-*) showed Postwright
// getting wrong, each reduced to a few lines: built, then checked.
import { describe, expect, it } from 'vitest';
import { buildTree } from '../../helpers/site';
import { checkTree } from './check/checkTree';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function site(files: Record<string, string | Uint8Array>) {
  const { summary, tree } = await buildTree(files);
  return { summary, tree, html: (file: string) => tree.get(file)?.toString('utf8') ?? '' };
}

describe('a Jekyll site shaped like jekyllrb.com', () => {
  const files = {
    // As docs/_config.yml: no title but a name, the posts collection's own permalink, a repository.
    '_config.yml': 'name: Jekyll News\nurl: https://jekyllrb.com\nrepository: https://github.com/jekyll/jekyll\ncollections:\n  posts:\n    permalink: "/news/:year/:month/:day/:title/"\n',
    '_posts/2018-09-19-security.markdown':
      '---\ntitle: Security\ndate: 2018-09-19 18:00:00 +0530\n---\nSee the [pull request URL]({{ site.repository }}/pull/7224) and [the docs]({{ "/docs/themes/#assets" | relative_url }}), [absolute]({{ \'/feed.xml\' | absolute_url }}).\n\n{{ site.nothing }}\n',
  };

  it('publishes posts at the collection permalink, titled by `name`, with site variables and URL filters filled in', async () => {
    const { html, tree } = await site(files);
    const page = html('news/2018/09/19/security/index.html');
    expect(page).toContain('href="https://github.com/jekyll/jekyll/pull/7224"');
    expect(page).toContain('href="/docs/themes/#assets"');
    expect(page).toContain('href="https://jekyllrb.com/feed.xml"');
    expect(page).not.toContain('{{');
    expect(html('index.html')).toContain('<title>Jekyll News</title>');
    expect([...tree.keys()].some((file) => file.startsWith('2018/'))).toBe(false);
  });

  it('check follows the URL filter as a link and warns of a site variable the config lacks', async () => {
    const { problems } = await checkTree(files);
    expect(problems.map((p) => [p.line, p.kind, p.message.slice(0, 40)])).toEqual([
      [5, 'link', 'Link "/docs/themes/#assets": no page, fi'],
      [7, 'template', '{{ site.nothing }}: the site\'s config ha'],
    ]);
  });
});

describe('a Hugo site shaped like gohugo.io', () => {
  const files = {
    'hugo.toml': "baseURL = 'https://gohugo.io/'\ntitle = 'Hugo'\n",
    // gohugo.io's news posts start with a blank line, and their slugs keep dots.
    'content/news/0.34-relnotes-ready.md': '\n---\ndate: 2018-01-22\ntitle: "Hugo 0.34"\nslug: "0.34-relnotes"\n---\n\nBody with {{< figure src="/images/blog/push.png" caption="Network log" >}} and [0.62.0](https://gohugo.io/news/0.62.0-relnotes/).\n',
    'content/news/0.62.2-relnotes/index.md': '\n---\ndate: 2020-01-05\ntitle: "Hugo 0.62.2"\ndraft: true\n---\nDRAFT\n',
    'content/news/0.62.0-relnotes/index.md': '---\ndate: 2019-12-23\ntitle: "Hugo 0.62.0"\n---\nOlder.\n',
    'static/images/blog/push.png': PNG,
  };

  it('reads front matter after a blank line (so a draft stays out) and keeps the dots of the URL', async () => {
    const { summary, tree, html } = await site(files);
    expect(summary).toMatchObject({ posts: 2, drafts: 1 });
    expect(html('news/0.34-relnotes/index.html')).toContain('<title>Hugo 0.34');
    expect(tree.has('news/0.62.0-relnotes/index.html')).toBe(true);
    expect([...tree.keys()].filter((file) => file.includes('0.62.2') || file.includes('0-62-2'))).toEqual([]);
  });

  it('check finds a static/ image by its site path and follows links to the site’s own address', async () => {
    const broken = { ...files, 'content/news/0.34-relnotes-ready.md': files['content/news/0.34-relnotes-ready.md'].replace('0.62.0-relnotes', '0.61.0-relnotes') };
    expect((await checkTree(files)).problems).toEqual([]);
    const { problems } = await checkTree(broken);
    expect(problems.map((p) => [p.file, p.line, p.kind])).toEqual([['content/news/0.34-relnotes-ready.md', 8, 'link']]);
    expect(problems[0]!.message).toContain('"https://gohugo.io/news/0.61.0-relnotes/"');
  });
});

describe('an Eleventy site shaped like 11ty.dev', () => {
  it('publishes an HTML image whose site path is a file of the input folder, and check finds it', async () => {
    const files = {
      'eleventy.config.js': 'export default function () {\n  return { dir: { input: "src" } };\n}\n',
      'src/blog/blog.json': '{ "tags": ["blog"], "permalink": "/blog/{{ page.fileSlug }}/" }',
      'src/blog/2021-02-26-espbn.md': '---\ntitle: ESPBN\n---\n<img src="/blog/espbn.png" alt="Sample rendering">\n',
      'src/blog/espbn.png': PNG,
    };
    const { tree, html } = await site(files);
    const src = /<img src="\/([^"]+)"/.exec(html('blog/espbn/index.html'))?.[1];
    expect(src && tree.has(src)).toBe(true);
    expect((await checkTree(files)).problems).toEqual([]);
  });
});
