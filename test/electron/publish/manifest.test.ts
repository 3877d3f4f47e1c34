// The site's manifest with the hash cache must be what hashing every file
// gives, whatever happened to the files since the last publish.
import { createHash } from 'node:crypto';
import { readFile, rename, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HashCache } from '../../../electron/publish/hashCache';
import { buildManifest } from '../../../electron/publish/manifest';
import { tempDir, tempTree } from '../../helpers/tmp';

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
const big = Buffer.alloc(3 * 1024 * 1024, 7); // streamed, not read whole

async function site() {
  const dir = await tempTree({ 'index.html': '<p>home</p>', 'posts/a/index.html': '<p>a</p>', 'media/clip.bin': big });
  const cacheFile = path.join(await tempDir('postwright-cache-'), 'site-hashes.json');
  const withCache = async () => {
    const hashes = HashCache.load(cacheFile, dir);
    const manifest = await buildManifest(dir, hashes);
    hashes.save();
    return manifest;
  };
  return { dir, cacheFile, withCache, file: (relative: string) => path.join(dir, relative) };
}

describe('manifest: hashes cached between publishes', () => {
  it('gives what hashing every file gives, large files included', async () => {
    const { dir, withCache } = await site();
    const first = await withCache();
    expect(first.get('media/clip.bin')).toEqual({ path: 'media/clip.bin', sha256: sha(big), size: big.length });
    expect(first.get('posts/a/index.html')!.sha256).toBe(sha('<p>a</p>'));
    expect(await withCache()).toEqual(await buildManifest(dir));
  });

  it('reuses the recorded hash of an untouched file (the probe: a recorded hash that is not the file\'s own is believed)', async () => {
    const { cacheFile, withCache } = await site();
    await withCache();
    const recorded = JSON.parse(await readFile(cacheFile, 'utf8')) as { files: [string, unknown, string][] };
    for (const entry of recorded.files) if (entry[0] === 'index.html') entry[2] = 'f'.repeat(64);
    await writeFile(cacheFile, JSON.stringify(recorded));
    expect((await withCache()).get('index.html')!.sha256).toBe('f'.repeat(64));
  });

  it('hashes again a file rewritten at the same size with its old modification time, or replaced by another', async () => {
    const { dir, withCache, file } = await site();
    const written = 1_704_067_200; // whole seconds, which utimes restores exactly
    await utimes(file('index.html'), written, written);
    await withCache();
    await writeFile(file('index.html'), '<p>HOME</p>');
    await utimes(file('index.html'), written, written);
    await writeFile(file('other.html'), '<p>b</p>');
    await rename(file('other.html'), file('posts/a/index.html'));
    const manifest = await withCache();
    expect(manifest.get('index.html')!.sha256).toBe(sha('<p>HOME</p>'));
    expect(manifest.get('posts/a/index.html')!.sha256).toBe(sha('<p>b</p>'));
    expect(manifest).toEqual(await buildManifest(dir));
  });

  it('hashes every file when the cache is damaged or was made for another folder', async () => {
    const { dir, cacheFile, withCache } = await site();
    await withCache();
    await writeFile(cacheFile, '{"format":1,"files":[["index.html",');
    expect(await withCache()).toEqual(await buildManifest(dir));
    const other = await tempTree({ 'index.html': '<p>elsewhere</p>' });
    const hashes = HashCache.load(cacheFile, other);
    expect((await buildManifest(other, hashes)).get('index.html')!.sha256).toBe(sha('<p>elsewhere</p>'));
  });
});
