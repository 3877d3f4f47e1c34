import { readdir, readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PostSummary } from '../../../common/types';
import { Workspace } from '../../../electron/workspace/workspace';
import { noTrash, post, tempDir, writeTree } from '../../helpers/tmp';

async function listOnce(root: string, cacheDir: string): Promise<PostSummary[]> {
  const ws = await Workspace.open(root, { ...noTrash, cacheDir });
  try {
    return await ws.list();
  } finally {
    await ws.close(); // waits for the cache write
  }
}

async function setup() {
  const root = await tempDir();
  const cacheDir = await tempDir('postwright-cache-');
  await writeTree(root, {
    'posts/a.md': post({ title: 'Alpha', date: '2024-01-01' }, 'one two three\n'),
    'posts/b.md': post({ title: 'Beta', date: '2024-02-01' }, 'four five\n'),
    'broken.md': '---\ntitle: [oops\n---\n',
  });
  return { root, cacheDir };
}

describe('the post-list cache', () => {
  it('lives in the cache folder, never in the workspace, and gives the same list on reopen', async () => {
    const { root, cacheDir } = await setup();
    const before = await readdir(root, { recursive: true });
    const first = await listOnce(root, cacheDir);
    expect(await readdir(cacheDir)).toEqual([expect.stringMatching(/^list-[\w-]+\.json$/)]);
    expect(await readdir(root, { recursive: true })).toEqual(before);
    expect(await listOnce(root, cacheDir)).toEqual(first);
    expect(first.find((p) => p.path === 'broken.md')!.error).toBeDefined();
  });

  it('reuses a summary while size and modification time are unchanged (so it really skips the read)', async () => {
    const { root, cacheDir } = await setup();
    const file = path.join(root, 'posts/a.md');
    // A whole second: utimes takes float seconds, which would round a sub-millisecond mtime.
    const when = new Date('2024-01-01T00:00:00Z');
    await utimes(file, when, when);
    await listOnce(root, cacheDir);
    // Same length, same times: indistinguishable without reading, so the cached title stays.
    await writeFile(file, (await readFile(file, 'utf8')).replace('Alpha', 'Omega'));
    await utimes(file, when, when);
    expect((await listOnce(root, cacheDir)).map((p) => p.title)).toContain('Alpha');
  });

  it('re-reads a post whose size or modification time changed', async () => {
    const { root, cacheDir } = await setup();
    await listOnce(root, cacheDir);
    const a = path.join(root, 'posts/a.md');
    await writeFile(a, post({ title: 'Alpha, longer now', date: '2024-01-01' }));
    const b = path.join(root, 'posts/b.md');
    const { mtime } = await stat(b);
    await writeFile(b, (await readFile(b, 'utf8')).replace('Beta', 'Gama'));
    await utimes(b, new Date(), new Date(mtime.getTime() + 5000));
    const titles = (await listOnce(root, cacheDir)).map((p) => p.title);
    expect(titles).toEqual(expect.arrayContaining(['Alpha, longer now', 'Gama']));
    expect(titles).not.toContain('Beta');
  });

  it('drops deleted posts and adds new ones', async () => {
    const { root, cacheDir } = await setup();
    await listOnce(root, cacheDir);
    await unlink(path.join(root, 'posts/b.md'));
    await writeTree(root, { 'posts/c.md': post({ title: 'Gamma' }) });
    expect((await listOnce(root, cacheDir)).map((p) => p.title).sort()).toEqual(['Alpha', 'Gamma', 'broken']);
  });

  it('ignores a corrupt cache file', async () => {
    const { root, cacheDir } = await setup();
    const fresh = await listOnce(root, cacheDir);
    const [file] = await readdir(cacheDir);
    await writeFile(path.join(cacheDir, file!), '{"format": 1, "root": "x", "entr');
    expect(await listOnce(root, cacheDir)).toEqual(fresh);
  });
});
