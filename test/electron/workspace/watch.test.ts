import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../common/api';
import { versionOf } from '../../../electron/workspace/encoding';
import { Workspace } from '../../../electron/workspace/workspace';
import { noTrash, tempDir, tempTree, writeTree } from '../../helpers/tmp';

type Change = EventPayload<'posts.changed'>;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of cleanups.splice(0)) await stop();
});

async function watching(files: Record<string, string> = {}) {
  const root = await tempTree(files);
  const ws = await Workspace.open(root, noTrash);
  const posts = await ws.list();
  const changes: Change[] = [];
  const stop = await ws.watch((c) => changes.push(c));
  cleanups.push(() => ws.close());
  /** Waits until a change matching `test` arrives. */
  const next = async (test: (c: Change) => boolean, ms = 5000): Promise<Change> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = changes.find(test);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching change; got ${JSON.stringify(changes)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { root, ws, posts, changes, stop, next, file: (p: string) => path.join(root, p) };
}

const settle = () => new Promise((r) => setTimeout(r, 400));

describe('Workspace.watch', () => {
  it('reports posts added, changed and removed by another program, with summary and version', async () => {
    const { file, next, changes, posts } = await watching({ 'posts/old.md': '# Old' });
    await writeFile(file('posts/new.md'), '---\ntitle: New one\n---\nHello\n');
    const added = await next((c) => c.kind === 'added');
    expect(added.post).toMatchObject({ path: 'posts/new.md', title: 'New one', words: 1 });
    expect(added.version).toBe(versionOf(Buffer.from('---\ntitle: New one\n---\nHello\n')));

    await writeFile(file('posts/old.md'), '# Old, edited');
    const changed = await next((c) => c.kind === 'changed');
    expect(changed.id).toBe(posts[0]!.id);
    expect(changed.post!.title).toBe('Old, edited');
    expect(changed.version).toBe(versionOf(Buffer.from('# Old, edited')));

    await rm(file('posts/old.md'));
    const removed = await next((c) => c.kind === 'removed');
    expect(removed).toEqual({ kind: 'removed', id: posts[0]!.id });
    expect(changes.filter((c) => c.kind === 'removed')).toHaveLength(1);
  });

  it('makes new posts readable by the id in the event', async () => {
    const { ws, file, next } = await watching();
    await writeFile(file('fresh.md'), 'fresh text');
    const added = await next((c) => c.kind === 'added');
    expect((await ws.read(added.id)).text).toBe('fresh text');
  });

  it('reports our own atomic save as one change, never the temp file', async () => {
    const { ws, posts, changes, next } = await watching({ 'a.md': 'one' });
    const doc = await ws.read(posts[0]!.id);
    const saved = await ws.save(doc.post.id, 'two', doc.version);
    const change = await next((c) => c.kind === 'changed');
    expect(saved.status === 'saved' && saved.version).toBe(change.version);
    await settle();
    expect(changes.map((c) => c.kind)).toEqual(['changed']);
    expect(JSON.stringify(changes)).not.toContain('pw-tmp');
  });

  it('ignores non-Markdown files, dot-folders, node_modules and the output folder', async () => {
    const { file, changes, next } = await watching();
    await writeTree(path.dirname(file('x')), {
      'image.png': 'png',
      'notes.txt': 'txt',
      '.git/HEAD.md': '# no',
      'node_modules/p/readme.md': '# no',
      '_site/index.md': '# no',
      '.hidden.md': '# no',
    });
    await writeFile(file('real.md'), '# Yes');
    await next((c) => c.kind === 'added');
    await settle();
    expect(changes.map((c) => c.post?.path)).toEqual(['real.md']);
  });

  it('reports every post of a folder moved in or out', async () => {
    const outside = await tempDir();
    const { file, next, changes } = await watching({ 'posts/keep.md': '# Keep' });
    await writeTree(outside, { 'batch/a.md': '# A', 'batch/sub/b.md': '# B' });
    await rename(path.join(outside, 'batch'), file('posts/batch'));
    await next((c) => c.kind === 'added' && c.post?.path === 'posts/batch/sub/b.md');
    await next((c) => c.kind === 'added' && c.post?.path === 'posts/batch/a.md');
    await rename(file('posts/batch'), path.join(outside, 'batch-back'));
    await next(() => changes.filter((c) => c.kind === 'removed').length === 2);
  });

  it('never reports a link that points outside the workspace', async () => {
    const outside = await tempTree({ 'secret.md': '# Secret' });
    const { file, changes, next } = await watching();
    await symlink(path.join(outside, 'secret.md'), file('leak.md'));
    await mkdir(file('posts'));
    await writeFile(file('posts/ok.md'), '# Ok');
    await next((c) => c.post?.path === 'posts/ok.md');
    await settle();
    expect(changes.map((c) => c.post?.path)).toEqual(['posts/ok.md']);
  });

  it('stops reporting once stopped', async () => {
    const { file, changes, stop } = await watching();
    await stop();
    await writeFile(file('late.md'), '# Late');
    await settle();
    expect(changes).toEqual([]);
  });
});
