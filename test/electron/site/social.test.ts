// What a built post page gives link previews and readers: its picture (front
// matter, else its first image, else the site's), the favicon (the
// workspace's, else Postwright's), and links to the posts beside it that stay
// right as posts come and go.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, readTree } from '../../helpers/site';
import { tempDir, tempTree, writeTree } from '../../helpers/tmp';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const ogImage = (html: string) => /<meta property="og:image" content="([^"]*)"/.exec(html)?.[1];

describe('social cards', () => {
  it('take the image from front matter, else the first image, else the site default, and publish the file', async () => {
    const root = await tempTree({
      'postwright.json': JSON.stringify({ baseUrl: 'https://example.com/blog/', image: 'images/card.png' }),
      'images/card.png': PNG,
      'posts/front.md': '---\ntitle: Front\ndate: 2024-01-03\ncover: front.assets/cover.png\n---\n\n![first](front.assets/other.png)\n',
      'posts/front.assets/cover.png': PNG,
      'posts/front.assets/other.png': PNG,
      'posts/first.md': '---\ntitle: First\ndate: 2024-01-02\n---\n\nText.\n\n![remote](https://cdn.example.org/a.png)\n',
      'posts/none.md': '---\ntitle: None\ndate: 2024-01-01\n---\n\nNo pictures.\n',
    });
    const out = path.join(await tempDir(), 'site');
    await build(root, out);
    const page = (slug: string) => readFile(path.join(out, 'posts', slug, 'index.html'), 'utf8');
    // A picture in the workspace is shown as its resized copy (no EXIF).
    const cover = ogImage(await page('front'))!;
    expect(cover).toMatch(/^https:\/\/example\.com\/blog\/posts\/front\.assets\/cover\.[0-9a-f]{10}-1\.png$/);
    expect(ogImage(await page('first'))).toBe('https://cdn.example.org/a.png');
    const card = ogImage(await page('none'))!;
    expect(card).toMatch(/^https:\/\/example\.com\/blog\/images\/card\.[0-9a-f]{10}-1\.png$/);
    const files = await readTree(out);
    expect(files.has(new URL(cover).pathname.slice('/blog/'.length))).toBe(true);
    // The site's picture goes through the same image path: a 1×1 PNG stays no bigger than it was.
    expect(files.get(new URL(card).pathname.slice('/blog/'.length))!.length).toBeLessThanOrEqual(PNG.length);
    expect(files.has('images/card.png')).toBe(false);
    expect(files.get('favicon.svg')!.toString()).toContain('<svg');
    const feed = JSON.parse(files.get('feed.json')!.toString()) as { items: { image?: string }[] };
    expect(feed.items.map((i) => i.image)).toEqual([cover, 'https://cdn.example.org/a.png', undefined]);
  });

  it('use the workspace favicon instead of Postwright\'s, and refuse a site image that is not an image', async () => {
    const root = await tempTree({ 'theme/favicon.png': PNG, 'posts/a.md': '# A\n' });
    const out = path.join(await tempDir(), 'site');
    await build(root, out);
    const files = await readTree(out);
    expect(files.has('favicon.svg')).toBe(false);
    const icon = /<link rel="icon" href="\/(theme\/favicon\.[0-9a-f]{10}-1\.png)" type="image\/png" sizes="1x1"\/>/.exec(files.get('index.html')!.toString())![1]!;
    expect(files.get(icon)!.length).toBeLessThanOrEqual(PNG.length);
    await writeTree(root, { 'postwright.json': JSON.stringify({ image: 'notes/secret.txt' }), 'notes/secret.txt': 'x' });
    await expect(build(root, out)).rejects.toThrow(/"image" in postwright.json is "notes\/secret.txt": it must be an http\(s\) URL or a PNG/);
    await writeTree(root, { 'postwright.json': JSON.stringify({ image: '../outside.png' }) });
    await expect(build(root, out)).rejects.toThrow(/"image" in postwright.json/);
  });
});

describe('previous and next', () => {
  it('link each post to its neighbours, and a rebuild after a new post rewrites the page that gained one', async () => {
    const root = await tempTree({
      'posts/one.md': '---\ntitle: One\ndate: 2024-01-01\n---\n\nx\n',
      'posts/two.md': '---\ntitle: Two\ndate: 2024-01-02\n---\n\nx\n',
    });
    const out = path.join(await tempDir(), 'site');
    const cacheDir = await tempDir();
    await build(root, out, { cacheDir });
    const page = (slug: string) => readFile(path.join(out, 'posts', slug, 'index.html'), 'utf8');
    expect(await page('two')).not.toContain('post-nav-newer');
    expect(await page('two')).toContain('<a class="post-nav-older" rel="next" href="/posts/one/"><span class="post-nav-label">Older</span> One</a>');
    await writeTree(root, { 'posts/three.md': '---\ntitle: Three\ndate: 2024-01-03\n---\n\nx\n' });
    const again = await build(root, out, { cacheDir });
    expect(again.rendered).toBe(1);
    expect(await page('two')).toContain('<a class="post-nav-newer" rel="prev" href="/posts/three/"><span class="post-nav-label">Newer</span> Three</a>');
    expect(await page('one')).not.toContain('post-nav-newer" rel="prev" href="/posts/three/');
  });
});
