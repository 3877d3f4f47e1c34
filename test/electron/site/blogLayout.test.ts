// Opening a blog as its generator laid it out: the config decides the site's
// settings, which files are posts and pages, and the URLs. Each tree follows
// the generator's documented defaults (jekyllrb.com/docs/permalinks/,
// gohugo.io/content-management/urls/, 11ty.dev/docs/permalinks/).
import { describe, expect, it } from 'vitest';
import { readBlogLayout } from '../../../electron/workspace/blogLayout';
import { buildTree } from '../../helpers/site';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function site(files: Record<string, string | Uint8Array>) {
  const { root, summary, tree } = await buildTree(files);
  return { root, summary, files: [...tree.keys()], tree };
}

describe('a Hugo site', () => {
  it('reads hugo.toml, builds main-section posts at their permalinks, pages apart, static/ at the root', async () => {
    const { root, summary, files, tree } = await site({
      'hugo.toml': "baseURL = 'https://example.org/'\ntitle = 'Hugo Blog'\nlanguageCode = 'en-us'\n[params]\ndescription = 'Notes'\n[permalinks]\npost = '/:year/:month/:title/'\n[languages.fr]\nweight = 2\n",
      'content/post/first-post.md': '+++\ntitle = "First Post"\ndate = 2021-03-04T10:00:00Z\naliases = ["/old/first/", "/2021/03/first-post/"]\n+++\nHello ![x](/images/x.png)\n',
      'content/post/first-post.fr.md': '+++\ntitle = "Premier"\ndate = 2021-03-04\n+++\nBonjour\n',
      'content/post/second/index.md': '---\ntitle: Second Post\ndate: 2021-05-06\n---\nBundle\n',
      'content/post/_index.md': '---\ntitle: Posts\n---\n',
      'content/about.md': '---\ntitle: About\n---\nAbout me\n',
      'archetypes/default.md': '---\ntitle: "{{ .Name }}"\ndraft: true\n---\n',
      'themes/t/README.md': '# Theme',
      'README.md': '# My repo',
      'static/images/x.png': PNG,
      'static/evil.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><circle r="4" onload="alert(2)"/></svg>',
      'static/app.js': 'alert(1)',
    });
    const layout = readBlogLayout(root);
    expect(layout).toMatchObject({ generator: 'hugo', configFile: 'hugo.toml', postFolders: ['content/post'], languages: ['fr'], staticFolders: [{ source: 'static', target: '' }] });
    expect(summary).toMatchObject({ posts: 2, pages: 1 });
    expect(files).toEqual(expect.arrayContaining(['2021/03/first-post/index.html', '2021/05/second-post/index.html', 'about/index.html', 'images/x.png', 'evil.svg']));
    expect(files).not.toContain('app.js');
    expect(summary.warnings.some((w) => w.startsWith('static/app.js is not published'))).toBe(true);
    const svg = tree.get('evil.svg')!.toString();
    expect(svg).toContain('<circle');
    expect(svg).not.toMatch(/script|onload/);
    const index = tree.get('index.html')!.toString();
    expect(index).toContain('Hugo Blog');
    expect(index).not.toContain('About me');
    expect(tree.get('feed.xml')?.toString() ?? tree.get('rss.xml')?.toString() ?? '').not.toContain('About');
    expect(tree.get('sitemap.xml')!.toString()).toContain('https://example.org/about/');
    // An alias gets a redirect page and a _redirects line; one that is the post's own address gets neither.
    const redirect = tree.get('old/first/index.html')!.toString();
    expect(redirect).toContain('<link rel="canonical" href="https://example.org/2021/03/first-post/">');
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=https://example.org/2021/03/first-post/">');
    expect(tree.get('_redirects')!.toString()).toBe('/old/first/ /2021/03/first-post/ 301\n');
  });

  it(':slug is the front-matter slug, else the title, never the file name; without a pattern, the file name', async () => {
    // gohugo.io/configuration/permalinks/#tokens; the default URL is the content path, its last segment replaced by a slug.
    const posts = {
      'content/posts/file-name.md': '---\ntitle: The Real Title\ndate: 2022-02-02\n---\nA\n',
      'content/posts/other-file.md': '---\ntitle: Whatever\nslug: chosen\ndate: 2022-02-03\n---\nB\n',
    };
    const patterned = await site({ 'hugo.toml': "baseURL = 'https://example.org/'\n[permalinks]\nposts = '/:year/:slug/'\n", ...posts });
    expect(patterned.files).toEqual(expect.arrayContaining(['2022/the-real-title/index.html', '2022/chosen/index.html']));
    expect(patterned.files).not.toContain('2022/file-name/index.html');
    const plain = await site({ 'hugo.toml': "baseURL = 'https://example.org/'\n", ...posts });
    expect(plain.files).toEqual(expect.arrayContaining(['posts/file-name/index.html', 'posts/chosen/index.html']));
  });
});

