// The export's responsive images: resized with sharp to a few widths as WebP
// plus one fallback in the source's format, upright, without EXIF, sized in
// the markup, lazy below the first, kept by content hash in the cache folder,
// and never touching the workspace's original.
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { build, readTree } from '../../helpers/site';
import { tempDir, writeTree } from '../../helpers/tmp';

/** A 2400×1200 JPEG stored sideways (EXIF orientation 6: shown 1200×2400) with a GPS position, as phones write them. */
async function phonePhoto(width = 2400, height = 1200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg({ quality: 95 })
    .withExif({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 31/1 0/1' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

const imgs = (html: string) => [...html.matchAll(/<img [^>]*>/g)].map((m) => m[0]);

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
    expect(derived.map((f) => f.replace(/\.[0-9a-f]{10}-/, '.HASH-'))).toEqual([
      'posts/trip.assets/coast.HASH-1200.jpg',
      'posts/trip.assets/coast.HASH-1200.webp',
      'posts/trip.assets/coast.HASH-480.webp',
      'posts/trip.assets/coast.HASH-960.webp',
    ]);
    // The original (with its GPS position) is not published.
    expect(files.has('posts/trip.assets/coast.jpg')).toBe(false);
    const fallback = files.get(derived[0]!)!;
    const meta = await sharp(fallback).metadata();
    expect([meta.width, meta.height, meta.exif, meta.orientation]).toEqual([1200, 2400, undefined, undefined]);
    expect((await sharp(files.get(derived[2]!)!).metadata()).width).toBe(480);
    expect(fallback.length).toBeLessThan(photo.length);

    const [first, second] = imgs(files.get('posts/trip/index.html')!.toString());
    const name = derived[0]!.slice('posts/trip.assets/'.length, -'-1200.jpg'.length);
    expect(first).toBe(
      `<img src="/posts/trip.assets/${name}-1200.jpg" srcset="/posts/trip.assets/${name}-480.webp 480w, /posts/trip.assets/${name}-960.webp 960w, /posts/trip.assets/${name}-1200.webp 1200w" sizes="(min-width: 42.5rem) 40rem, calc(100vw - 2.5rem)" width="1200" height="2400" alt="The coast" decoding="async">`,
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
    expect([...(await readTree(out)).keys()].filter((f) => f.startsWith('posts/a.assets/')).length).toBe(2);
  });

  it('publishes a file sharp cannot read as it is, and the rest of the site still builds', async () => {
    const root = await tempDir();
    await writeTree(root, { 'posts/a.md': '# A\n\n![broken](a.assets/broken.png)\n', 'posts/a.assets/broken.png': 'not a png' });
    const out = path.join(await tempDir(), 'site');
    await build(root, out);
    const files = await readTree(out);
    expect(files.get('posts/a.assets/broken.png')!.toString()).toBe('not a png');
    expect(imgs(files.get('posts/a/index.html')!.toString())[0]).toBe('<img src="/posts/a.assets/broken.png" alt="broken" decoding="async">');
  });
});
