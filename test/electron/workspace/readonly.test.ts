// Read-only files and folders, made read-only for real.
//
// chmod alone does not stop root, and these tests run as root here and in CI.
// So: a file without write bits is refused by Postwright itself (as `vim`
// does), and the OS-level refusals use what works for the current user —
// `chattr +i` or a read-only bind mount as root, chmod otherwise. Each helper
// first proves that a plain write really fails. When no method works the test
// is skipped loudly, except under CI=true, where that is a failure.
import { execFileSync } from 'node:child_process';
import { chmod, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { Workspace } from '../../../electron/workspace/workspace';
import { noTrash, tempTree } from '../../helpers/tmp';

const isRoot = process.getuid?.() === 0;

type Undo = () => Promise<void>;

function tryRun(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether a write of a new file in `dir` (or to `file`) really fails now. */
async function writeFails(target: { dir?: string; file?: string }): Promise<boolean> {
  try {
    if (target.dir) await writeFile(path.join(target.dir, `.probe-${process.pid}`), 'x');
    if (target.file) await writeFile(target.file, await readFile(target.file), { flag: 'r+' });
    return false;
  } catch {
    return true;
  }
}

/** Makes `target` refuse writes at the OS level; null if nothing available works. */
async function lock(target: string, kind: 'file' | 'dir'): Promise<Undo | null> {
  const probe = kind === 'dir' ? { dir: target } : { file: target };
  if (!isRoot) {
    await chmod(target, kind === 'dir' ? 0o555 : 0o444);
    if (await writeFails(probe)) return () => chmod(target, kind === 'dir' ? 0o755 : 0o644);
    await chmod(target, kind === 'dir' ? 0o755 : 0o644);
    return null;
  }
  if (tryRun('chattr', ['+i', target])) {
    if (await writeFails(probe)) return async () => void tryRun('chattr', ['-i', target]);
    tryRun('chattr', ['-i', target]);
  }
  if (tryRun('mount', ['--bind', target, target])) {
    if (tryRun('mount', ['-o', 'remount,bind,ro', target]) && (await writeFails(probe))) {
      return async () => void tryRun('umount', [target]);
    }
    tryRun('umount', [target]);
  }
  return null;
}

function unavailable(ctx: TestContext, what: string): void {
  const message = `cannot make ${what} read-only here (${isRoot ? 'root: chattr and bind mounts failed' : 'chmod did not stop writes'})`;
  if (process.env.CI) throw new Error(`${message}; CI must be able to run this test.`);
  console.warn(`SKIPPED: ${message}.`);
  ctx.skip();
}

/** Runs `act` while `target` refuses writes at the OS level, then lifts that; skips the test (loudly) where nothing can. */
async function whileLocked(ctx: TestContext, target: string, kind: 'file' | 'dir', act: () => Promise<void>): Promise<void> {
  const undo = await lock(target, kind);
  if (!undo) return unavailable(ctx, kind === 'dir' ? 'a folder' : 'a file');
  try {
    await act();
  } finally {
    await undo();
  }
}

async function setup(files: Record<string, string>) {
  const root = await tempTree(files);
  const ws = await Workspace.open(root, noTrash);
  const posts = await ws.list();
  const id = (p: string) => posts.find((s) => s.path === p)!.id;
  return { root, ws, id };
}

describe('read-only posts', () => {
  it('refuses to save a file without write permission (chmod 0444), even as root', async () => {
    const { root, ws, id } = await setup({ 'posts/locked.md': 'original' });
    const file = path.join(root, 'posts/locked.md');
    await chmod(file, 0o444);
    const doc = await ws.read(id('posts/locked.md'));
    const error = await ws.save(doc.post.id, 'new text', doc.version).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'read-only' });
    expect((error as Error).message).toMatch(/posts\/locked\.md cannot be saved.*read-only.*make it writable/);
    expect(await readFile(file, 'utf8')).toBe('original');
    expect((await readdir(path.join(root, 'posts'))).sort()).toEqual(['locked.md']);
  });

  it('refuses to save a file the OS will not let us write, with the file intact', async (ctx) => {
    const { root, ws, id } = await setup({ 'posts/frozen.md': 'original' });
    const file = path.join(root, 'posts/frozen.md');
    const doc = await ws.read(id('posts/frozen.md'));
    await whileLocked(ctx, file, 'file', async () => {
      await expect(ws.save(doc.post.id, 'new text', doc.version)).rejects.toMatchObject({ code: 'read-only' });
      expect(await readFile(file, 'utf8')).toBe('original');
    });
    expect((await readdir(path.join(root, 'posts'))).sort()).toEqual(['frozen.md']);
  });

  it('refuses to save into a read-only folder, removing nothing and leaving no temp file', async (ctx) => {
    const { root, ws, id } = await setup({ 'posts/a.md': 'original' });
    const folder = path.join(root, 'posts');
    const doc = await ws.read(id('posts/a.md'));
    await whileLocked(ctx, folder, 'dir', async () => {
      const error = await ws.save(doc.post.id, 'new text', doc.version).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'read-only', message: expect.stringContaining('posts/a.md') });
      await expect(ws.create('New post')).rejects.toMatchObject({ code: 'read-only' }); // new posts go to posts/ too
    });
    expect(await readFile(path.join(folder, 'a.md'), 'utf8')).toBe('original');
    expect(await readdir(folder)).toEqual(['a.md']);
  });

  it('rolls a rename back when the assets folder cannot be moved', async (ctx) => {
    const text = '---\nslug: hello\n---\n![](hello.assets/a.png)\n';
    const { root, ws, id } = await setup({ 'hello.md': text, 'hello.assets/a.png': 'png' });
    // An immutable folder cannot be renamed; chmod cannot express that for the same parent.
    if (!isRoot || !tryRun('chattr', ['+i', path.join(root, 'hello.assets')])) {
      return unavailable(ctx, 'a folder immovable (needs root and chattr)');
    }
    try {
      await expect(ws.rename(id('hello.md'), 'renamed')).rejects.toMatchObject({ code: 'read-only' });
    } finally {
      tryRun('chattr', ['-i', path.join(root, 'hello.assets')]);
    }
    expect((await readdir(root)).sort()).toEqual(['hello.assets', 'hello.md']);
    expect(await readFile(path.join(root, 'hello.md'), 'utf8')).toBe(text);
  });
});