describe('a Jekyll site', () => {
  it("reads _config.yml, keeps Jekyll's date URLs and category folders, drafts in _drafts stay out", async () => {
    const { summary, files, tree } = await site({
      '_config.yml': 'title: Jekyll Blog\nurl: https://jekyll.example\nbaseurl: /blog\nauthor:\n  name: Ada\n',
      '_posts/2015-05-21-name.md': '---\ntitle: Name\n---\nBody\n',
      'news/_posts/2019-07-02-launch.md': '---\ntitle: Launch\ncategories: [release]\nredirect_from:\n  - /launch.html\n---\nBody\n',
      '_drafts/secret.md': '---\ntitle: Secret\n---\nSECRET\n',
      '_docs/guide.md': '---\ntitle: Guide\n---\nDocs collection\n',
      'about.md': '---\ntitle: About\npermalink: /about/\n---\nAbout\n',
      '404.md': '---\ntitle: Not here\n---\nGone\n',
      'assets/pic.png': PNG,
    });
    expect(summary).toMatchObject({ posts: 2, pages: 2, drafts: 1 });
    expect(files).toEqual(expect.arrayContaining(['2015/05/21/name.html', 'news/release/2019/07/02/launch.html', 'about/index.html', 'assets/pic.png']));
    expect([...tree.values()].some((b) => b.toString().includes('SECRET'))).toBe(false);
    expect(files.some((f) => f.includes('guide'))).toBe(false);
    expect(tree.get('index.html')!.toString()).toContain('Jekyll Blog');
    expect(tree.get('launch.html')!.toString()).toContain('url=https://jekyll.example/blog/news/release/2019/07/02/launch.html');
    expect(tree.get('_redirects')!.toString()).toBe('/blog/launch.html /blog/news/release/2019/07/02/launch.html 301\n');
  });

  it('publishes collections with output: true as pages where Jekyll 4.3 put them; others stay data', async () => {
    // What `jekyll build` (Debian's 4.3.1) wrote for this tree: people/ada/index.html, recipes/bread.html, recipes/soups/leek.html.
    const { summary, files } = await site({
      '_config.yml': 'title: C\ncollections:\n  recipes:\n    output: true\n  notes:\n    output: false\n  staff:\n    output: true\n    permalink: /people/:name/\n',
      '_recipes/bread.md': '---\ntitle: Bread\n---\nBread\n',
      '_recipes/soups/leek.md': '---\ntitle: Leek\n---\nLeek\n',
      '_notes/n.md': '---\ntitle: N\n---\nN\n',
      '_staff/ada.md': '---\ntitle: Ada\n---\nAda\n',
    });
    expect(summary).toMatchObject({ posts: 0, pages: 3 });
    expect(files).toEqual(expect.arrayContaining(['people/ada/index.html', 'recipes/bread.html', 'recipes/soups/leek.html']));
    expect(files.some((f) => f.includes('notes') || f.startsWith('n/') || f === 'n.html')).toBe(false);
  });
});

describe('an Eleventy site', () => {
  it('takes posts from the folder whose directory data tags them, at the default /folder/name/ URLs', async () => {
    const { summary, files } = await site({
      'eleventy.config.js': 'export default function (c) { c.addPassthroughCopy("img"); return { dir: { input: "." } }; }\n',
      '_data/metadata.json': '{ "title": "Eleventy Blog", "url": "https://11ty.example/", "language": "en" }',
      'blog/blog.11tydata.json': '{ "tags": ["posts"] }',
      'blog/hello.md': '---\ntitle: Hello\ndate: 2020-01-01\n---\nHi ![](./pic.png)\n',
      'blog/pic.png': PNG,
      'about.md': '---\ntitle: About\n---\nMe\n',
      'img/logo.png': PNG,
      '_includes/layout.njk': '{{ content }}',
    });
    expect(summary).toMatchObject({ posts: 1, pages: 1 });
    expect(files).toEqual(expect.arrayContaining(['blog/hello/index.html', 'about/index.html', 'img/logo.png']));
    // The image beside the post is published (resized, under a content-hashed name).
    expect(files.some((file) => /^blog\/pic\.[\w-]+\.png$/.test(file))).toBe(true);
  });
});
