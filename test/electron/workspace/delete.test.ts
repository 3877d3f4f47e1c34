// Deleting moves to a real trash: the `trash` package, run in a child process
// whose HOME and XDG_DATA_HOME point into a temp folder (the package reads
// them when it loads), so the test never touches the real user's trash.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/workspace/workspace';
import { tempDir, writeTree } from '../../helpers/tmp';

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
    expect(await ws.delete(bye.id)).toEqual({ trashedPath: 'posts/bye.md' });
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
    expect(await ws.delete(post!.id)).toEqual({ trashedPath: 'posts/b' });
    expect(await readdir(path.join(root, 'posts'))).toEqual([]);
    expect(await trashed(home)).toEqual([path.join(root, 'posts/b')]);
  });

  it('reports a failing trash as an error and keeps the post', async () => {
    const root = await tempDir();
    await writeTree(root, { 'a.md': '# A' });
    const ws = await Workspace.open(root, { trash: async () => Promise.reject(new Error('no trash on this disk')) });
    const [post] = await ws.list();
    await expect(ws.delete(post!.id)).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/a\.md.*no trash on this disk.*not deleted/) });
    expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe('# A');
  });
});
