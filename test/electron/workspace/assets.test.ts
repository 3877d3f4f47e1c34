import { readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../common/api';
import { assetBaseName, MAX_ASSET_BYTES } from '../../../electron/workspace/assets';
import { onePixelPng, phonePhoto } from '../../helpers/images';
import { openTestWorkspace, post, tempDir } from '../../helpers/tmp';

const files = { 'posts/hello world.md': post({ title: 'Hello' }, 'Body\n'), 'posts/trip/index.md': post({ title: 'Trip' }, 'Bundle\n') };

describe('adding an image to a post', () => {
  it('saves it in the post’s assets folder under a slug of its name and links it relatively', async () => {
    const { ws, id, file } = await openTestWorkspace(files);
    const added = await ws.addAsset(id('posts/hello world.md'), 'Screen Shot 2024-05-01 at 10.00.PNG', onePixelPng);
    expect(added).toEqual({ path: 'posts/hello world.assets/screen-shot-2024-05-01-at-10-00.png', link: 'hello%20world.assets/screen-shot-2024-05-01-at-10-00.png' });
    expect(await readFile(file(added.path))).toEqual(onePixelPng);
    const bundle = await ws.addAsset(id('posts/trip/index.md'), 'map.png', onePixelPng);
    expect(bundle).toEqual({ path: 'posts/trip/map.png', link: 'map.png' });
  });

  it('never replaces a file: a taken name gets -2, -3, also when pasted at once', async () => {
    const { ws, id, root } = await openTestWorkspace(files);
    // Three different images (bytes after a PNG's end are ignored by readers, and make the files differ).
    const images = [1, 2, 3].map((n) => Buffer.concat([onePixelPng, Buffer.from([n])]));
    const results = await Promise.all(images.map((bytes) => ws.addAsset(id('posts/hello world.md'), 'chart.png', bytes)));
    expect(results.map((r) => path.posix.basename(r.path)).sort()).toEqual(['chart-2.png', 'chart-3.png', 'chart.png']);
    expect((await readdir(path.join(root, 'posts', 'hello world.assets'))).sort()).toEqual(['chart-2.png', 'chart-3.png', 'chart.png']);
  });

  it('keeps one file for the same image pasted twice, also at once', async () => {
    const { ws, id, root } = await openTestWorkspace(files);
    const first = await ws.addAsset(id('posts/hello world.md'), 'image.png', onePixelPng);
    const again = await Promise.all([1, 2].map(() => ws.addAsset(id('posts/hello world.md'), 'image.png', onePixelPng)));
    expect(again).toEqual([first, first]);
    expect(await readdir(path.join(root, 'posts', 'hello world.assets'))).toEqual(['image.png']);
  });

  it('distrusts the given name: no folders, no climbing, no control characters, the type from the bytes', async () => {
    const { ws, id, root } = await openTestWorkspace(files);
    const sneaky = await ws.addAsset(id('posts/hello world.md'), '../../../etc/evil\u0000\u001b.svg', onePixelPng);
    expect(sneaky.path).toBe('posts/hello world.assets/etc-evil.png');
    const nameless = await ws.addAsset(id('posts/hello world.md'), '', onePixelPng);
    expect(nameless.path).toMatch(/^posts\/hello world\.assets\/image-\d{8}-\d{6}\.png$/);
    expect(await readdir(root)).toEqual(['posts']);
    expect(assetBaseName('....', new Date(2024, 0, 2, 3, 4, 5))).toBe('image-20240102-030405');
  });

  it('refuses what is not an image, and images over 25 MiB, with a clear error and nothing written', async () => {
    const { ws, id, root } = await openTestWorkspace(files);
    await expect(ws.addAsset(id('posts/hello world.md'), 'notes.png', Buffer.from('<svg onload="x()"/>'))).rejects.toMatchObject({ code: 'unsupported', message: expect.stringContaining('is not a PNG') });
    const huge = Buffer.concat([onePixelPng, Buffer.alloc(MAX_ASSET_BYTES)]);
    await expect(ws.addAsset(id('posts/hello world.md'), 'huge.png', huge)).rejects.toMatchObject({ code: 'invalid-arguments', message: expect.stringContaining('25 MiB') });
    expect(await readdir(path.join(root, 'posts'))).toEqual(['hello world.md', 'trip']);
    expect(contract.assets.add.args.safeParse(['a', 'x.png', 'A'.repeat(36_000_000)]).error?.issues[0]?.message).toContain('25 MiB');
    expect(contract.assets.add.args.safeParse(['a', 'x.png', 'not base64!']).success).toBe(false);
  });

  it('refuses to write through an assets folder that links out of the workspace', async () => {
    const { ws, id, root } = await openTestWorkspace(files);
    const outside = await tempDir();
    await symlink(outside, path.join(root, 'posts', 'hello world.assets'));
    await expect(ws.addAsset(id('posts/hello world.md'), 'a.png', onePixelPng)).rejects.toMatchObject({ code: 'outside-workspace' });
    expect(await readdir(outside)).toEqual([]);
  });
});

describe('adding a smaller copy of a large image (the author\'s choice)', () => {
  it('saves it at most 2560 px on its longer side, upright, without EXIF and its GPS position; the original only when asked', async () => {
    const { ws, id, file } = await openTestWorkspace(files);
    const photo = await phonePhoto();
    expect(await sharp(photo).metadata()).toMatchObject({ width: 4032, height: 3024, orientation: 6, exif: expect.any(Buffer) });
    const smaller = await ws.addAsset(id('posts/hello world.md'), 'IMG_0001.JPG', photo, { downscale: true });
    expect(smaller.path).toBe('posts/hello world.assets/img-0001.jpg');
    const saved = await readFile(file(smaller.path));
    const meta = await sharp(saved).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif, meta.orientation]).toEqual(['jpeg', 1920, 2560, undefined, undefined]);
    expect(saved.length).toBeLessThan(photo.length);
    // The original, kept by choice, is saved byte for byte beside it.
    const original = await ws.addAsset(id('posts/hello world.md'), 'IMG_0001.JPG', photo, { downscale: false });
    expect(original.path).toBe('posts/hello world.assets/img-0001-2.jpg');
    expect(await readFile(file(original.path))).toEqual(photo);
    // Making and resizing a 12-megapixel photo takes seconds on a loaded machine.
  }, 180_000);

  it('keeps a PNG a lossless PNG, and refuses a broken image with a clear error and nothing written', async () => {
    const { ws, id, file, root } = await openTestWorkspace(files);
    const wide = await sharp({ create: { width: 3000, height: 200, channels: 3, background: '#204060' } }).png().toBuffer();
    const smaller = await ws.addAsset(id('posts/hello world.md'), 'wide.png', wide, { downscale: true });
    expect(await sharp(await readFile(file(smaller.path))).metadata()).toMatchObject({ format: 'png', width: 2560, height: 171 });
    const cut = (await phonePhoto(1600, 1200)).subarray(0, 4000);
    await expect(ws.addAsset(id('posts/hello world.md'), 'cut.jpg', cut, { downscale: true })).rejects.toMatchObject({
      code: 'invalid-arguments',
      message: expect.stringMatching(/^"cut\.jpg" could not be made smaller \(.+\); add the original instead, or resize it in an image editor\.$/),
    });
    expect(await readdir(path.join(root, 'posts', 'hello world.assets'))).toEqual(['wide.png']);
    expect(contract.assets.add.args.safeParse(['a', 'x.png', 'AAAA', { downscale: true }]).success).toBe(true);
    expect(contract.assets.add.args.safeParse(['a', 'x.png', 'AAAA', { downscale: true, to: '/etc' }]).success).toBe(false);
  }, 180_000);
});

describe('finding an image for the preview', () => {
  it('serves images inside the workspace and refuses other files, escapes and links out', async () => {
    const { ws, root } = await openTestWorkspace({ ...files, 'posts/a.png': onePixelPng });
    await expect(ws.asset('posts/a.png')).resolves.toMatchObject({ contentType: 'image/png', size: onePixelPng.length });
    await expect(ws.asset('posts/hello world.md')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(ws.asset('../x.png')).rejects.toMatchObject({ code: 'outside-workspace' });
    await expect(ws.asset('posts/missing.png')).rejects.toMatchObject({ code: 'not-found' });
    const outside = await tempDir();
    await writeFile(path.join(outside, 'secret.png'), onePixelPng);
    await symlink(path.join(outside, 'secret.png'), path.join(root, 'posts', 'link.png'));
    await expect(ws.asset('posts/link.png')).rejects.toMatchObject({ code: 'outside-workspace' });
  });
});
