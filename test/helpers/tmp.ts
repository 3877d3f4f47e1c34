// Real temporary folders for tests that touch the file system (never mocked).
import { chmod, mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { Workspace } from '../../electron/workspace/workspace';

const made: string[] = [];

/** A fresh empty folder (real path) removed after the current test. */
export async function tempDir(prefix = 'postwright-'): Promise<string> {
  const dir = await realpath(await mkdtemp(path.join(tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  for (const dir of made.splice(0)) {
    // A test may have left folders read-only; make them removable first.
    await chmod(dir, 0o755).catch(() => {});
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
});

/** Writes files (and their folders) under root; values are text or raw bytes. */
export async function writeTree(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

/** A fresh folder (removed after the current test) holding `files`. */
export async function tempTree(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await tempDir();
  await writeTree(root, files);
  return root;
}

/** The same post text with its front matter, for brevity in tests. */
export function post(fields: Record<string, string>, body = ''): string {
  const lines = Object.entries(fields).map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n${body}`;
}

/** Workspace options for tests that must never trash anything. */
export const noTrash = { trash: async () => Promise.reject(new Error('not in this test')) };

/** A workspace over a fresh temp folder holding `files`, listed once. */
export async function openTestWorkspace(files: Record<string, string | Uint8Array>) {
  const root = await tempTree(files);
  const ws = await Workspace.open(root, noTrash);
  const posts = await ws.list();
  /** The id of the post at a relative path. */
  const id = (relative: string) => posts.find((s) => s.path === relative)!.id;
  return { root, ws, id, file: (relative: string) => path.join(root, relative), read: (relative: string) => readFile(path.join(root, relative), 'utf8') };
}
