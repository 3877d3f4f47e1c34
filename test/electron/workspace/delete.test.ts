// Deleting moves to a real trash: the `trash` package, run in a child process
// whose HOME and XDG_DATA_HOME point into a temp folder (the package reads
// them when it loads), so the test never touches the real user's trash.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, readFile, readdir, readlink, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/workspace/workspace';
import { noTrash, tempDir, tempTree, writeTree } from '../../helpers/tmp';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);

/** Platform.trash's implementation (the `trash` package), with its trash folder in `home`. */
function realTrash(home: string) {
  return async (absolutePath: string): Promise<void> => {
    await run(process.execPath, ['--input-type=module', '-e', "import trash from 'trash'; await trash(process.argv[1], { glob: false });", absolutePath], {
      cwd: repo,
      env: { ...process.env, HOME: home, XDG_DATA_HOME: path.join(home, 'data') },
    });
  };
}

async function trashed(home: string): Promise<string[]> {
  const info = path.join(home, 'data/Trash/info');
  const entries = existsSync(info) ? await readdir(info) : [];
  const paths = await Promise.all(entries.map(async (e) => /^Path=(.*)$/m.exec(await readFile(path.join(info, e), 'utf8'))![1]!));
  return paths.map((p) => decodeURI(p)).sort();
}

describe('Workspace.delete', () => {
  it('moves the post and its assets folder to the trash', async () => {
    const root = await tempDir();
    const home = await tempDir();
    await writeTree(root, { 'posts/bye.md': '# Bye', 'posts/bye.assets/a.png': 'png', 'posts/stay.md': '# Stay' });
    const ws = await Workspace.open(root, { trash: realTrash(home) });
    const posts = await ws.list();
    const bye = posts.find((p) => p.path === 'posts/bye.md')!;
    expect(await ws.delete(bye.id)).toEqual({ trashedPath: 'posts/bye.md', undo: null });
    expect(await readdir(path.join(root, 'posts'))).toEqual(['stay.md']);
    expect(await trashed(home)).toEqual([path.join(root, 'posts/bye.assets'), path.join(root, 'posts/bye.md')]);
    const files = await readdir(path.join(home, 'data/Trash/files'), { recursive: true });
    expect(files.length).toBe(3); // the post, the folder and the image inside it
    await expect(ws.read(bye.id)).rejects.toMatchObject({ code: 'not-found' });
    expect((await ws.list()).map((p) => p.path)).toEqual(['posts/stay.md']);
  });

  it('trashes a page bundle folder whole', async () => {
    const root = await tempDir();
    const home = await tempDir();
    await writeTree(root, { 'posts/b/index.md': '# B', 'posts/b/img.png': 'png' });
    const ws = await Workspace.open(root, { trash: realTrash(home) });
    const [post] = await ws.list();
    expect(await ws.delete(post!.id)).toEqual({ trashedPath: 'posts/b', undo: null });
    expect(await readdir(path.join(root, 'posts'))).toEqual([]);
    expect(await trashed(home)).toEqual([path.join(root, 'posts/b')]);
  });

  it('reports a failing trash as an error and keeps the post', async () => {
    const root = await tempTree({ 'a.md': '# A' });
    const ws = await Workspace.open(root, { trash: async () => Promise.reject(new Error('no trash on this disk')) });
    const [post] = await ws.list();
    await expect(ws.delete(post!.id)).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/a\.md.*no trash on this disk.*not deleted/) });
    expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe('# A');
  });
});

