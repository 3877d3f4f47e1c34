// A real full disk: a 64 KiB tmpfs, filled up, then a save that does not fit.
// Needs root (mount). Without it the test is skipped loudly, except under
// CI=true, where that is a failure.
import { execFileSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/workspace/workspace';
import { noTrash, tempDir } from '../../helpers/tmp';

function mountTmpfs(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0755', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Writes filler until the disk refuses a byte more. */
async function fillUp(dir: string): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await writeFile(path.join(dir, `filler-${i}`), Buffer.alloc(4096, 1));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') return;
      throw error;
    }
  }
}

describe('full disk', () => {
  it('reports disk-full, keeps the original file and removes the temp file', async (ctx) => {
    const root = await tempDir();
    if (!mountTmpfs(root)) {
      const message = 'cannot mount a small tmpfs to fill (needs root)';
      if (process.env.CI) throw new Error(`${message}; CI must be able to run the full-disk test.`);
      console.warn(`SKIPPED: ${message}.`);
      return ctx.skip();
    }
    try {
      const original = `---\ntitle: Full\n---\n${'word '.repeat(100)}\n`;
      await writeFile(path.join(root, 'post.md'), original);
      const ws = await Workspace.open(root, noTrash);
      const [post] = await ws.list();
      const doc = await ws.read(post!.id);
      await fillUp(root);

      const error = await ws.save(doc.post.id, doc.text + 'more '.repeat(20_000), doc.version).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'disk-full' });
      expect((error as Error).message).toMatch(/disk is full, so post\.md was not saved.*unchanged; free some space/);
      expect(await readFile(path.join(root, 'post.md'), 'utf8')).toBe(original);
      expect((await readdir(root)).filter((n) => !n.startsWith('filler-'))).toEqual(['post.md']);

      await expect(ws.create('Does not fit')).rejects.toMatchObject({ code: 'disk-full' });
      expect((await readdir(root)).filter((n) => !n.startsWith('filler-'))).toEqual(['post.md']);
    } finally {
      execFileSync('umount', [root]);
    }
  });
});
