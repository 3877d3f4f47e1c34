// The contract's recovery methods through a real backend: what a start after a crash is offered.
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../common/api';
import { createBackend } from '../../../electron/backend';
import { nodePlatform } from '../../../electron/platform';
import { post, tempDir, tempTree } from '../../helpers/tmp';

async function backendOn(files: Record<string, string>, dataDir?: string) {
  const root = await tempTree(files);
  const backend = await createBackend({ root, platform: nodePlatform(), watch: false, dataDir });
  const posts = await backend.handlers.posts.list();
  const doc = (relative: string) => backend.handlers.posts.read(posts.find((p) => p.path === relative)!.id);
  return { root, backend, doc };
}

describe('recovery through the backend', () => {
  it('offers each journaled text that differs from the file, beside the file on disk', async () => {
    const data = await tempDir();
    const original = post({ title: 'Pricing' }, 'Saved paragraph.\n');
    const { backend, doc } = await backendOn({ 'posts/pricing.md': original, 'posts/other.md': post({ title: 'Other' }) }, data);
    const pricing = await doc('posts/pricing.md');
    const other = await doc('posts/other.md');
    await backend.handlers.recovery.write(pricing.post.id, `${original}Typed, never saved.\n`, pricing.version);
    // Journaled, then saved, but the discard was lost in the crash: nothing to offer.
    await backend.handlers.recovery.write(other.post.id, other.text, other.version);
    await backend.close();

    const after = await createBackend({ root: backend.workspace.root, platform: nodePlatform(), watch: false, dataDir: data });
    const offered = await after.handlers.recovery.list();
    expect(offered).toEqual([
      expect.objectContaining({
        postId: pricing.post.id,
        path: 'posts/pricing.md',
        title: 'Pricing',
        text: `${original}Typed, never saved.\n`,
        baseVersion: pricing.version,
        disk: { text: original, version: pricing.version },
      }),
    ]);
    // The one that matched the disk was forgotten.
    expect(await after.handlers.recovery.list()).toHaveLength(1);
    await after.close();
  });

  it('offers a text whose post was deleted since, with no disk version, so it can become a new post', async () => {
    const data = await tempDir();
    const { root, backend, doc } = await backendOn({ 'posts/gone.md': post({ title: 'Soon gone' }) }, data);
    const gone = await doc('posts/gone.md');
    await backend.handlers.recovery.write(gone.post.id, `${gone.text}Last words.\n`, gone.version);
    await rm(path.join(root, 'posts/gone.md'));
    const [offered] = await backend.handlers.recovery.list();
    expect(offered).toMatchObject({ postId: gone.post.id, title: 'Soon gone', disk: null, path: 'posts/gone.md' });
    await backend.close();
  });

  it('never writes into the workspace', async () => {
    const data = await tempDir();
    const { root, backend, doc } = await backendOn({ 'a.md': post({ title: 'A' }) }, data);
    const before = await readdir(root);
    const a = await doc('a.md');
    await backend.handlers.recovery.write(a.post.id, 'changed', a.version);
    expect(await readdir(root)).toEqual(before);
    expect(await readdir(path.join(data, 'recovery'))).toHaveLength(1);
    await backend.close();
  });

  it('refuses a post it does not know, and bad arguments, with clear errors', async () => {
    const { backend } = await backendOn({ 'a.md': post({ title: 'A' }) }, await tempDir());
    expect(await dispatch(backend.handlers, 'recovery.write', ['nosuchpost', 'text', 'v1'])).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('renamed or deleted') },
    });
    expect(await dispatch(backend.handlers, 'recovery.write', ['../etc', 'text', 'v1'])).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await dispatch(backend.handlers, 'recovery.discard', [])).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    await backend.close();
  });

  it('without a data folder says crash recovery is unavailable rather than pretending', async () => {
    const { backend, doc } = await backendOn({ 'a.md': post({ title: 'A' }) });
    const a = await doc('a.md');
    expect(await dispatch(backend.handlers, 'recovery.write', [a.post.id, 'text', a.version])).toMatchObject({
      ok: false,
      error: { code: 'unsupported', message: expect.stringContaining('app data folder') },
    });
    await backend.close();
  });

  it('a file that cannot be read is not mistaken for a deleted post', async () => {
    const data = await tempDir();
    const { root, backend, doc } = await backendOn({ 'a.md': post({ title: 'A' }) }, data);
    const a = await doc('a.md');
    await backend.handlers.recovery.write(a.post.id, 'mine', a.version);
    await writeFile(path.join(root, 'a.md'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const reply = await dispatch(backend.handlers, 'recovery.list', []);
    // The author is told which file, and the journal keeps the text for the next start.
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringContaining('a.md') } });
    expect(await readdir(path.join(data, 'recovery'))).toHaveLength(1);
    await backend.close();
  });
});