describe('Undo after Delete', () => {
  /** A workspace whose deletes go to a real trash, with the app's history folder outside it. */
  async function setUp(files: Record<string, string | Uint8Array>) {
    const root = await tempDir();
    const home = await tempDir();
    const historyDir = await tempDir('postwright-history-');
    await writeTree(root, files);
    const ws = await Workspace.open(root, { trash: realTrash(home), historyDir });
    const posts = await ws.list();
    return { root, home, historyDir, ws, id: (relative: string) => posts.find((p) => p.path === relative)!.id };
  }

  it('puts the post and its assets back exactly: bytes, line endings and modification times', async () => {
    const crlf = Buffer.from('\ufeff---\r\ntitle: Bye\r\n---\r\nText.\r\n', 'utf8');
    const { root, home, ws, id } = await setUp({ 'posts/bye.md': crlf, 'posts/bye.assets/a.png': 'png', 'posts/stay.md': '# Stay' });
    const old = new Date('2021-04-05T06:07:08Z');
    await utimes(path.join(root, 'posts/bye.md'), old, old);
    const { undo } = await ws.delete(id('posts/bye.md'));
    expect(undo).toMatch(/^\d{13}-[0-9a-f]{12}$/);
    expect(await readdir(path.join(root, 'posts'))).toEqual(['stay.md']);

    const doc = await ws.restoreDeleted(undo!);
    expect(doc.post.path).toBe('posts/bye.md');
    expect(doc.text).toBe('---\ntitle: Bye\n---\nText.\n');
    expect(await readFile(path.join(root, 'posts/bye.md'))).toEqual(crlf);
    expect((await stat(path.join(root, 'posts/bye.md'))).mtime.getTime()).toBe(old.getTime());
    expect(await readFile(path.join(root, 'posts/bye.assets/a.png'), 'utf8')).toBe('png');
    // The trash keeps its own copy: Undo never reaches into it.
    expect(await trashed(home)).toEqual([path.join(root, 'posts/bye.assets'), path.join(root, 'posts/bye.md')]);
    // Listed again under its old id, and saved against the version it came back with.
    expect((await ws.list()).map((p) => p.path).sort()).toEqual(['posts/bye.md', 'posts/stay.md']);
    expect(await ws.save(id('posts/bye.md'), `${doc.text}More.\n`, doc.version)).toMatchObject({ status: 'saved' });
    // One undo per delete.
    await expect(ws.restoreDeleted(undo!)).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('Trash') });
  });

  it('puts a page bundle folder back whole', async () => {
    const { root, ws, id } = await setUp({ 'posts/b/index.md': '# B', 'posts/b/img.png': 'png' });
    const { undo } = await ws.delete(id('posts/b/index.md'));
    expect((await ws.restoreDeleted(undo!)).post.path).toBe('posts/b/index.md');
    expect((await readdir(path.join(root, 'posts/b'))).sort()).toEqual(['img.png', 'index.md']);
  });

  it('never overwrites a file that took the name since, and says where the post still is', async () => {
    const { root, ws, id } = await setUp({ 'a.md': '# Old A' });
    const { undo } = await ws.delete(id('a.md'));
    await writeFile(path.join(root, 'a.md'), '# A new post of that name');
    await expect(ws.restoreDeleted(undo!)).rejects.toMatchObject({ code: 'exists', message: expect.stringMatching(/a\.md exists again.*Trash/) });
    expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe('# A new post of that name');
  });

  it('puts a link back as the link it was, never the file it pointed to', async () => {
    const outside = await tempDir();
    await writeFile(path.join(outside, 'secret.txt'), 'secret');
    const { root, ws, id } = await setUp({ 'a.md': '# A', 'a.assets/x.png': 'png' });
    await symlink(path.join(outside, 'secret.txt'), path.join(root, 'a.assets/link.txt'));
    const { undo } = await ws.delete(id('a.md'));
    await ws.restoreDeleted(undo!);
    expect((await lstat(path.join(root, 'a.assets/link.txt'))).isSymbolicLink()).toBe(true);
    expect(await readlink(path.join(root, 'a.assets/link.txt'))).toBe(path.join(outside, 'secret.txt'));
  });

  it('refuses a token that is not one, and keeps no copy where there is no history folder', async () => {
    const { ws } = await setUp({ 'a.md': '# A' });
    await expect(ws.restoreDeleted('../../etc/passwd')).rejects.toMatchObject({ code: 'invalid-arguments' });
    const bare = await Workspace.open(await tempDir(), noTrash);
    await expect(bare.restoreDeleted('1700000000000-0123456789ab')).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('Trash') });
  });

  it('drops its copy when the trash refuses, so nothing is left to undo', async () => {
    const root = await tempDir();
    const historyDir = await tempDir('postwright-history-');
    await writeTree(root, { 'a.md': '# A' });
    const ws = await Workspace.open(root, { trash: async () => Promise.reject(new Error('no trash on this disk')), historyDir });
    const [post] = await ws.list();
    await expect(ws.delete(post!.id)).rejects.toMatchObject({ code: 'io' });
    const left = await readdir(historyDir, { recursive: true });
    expect(left.filter((name) => name.includes('meta.json'))).toEqual([]);
  });
});
