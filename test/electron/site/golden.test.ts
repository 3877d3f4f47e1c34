// The fixture site in test/fixtures/site/input, built and compared file by
// file with test/fixtures/site/expected. After a deliberate change to the
// output, regenerate the goldens with `UPDATE_GOLDEN=1 npx vitest run
// test/electron/site/golden.test.ts`, and read the diff before committing it.
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../electron/appPaths';
import { withoutDataBlocks } from '../../helpers/hostile';
import { brokenLinks, build, readTree } from '../../helpers/site';
import { tempDir } from '../../helpers/tmp';

const fixture = path.join(packageRoot, 'test', 'fixtures', 'site');
const input = path.join(fixture, 'input');
const expected = path.join(fixture, 'expected');

async function buildFixture() {
  const out = path.join(await tempDir(), 'site');
  const summary = await build(input, out);
  return { out, summary, files: await readTree(out) };
}

describe('the golden fixture site', () => {
  it('builds exactly the expected files, byte for byte', async () => {
    const { out, summary, files } = await buildFixture();
    if (process.env.UPDATE_GOLDEN) {
      await rm(expected, { recursive: true, force: true });
      await mkdir(expected, { recursive: true });
      await cp(out, expected, { recursive: true });
    }
    const golden = await readTree(expected);
    expect([...files.keys()]).toEqual([...golden.keys()]);
    for (const [file, bytes] of files) expect(bytes.toString('utf8'), file).toBe(golden.get(file)!.toString('utf8'));
    expect(summary).toMatchObject({ posts: 5, drafts: 1, future: 1, files: files.size, written: files.size, deleted: 0, warnings: [] });
  });

  it('gives every post, tag, index page and asset its place, and leaves drafts and future posts out', async () => {
    const { files } = await buildFixture();
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        '2024/01/hello-world/index.html',
        '2024/02/code-and-tables/index.html',
        '2024/03/embed/index.html',
        '2023/12/jekyll-style/index.html', // date and slug from the Jekyll file name
        'posts/undated/index.html', // no date: no year or month to put it under
        'posts/hello-world.assets/chart.497790947d-1.png', // resized (to its own 1 px) without metadata
        'posts/hello-world.assets/chart.497790947d-1.webp',
        'index.html', 'page/2/index.html', 'page/3/index.html',
        'tags/index.html', 'tags/writing/index.html', 'tags/c/index.html', 'tags/meta/index.html', 'archive/index.html',
        'feed.xml', 'atom.xml', 'feed.json', 'sitemap.xml', 'robots.txt', '404.html', 'theme.css', 'custom.css',
      ]),
    );
    const all = [...files.keys()].join('\n');
    expect(all).not.toMatch(/draft|future/);
    const post = files.get('2024/01/hello-world/index.html')!.toString();
    expect(post).toContain('<img src="/notes/posts/hello-world.assets/chart.497790947d-1.png" srcset="/notes/posts/hello-world.assets/chart.497790947d-1.webp 1w" sizes="(min-width: 42.5rem) 40rem, calc(100vw - 2.5rem)" width="1" height="1" alt="A tiny chart" decoding="async">');
    expect(post).toContain('<link rel="canonical" href="https://blog.example.org/notes/2024/01/hello-world/"/>');
    expect(post).toContain('<meta property="og:type" content="article"/>');
    // Its first image is its link-preview picture.
    expect(post).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    expect(post).toContain('<meta property="og:image" content="https://blog.example.org/notes/posts/hello-world.assets/chart.497790947d-1.png"/>');
    expect(post).toContain('<time class="dt-published" dateTime="2024-01-15">15 January 2024</time>');
    expect(post).toContain('<a class="p-category" href="/notes/tags/writing/" rel="tag">Writing</a>');
    expect(post).toContain('<link rel="stylesheet" href="/notes/custom.css"/>');
    const embed = files.get('2024/03/embed/index.html')!.toString();
    // The raw player iframe is the click-to-load embed: a link to the video, nothing fetched from YouTube.
    expect(embed).toContain('<a class="video-embed-link" href="https://www.youtube.com/watch?v=PUv66718DII"');
    expect(embed).not.toMatch(/<iframe|src="https:\/\/[^"]*(?:youtube|ytimg)/);
    expect(withoutDataBlocks(embed)).not.toMatch(/<script|onclick/);
  });

  it('writes feeds that parse, newest first, with the right entries', async () => {
    const { files } = await buildFixture();
    const titles = ['An embedded talk', 'Code &amp; tables &lt;in&gt; titles', 'Hello, world', 'A Jekyll post', 'An undated note'];
    for (const name of ['feed.xml', 'atom.xml']) {
      const doc = new JSDOM(files.get(name)!, { contentType: 'application/xml' }).window.document;
      expect(doc.querySelector('parsererror'), name).toBeNull();
      const items = [...doc.querySelectorAll(name === 'feed.xml' ? 'item' : 'entry')];
      expect(items.map((item) => item.querySelector('title')!.textContent), name).toEqual(titles);
      const link = name === 'feed.xml' ? items[0]!.querySelector('link')!.textContent : items[0]!.querySelector('link')!.getAttribute('href');
      expect(link).toBe('https://blog.example.org/notes/2024/03/embed/');
    }
    const json = JSON.parse(files.get('feed.json')!.toString()) as { items: { title: string; url: string; date_published?: string }[] };
    expect(json.items.map((i) => i.title)).toEqual(['An embedded talk', 'Code & tables <in> titles', 'Hello, world', 'A Jekyll post', 'An undated note']);
    expect(json.items[0]!.url).toBe('https://blog.example.org/notes/2024/03/embed/');
    const sitemap = new JSDOM(files.get('sitemap.xml')!, { contentType: 'application/xml' }).window.document;
    expect([...sitemap.querySelectorAll('loc')].map((l) => l.textContent)).toContain('https://blog.example.org/notes/2023/12/jekyll-style/');
  });

  it('has no link, stylesheet or image that leads nowhere', async () => {
    const { out } = await buildFixture();
    expect(await brokenLinks(out, 'https://blog.example.org/notes/')).toEqual([]);
  });

  it('builds the same bytes twice', async () => {
    const first = await buildFixture();
    const second = await buildFixture();
    expect([...second.files.keys()]).toEqual([...first.files.keys()]);
    for (const [file, bytes] of first.files) expect(second.files.get(file)!.equals(bytes), file).toBe(true);
  });

  it('includes drafts and future posts when asked', async () => {
    const out = path.join(await tempDir(), 'site');
    const summary = await build(input, out, { drafts: true, future: true });
    const files = await readTree(out);
    expect(summary).toMatchObject({ posts: 7, drafts: 0, future: 0 });
    expect(files.has('2024/04/draft/index.html')).toBe(true);
    expect(files.has('2999/01/future/index.html')).toBe(true);
  });
});
