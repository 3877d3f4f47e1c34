// The export's responsive images: resized with sharp to a few widths as WebP
// plus one fallback in the source's format, upright, without EXIF, sized in
// the markup, lazy below the first, kept by content hash in the cache folder,
// and never touching the workspace's original.
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImageIndex } from '../../../electron/site/imageIndex';
import { ImageStore } from '../../../electron/site/images';
import { build, readTree } from '../../helpers/site';
import { tempDir, tempTree, writeTree } from '../../helpers/tmp';

/** A 2400×1200 JPEG stored sideways (EXIF orientation 6: shown 1200×2400) with a GPS position, as phones write them. */
async function phonePhoto(width = 2400, height = 1200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg({ quality: 95 })
    .withExif({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 31/1 0/1' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

const imgs = (html: string) => [...html.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
const attribute = (tag: string, name: string) => new RegExp(` ${name}="([^"]*)"`).exec(tag)?.[1];
const FIXTURES = path.join(import.meta.dirname, '../../fixtures/images');
const fixture = (name: string) => readFile(path.join(FIXTURES, name));

describe('responsive images', () => {
  it('are resized, upright, stripped of EXIF, sized and lazy below the first; the original stays as it was', async () => {
    const root = await tempDir();
    const photo = await phonePhoto();
    expect(await sharp(photo).metadata()).toMatchObject({ orientation: 6, exif: expect.any(Buffer) });
    await writeTree(root, {
      'posts/trip.md': '---\ntitle: Trip\ndate: 2024-05-01\n---\n\n![The coast](trip.assets/coast.jpg)\n\nText.\n\n![Again](trip.assets/coast.jpg)\n',
      'posts/trip.assets/coast.jpg': photo,
    });
    const out = path.join(await tempDir(), 'site');
    await build(root, out, { cacheDir: await tempDir() });
    const files = await readTree(out);
    const derived = [...files.keys()].filter((f) => f.startsWith('posts/trip.assets/'));
    // The fallback in the source's format at the widest size, and a WebP (or JPEG, whichever is smaller) at each width.
    expect(derived.map((f) => f.replace(/\.[0-9a-f]{10}-/, '.HASH-'))).toEqual(expect.arrayContaining(['posts/trip.assets/coast.HASH-1200.jpg', 'posts/trip.assets/coast.HASH-480.webp']));
    // The original (with its GPS position) is not published.
    expect(files.has('posts/trip.assets/coast.jpg')).toBe(false);
    const fallbackName = derived.find((f) => f.endsWith('-1200.jpg'))!;
    const fallback = files.get(fallbackName)!;
    const meta = await sharp(fallback).metadata();
    expect([meta.width, meta.height, meta.exif, meta.orientation]).toEqual([1200, 2400, undefined, undefined]);
    expect((await sharp(files.get(derived.find((f) => f.endsWith('-480.webp'))!)!).metadata()).width).toBe(480);
    expect(fallback.length).toBeLessThan(photo.length);

    const [first, second] = imgs(files.get('posts/trip/index.html')!.toString());
    expect(first).toMatch(
      new RegExp(`^<img src="/${fallbackName.replace(/\./g, '\\.')}" srcset="/posts/trip\\.assets/coast\\.[0-9a-f]{10}-480\\.webp 480w, [^"]+ 960w, [^"]+ 1200w" sizes="\\(min-width: 42\\.5rem\\) 40rem, calc\\(100vw - 2\\.5rem\\)" width="1200" height="2400" alt="The coast" decoding="async">$`),
    );
    expect(second).toContain('loading="lazy"');
    expect(await readFile(path.join(root, 'posts/trip.assets/coast.jpg'))).toEqual(photo);
  });

  it('are made once: a rebuild from a warm cache does no image work, and a replaced picture is picked up', async () => {
    const root = await tempDir();
    const cacheDir = await tempDir();
    await writeTree(root, { 'posts/a.md': '---\ntitle: A\ndate: 2024-01-01\n---\n\n![x](a.assets/p.jpg)\n', 'posts/a.assets/p.jpg': await phonePhoto() });
    const out = path.join(await tempDir(), 'site');
    await build(root, out, { cacheDir });
    const cached = await readTree(path.join(cacheDir, 'images'));
    const times = await Promise.all([...cached.keys()].map(async (f) => (await stat(path.join(cacheDir, 'images', f))).mtimeMs));
    // A clean build elsewhere, sharing the cache: the same bytes, and not one cached file made again.
    const other = path.join(await tempDir(), 'site');
    await build(root, other, { cacheDir });
    expect(await readTree(other)).toEqual(await readTree(out));
    expect(await Promise.all([...cached.keys()].map(async (f) => (await stat(path.join(cacheDir, 'images', f))).mtimeMs))).toEqual(times);

    // Another picture under the same name: the post's page follows it on the next incremental build.
    await writeFile(path.join(root, 'posts/a.assets/p.jpg'), await phonePhoto(800, 400));
    await build(root, out, { cacheDir });
    expect(imgs((await readFile(path.join(out, 'posts/a/index.html'), 'utf8')))[0]).toContain('width="400" height="800"');
    const shown = imgs(await readFile(path.join(out, 'posts/a/index.html'), 'utf8'))[0]!;
    const published = [...(await readTree(out)).keys()].filter((f) => f.startsWith('posts/a.assets/')).map((f) => `/${f}`);
    expect(published.sort()).toEqual([...shown.matchAll(/\/posts\/a\.assets\/[^" ]+/g)].map((m) => m[0]).filter((f, i, all) => all.indexOf(f) === i).sort());
  });

  it('are found by their stats on the next build, without reading them; a picture replaced under the same name is read again', async () => {
    const [root, folder] = [await tempDir(), await tempDir()];
    const source = path.join(root, 'p.jpg');
    await writeFile(source, await phonePhoto());
    const first = await new ImageStore(folder, ImageIndex.load(folder)).load(source);
    // Without the index nothing is remembered, and the next load would read and hash the file to find its record.
    const fresh = () => new ImageStore(folder, ImageIndex.load(folder));
    expect(await fresh().load(source)).toEqual(first);
    const index = ImageIndex.load(folder);
    await new ImageStore(folder, index).load(source);
    index.save();
    // The records found by content hash are gone: only the index can still name this picture's files.
    for (const name of await readdir(folder)) if (name.endsWith('.srcset.json')) await rm(path.join(folder, name));
    expect(await fresh().load(source)).toEqual(first);
    expect((await readdir(folder)).filter((name) => name.endsWith('.srcset.json'))).toEqual([]);

    await writeFile(source, await phonePhoto(800, 400));
    expect(await fresh().load(source)).toMatchObject({ width: 400, height: 800 });
  });

  it('publishes a file sharp cannot read as it is, and the rest of the site still builds', async () => {
    const root = await tempTree({ 'posts/a.md': '# A\n\n![broken](a.assets/broken.png)\n', 'posts/a.assets/broken.png': 'not a png' });
    const out = path.join(await tempDir(), 'site');
    await build(root, out);
    const files = await readTree(out);
    expect(files.get('posts/a.assets/broken.png')!.toString()).toBe('not a png');
    expect(imgs(files.get('posts/a/index.html')!.toString())[0]).toBe('<img src="/posts/a.assets/broken.png" alt="broken" decoding="async">');
  });

  // Real files (test/fixtures/images/README.md): Rust's 32 px favicon, where WebP comes out bigger than a
  // palette PNG; a draw.io screenshot from the Embedded Rust Book whose WebP is twice its PNG, carrying the
  // diagram's source in a text chunk; and a photo, where WebP wins.
  it('are never published bigger than what they stand in for: WebP only where it is smaller, and a narrower width only when it weighs less', async () => {
    const root = await tempDir();
    const sources = { icon: await fixture('rust-favicon-32.png'), screenshot: await fixture('crates-screenshot.png'), photo: await fixture('board-photo.jpg') };
    await writeTree(root, {
      'posts/mixed.md': '---\ntitle: Mixed\ndate: 2024-05-01\n---\n\n![icon](mixed.assets/icon.png)\n\n![screenshot](mixed.assets/screenshot.png)\n\n![photo](mixed.assets/photo.jpg)\n',
      'posts/mixed.assets/icon.png': sources.icon,
      'posts/mixed.assets/screenshot.png': sources.screenshot,
      'posts/mixed.assets/photo.jpg': sources.photo,
    });
    const out = path.join(await tempDir(), 'site');
    await build(root, out, { cacheDir: await tempDir() });
    const files = await readTree(out);
    const bytesOf = (url: string) => files.get(decodeURIComponent(url.slice(1)))!.length;
    const [icon, screenshot, photo] = imgs(files.get('posts/mixed/index.html')!.toString());

    // The icon and the screenshot: one PNG each, smaller than the original, and no srcset. The icon's WebP is bigger than
    // its PNG; the screenshot's WebP is twice its PNG, and at 480 px both formats weigh more than its PNG at 578.
    for (const [img, name, original, width] of [[icon!, 'icon', sources.icon, 32], [screenshot!, 'screenshot', sources.screenshot, 578]] as const) {
      expect(attribute(img, 'srcset')).toBeUndefined();
      expect(attribute(img, 'sizes')).toBeUndefined();
      expect(attribute(img, 'width')).toBe(String(width));
      expect(attribute(img, 'src')).toMatch(new RegExp(`^/posts/mixed\\.assets/${name}\\.[0-9a-f]{10}-${width}\\.png$`));
      expect(bytesOf(attribute(img, 'src')!)).toBeLessThanOrEqual(original.length);
      expect([...files.keys()].filter((f) => f.startsWith(`posts/mixed.assets/${name}.`))).toEqual([attribute(img, 'src')!.slice(1)]);
    }

    // The photo: WebP at each width, narrowest first, each lighter than the next wider one and than the fallback JPEG.
    const srcset = attribute(photo!, 'srcset')!.split(', ').map((entry) => entry.split(' ') as [string, string]);
    expect(srcset.map(([url, w]) => `${url.slice(url.lastIndexOf('-'))} ${w}`)).toEqual(['-480.webp 480w', '-720.webp 720w']);
    const weights = srcset.map(([url]) => bytesOf(url));
    expect(weights[0]).toBeLessThan(weights[1]!);
    const fallback = bytesOf(attribute(photo!, 'src')!);
    expect(attribute(photo!, 'src')).toMatch(/-720\.jpg$/);
    expect(weights[1]).toBeLessThan(fallback);
    expect(fallback).toBeLessThan(sources.photo.length);
    // The diagram's source, a text chunk, is not published with the screenshot.
    expect((await sharp(files.get(attribute(screenshot!, 'src')!.slice(1))!).metadata()).comments).toBeUndefined();
  });
});

describe('the site\'s own pictures', () => {
  it('publish the link-preview image at card width and the favicon at icon sizes, stripped and cached, never the originals', async () => {
    const root = await tempDir();
    const card = await phonePhoto(2400, 1260);
    const favicon = await fixture('icon-256.png');
    await writeTree(root, {
      'postwright.json': JSON.stringify({ baseUrl: 'https://example.com/', image: 'images/card.jpg' }),
      'images/card.jpg': card,
      'theme/favicon.png': favicon,
      'posts/a.md': '---\ntitle: A\ndate: 2024-01-01\n---\n\nNo picture.\n',
    });
    const cacheDir = await tempDir();
    const out = path.join(await tempDir(), 'site');
    await build(root, out, { cacheDir });
    const files = await readTree(out);
    const head = files.get('posts/a/index.html')!.toString();
    const og = /<meta property="og:image" content="https:\/\/example\.com\/(images\/card\.[0-9a-f]{10}-1200\.jpg)"/.exec(head)![1]!;
    const meta = await sharp(files.get(og)!).metadata();
    // Turned upright (the phone stored it sideways, so 1200 wide is 2286 tall), without EXIF and its GPS position.
    expect([meta.width, meta.height, meta.exif, meta.orientation]).toEqual([1200, 2286, undefined, undefined]);
    expect(files.get(og)!.length).toBeLessThan(card.length);
    expect(files.has('images/card.jpg')).toBe(false);

    const icon = /<link rel="icon" href="\/(theme\/favicon\.[0-9a-f]{10}-32\.png)" type="image\/png" sizes="32x32"\/>/.exec(head)![1]!;
    const touch = /<link rel="apple-touch-icon" href="\/(theme\/favicon\.[0-9a-f]{10}-180\.png)" type="image\/png" sizes="180x180"\/>/.exec(head)![1]!;
    expect((await sharp(files.get(icon)!).metadata()).width).toBe(32);
    expect((await sharp(files.get(touch)!).metadata()).width).toBe(180);
    expect(files.get(touch)!.length).toBeLessThan(favicon.length);
    expect(files.has('theme/favicon.png')).toBe(false);
    expect(files.has('favicon.svg')).toBe(false);

    // Cached by hash: a build elsewhere makes none of them again.
    const cached = await readTree(path.join(cacheDir, 'images'));
    const times = async () => Promise.all([...cached.keys()].map(async (f) => (await stat(path.join(cacheDir, 'images', f))).mtimeMs));
    const before = await times();
    await build(root, path.join(await tempDir(), 'site'), { cacheDir });
    expect(await times()).toEqual(before);
  });

  it('keep a favicon already at tab size as one icon no bigger than it was', async () => {
    const root = await tempDir();
    const favicon = await fixture('rust-favicon-32.png');
    await writeTree(root, { 'theme/favicon.png': favicon, 'posts/a.md': '# A\n' });
    const out = path.join(await tempDir(), 'site');
    await build(root, out);
    const files = await readTree(out);
    const head = files.get('index.html')!.toString();
    expect(head).not.toContain('apple-touch-icon');
    const icon = /<link rel="icon" href="\/(theme\/favicon\.[0-9a-f]{10}-32\.png)" type="image\/png" sizes="32x32"\/>/.exec(head)![1]!;
    expect(files.get(icon)!.length).toBeLessThanOrEqual(favicon.length);
  });
});
