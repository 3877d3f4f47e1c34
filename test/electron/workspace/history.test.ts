import { mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PostHistory } from '../../../electron/workspace/history';
import { Workspace } from '../../../electron/workspace/workspace';
import { noTrash, tempDir, tempTree, writeTree } from '../../helpers/tmp';

const DAY = 24 * 60 * 60 * 1000;

/** A workspace with history kept in its own temp folder, outside the workspace. */
async function openWithHistory(files: Record<string, string>) {
  const root = await tempDir();
  const historyDir = await tempDir('postwright-history-');
  await writeTree(root, files);
  const ws = await Workspace.open(root, { ...noTrash, historyDir });
  const posts = await ws.list();
  const id = (relative: string) => posts.find((p) => p.path === relative)!.id;
  /** Saves `texts` one after another, each against the version the previous save returned. */
  const saveAll = async (postId: string, texts: string[]) => {
    let { version } = await ws.read(postId);
    for (const text of texts) {
      const result = await ws.save(postId, text, version);
      if (result.status !== 'saved') throw new Error(`save: ${result.status}`);
      version = result.version;
    }
  };
  return { root, historyDir, ws, id, saveAll };
}

/** Every file under `dir`, relative, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('version history', () => {
  it('keeps the version each save replaces, newest first, with words and their change', async () => {
    const { ws, id, saveAll } = await openWithHistory({ 'posts/a.md': '---\ntitle: A\n---\none two\n' });
    await saveAll(id('posts/a.md'), ['---\ntitle: A\n---\none two three four\n', '---\ntitle: A\n---\none\n', '---\ntitle: A\n---\nfinal text\n']);
    const versions = await ws.history(id('posts/a.md'));
    expect(versions.map((v) => [v.words, v.wordsChange])).toEqual([
      [1, -3],
      [4, 2],
      [2, null],
    ]);
    expect(versions[0]!.size).toBe(Buffer.byteLength('---\ntitle: A\n---\none\n'));
    expect(versions[0]!.time).toBeGreaterThan(Date.now() - 60_000);
    const texts = await Promise.all(versions.map(async (v) => (await ws.historyVersion(id('posts/a.md'), v.id)).text));
    expect(texts).toEqual(['---\ntitle: A\n---\none\n', '---\ntitle: A\n---\none two three four\n', '---\ntitle: A\n---\none two\n']);
  });

  it('tells versions apart: characters changed and the first line that differs from the one before', async () => {
    const { ws, id, saveAll } = await openWithHistory({ 'posts/a.md': '---\ntitle: A\n---\nOne line.\n' });
    await saveAll(id('posts/a.md'), ['---\ntitle: A\n---\nOne line.\nA second line.\n', '---\ntitle: A\n---\nOne lime.\nA second line.\n', 'final\n']);
    const versions = await ws.history(id('posts/a.md'));
    expect(versions.map((v) => [v.wordsChange, v.charsChange, v.firstChange])).toEqual([
      [0, 0, { line: 4, text: 'One lime.' }],
      [3, 15, { line: 5, text: 'A second line.' }],
      [null, null, null],
    ]);
  });

  it('lives outside the workspace, which holds nothing but the posts', async () => {
    const { root, historyDir, id, saveAll } = await openWithHistory({ 'a.md': 'first', 'b.md': 'other' });
    await saveAll(id('a.md'), ['second', 'third']);
    expect(await filesUnder(root)).toEqual(['a.md', 'b.md']);
    const kept = await filesUnder(historyDir);
    expect(kept).toHaveLength(2);
    expect((await Promise.all(kept.map((f) => readFile(path.join(historyDir, f), 'utf8')))).sort()).toEqual(['first', 'second']);
  });

  it('keeps none when the history folder would be inside the workspace', async () => {
    const root = await tempTree({ 'a.md': 'first' });
    const ws = await Workspace.open(root, { ...noTrash, historyDir: path.join(root, 'history') });
    const [post] = await ws.list();
    await ws.save(post!.id, 'second', (await ws.read(post!.id)).version);
    expect(await ws.history(post!.id)).toEqual([]);
    expect(await filesUnder(root)).toEqual(['a.md']);
  });

  it('keeps identical consecutive versions once, and nothing for a save that changes nothing', async () => {
    const { ws, id, saveAll, historyDir } = await openWithHistory({ 'a.md': 'same' });
    const doc = await ws.read(id('a.md'));
    expect((await ws.save(doc.post.id, 'same', doc.version)).status).toBe('saved');
    expect(await ws.history(doc.post.id)).toEqual([]);

    const history = PostHistory.for(historyDir, ws.root);
    const limits = { maxVersions: 50, maxAgeDays: 90 };
    await history.keep('x.md', 'text', 1, Date.now() - 2000, limits);
    await history.keep('x.md', 'text', 1, Date.now() - 1000, limits);
    await history.keep('x.md', 'other', 1, Date.now(), limits);
    await history.keep('x.md', 'text', 1, Date.now() + 1000, limits);
    expect((await history.list('x.md')).length).toBe(3);

    await saveAll(doc.post.id, ['b', 'same', 'b']);
    expect(await Promise.all((await ws.history(doc.post.id)).map(async (v) => (await ws.historyVersion(doc.post.id, v.id)).text))).toEqual([
      'same',
      'b',
      'same',
    ]);
  });

  it('is bounded by count, from postwright.json', async () => {
    const { ws, id, saveAll } = await openWithHistory({ 'a.md': 'v0', 'postwright.json': '{ "history": { "maxVersions": 3 } }' });
    await saveAll(id('a.md'), ['v1', 'v2', 'v3', 'v4', 'v5', 'v6']);
    const versions = await ws.history(id('a.md'));
    expect(await Promise.all(versions.map(async (v) => (await ws.historyVersion(id('a.md'), v.id)).text))).toEqual(['v5', 'v4', 'v3']);
  });

  it('is switched off by "maxVersions": 0, and odd limits fall back to the defaults', async () => {
    const off = await openWithHistory({ 'a.md': 'v0', 'postwright.json': '{ "history": { "maxVersions": 0 } }' });
    await off.saveAll(off.id('a.md'), ['v1', 'v2']);
    expect(await off.ws.history(off.id('a.md'))).toEqual([]);
    expect(await filesUnder(off.historyDir)).toEqual([]);

    const odd = await openWithHistory({ 'a.md': 'v0', 'postwright.json': '{ "history": { "maxVersions": -3, "maxAgeDays": "soon" } }' });
    await odd.saveAll(odd.id('a.md'), ['v1', 'v2', 'v3']);
    expect((await odd.ws.history(odd.id('a.md'))).length).toBe(3);
  });

  it('is bounded by age, always keeping the newest version', async () => {
    const historyDir = await tempDir('postwright-history-');
    const history = PostHistory.for(historyDir, '/some/workspace');
    const limits = { maxVersions: 50, maxAgeDays: 30 };
    const now = Date.now();
    await history.keep('a.md', 'very old', 1, now - 100 * DAY, limits);
    await history.keep('a.md', 'old', 1, now - 40 * DAY, limits);
    // Both are past 30 days; the newest of them stays.
    expect((await history.list('a.md')).map((v) => v.time)).toEqual([now - 40 * DAY]);
    await history.keep('a.md', 'recent', 1, now - 10 * DAY, limits);
    await history.keep('a.md', 'new', 1, now, limits);
    expect((await history.list('a.md')).map((v) => v.time)).toEqual([now, now - 10 * DAY]);
  });

  it('thins versions as they age: all of the last hour, one per hour for a day, then one per day', async () => {
    const historyDir = await tempDir('postwright-history-');
    const history = PostHistory.for(historyDir, '/some/workspace');
    const HOUR = 60 * 60 * 1000;
    const MINUTE = 60 * 1000;
    const now = Date.now();
    const dayStart = Math.floor((now - 3 * DAY) / DAY) * DAY; // a UTC day 2 to 4 days ago
    const hourStart = Math.floor((now - 5 * HOUR) / HOUR) * HOUR; // a clock hour 5 to 6 hours ago
    const times = [
      dayStart + 1 * HOUR, // same day as the next: dropped
      dayStart + 2 * HOUR,
      hourStart + 5 * MINUTE, // same hour as the next: dropped
      hourStart + 15 * MINUTE,
      now - 20 * MINUTE, // the last hour: all kept
      now - 10 * MINUTE,
    ];
    for (const [i, time] of times.entries()) await history.keep('a.md', `text ${i}`, 2, time, { maxVersions: 50, maxAgeDays: 90 });
    expect((await history.list('a.md')).map((v) => v.time)).toEqual([times[5], times[4], times[3], times[1]]);
  });

  it('dates a version by when its text was saved, read from the file', async () => {
    const { root, ws, id } = await openWithHistory({ 'a.md': 'written long ago' });
    const then = new Date(Date.now() - 5 * DAY);
    await utimes(path.join(root, 'a.md'), then, then);
    const doc = await ws.read(id('a.md'));
    await ws.save(doc.post.id, 'now', doc.version);
    const [version] = await ws.history(doc.post.id);
    expect(Math.abs(version!.time - then.getTime())).toBeLessThan(1000);
  });

  it('follows the post through a rename', async () => {
    const { ws, id, saveAll } = await openWithHistory({ 'hello.md': 'first' });
    await saveAll(id('hello.md'), ['second']);
    const renamed = await ws.rename(id('hello.md'), 'goodbye');
    expect((await ws.history(renamed.post.id)).length).toBe(1);
    const [version] = await ws.history(renamed.post.id);
    expect((await ws.historyVersion(renamed.post.id, version!.id)).text).toBe('first');
  });

  it('never stops a save when the store is broken, and lists only what it can read', async () => {
    const { ws, id, historyDir, saveAll, root } = await openWithHistory({ 'a.md': 'v0', 'b.md': 'w0' });
    // a.md's store: its workspace folder replaced by a plain file.
    const history = PostHistory.for(historyDir, root);
    await mkdir(path.dirname(history.dir), { recursive: true });
    await writeFile(history.dir, 'not a folder');
    await saveAll(id('a.md'), ['v1', 'v2']);
    expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe('v2');
    expect(await ws.history(id('a.md'))).toEqual([]);

    // A store with junk beside real versions: the junk is ignored, never read or deleted.
    await rm(history.dir);
    await saveAll(id('b.md'), ['w1']);
    const [folder] = await readdir(history.dir);
    await writeFile(path.join(history.dir, folder!, 'garbage.md'), 'junk');
    await writeFile(path.join(history.dir, folder!, '000000000000001-x-zz.md'), 'junk');
    await saveAll(id('b.md'), ['w2']);
    const versions = await ws.history(id('b.md'));
    expect(await Promise.all(versions.map(async (v) => (await ws.historyVersion(id('b.md'), v.id)).text))).toEqual(['w1', 'w0']);
    expect(await readdir(path.join(history.dir, folder!))).toContain('garbage.md');
  });

  it('refuses version ids that are not ids, and names a version no longer kept', async () => {
    const { ws, id } = await openWithHistory({ 'a.md': 'x' });
    await expect(ws.historyVersion(id('a.md'), '../../a')).rejects.toMatchObject({ code: 'invalid-arguments' });
    await expect(ws.historyVersion(id('a.md'), '000000000000001-1-0123456789abcdef')).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('no longer kept'),
    });
  });
});
