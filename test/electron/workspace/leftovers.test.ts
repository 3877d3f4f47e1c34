import { lstat, readFile, readdir, readlink, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestWorkspace } from '../../helpers/tmp';

describe('temp files left by a killed save', () => {
  it('are removed by the next open, in every folder, and nothing else is', async () => {
    const { root, ws } = await openTestWorkspace({
      'posts/a.md': 'a',
      'posts/.a.md.0123456789ab.pw-tmp': 'half a save',
      '.b.md.abcdef012345.pw-tmp': 'half a save',
      'deep/er/.c.md.ffffffffffff.pw-tmp': 'half a save',
      // Look-alikes that belong to the author, not to us:
      'posts/a.md.pw-tmp': 'author',
      'posts/.a.md.0123.pw-tmp': 'author',
      'posts/.a.md.0123456789AB.pw-tmp': 'author',
      'posts/.a.md.0123456789ab.pw-tmp.md': 'author',
      'posts/notes.pw-tmp.txt': 'author',
      // Never walked: dot-folders are not the workspace's to clean.
      '.git/.x.md.0123456789ab.pw-tmp': 'git',
    });
    await ws.list();
    expect((await readdir(path.join(root, 'posts'))).sort()).toEqual([
      '.a.md.0123.pw-tmp',
      '.a.md.0123456789AB.pw-tmp',
      '.a.md.0123456789ab.pw-tmp.md',
      'a.md',
      'a.md.pw-tmp',
      'notes.pw-tmp.txt',
    ]);
    expect(await readdir(root)).not.toContain('.b.md.abcdef012345.pw-tmp');
    expect(await readdir(path.join(root, 'deep/er'))).toEqual([]);
    expect(await readdir(path.join(root, '.git'))).toEqual(['.x.md.0123456789ab.pw-tmp']);
  });

  it('never removes the temp file of a save in progress', async () => {
    const { root, ws, id, read } = await openTestWorkspace({ 'a.md': 'old' });
    const doc = await ws.read(id('a.md'));
    const big = 'x'.repeat(32 * 1024 * 1024 - 1);
    const saving = ws.save(doc.post.id, big, doc.version);
    // Once the temp file is there, the listing walks past it while the save is still writing.
    let seen = false;
    for (let i = 0; i < 10_000 && !seen; i++) seen = (await readdir(root)).some((n) => n.endsWith('.pw-tmp'));
    expect(seen).toBe(true);
    await ws.list();
    expect((await saving).status).toBe('saved');
    expect(await read('a.md')).toBe(big);
  });
});

describe('a symlinked post', () => {
  it('is saved through its link: the link stays a link and the target gets the text', async () => {
    const { root, ws, id, read } = await openTestWorkspace({ 'drafts/real.md': 'original' });
    await symlink('drafts/real.md', path.join(root, 'linked.md'));
    const posts = await ws.list();
    const linked = posts.find((p) => p.path === 'linked.md')!;
    const doc = await ws.read(linked.id);
    expect(doc.text).toBe('original');
    const result = await ws.save(linked.id, 'through the link', doc.version);
    expect(result.status).toBe('saved');
    expect((await lstat(path.join(root, 'linked.md'))).isSymbolicLink()).toBe(true);
    expect(await readlink(path.join(root, 'linked.md'))).toBe('drafts/real.md');
    expect(await read('drafts/real.md')).toBe('through the link');
    expect(await readFile(path.join(root, 'linked.md'), 'utf8')).toBe('through the link');
    // No temp file beside the link or the target.
    expect((await readdir(root)).sort()).toEqual(['drafts', 'linked.md']);
    expect(await readdir(path.join(root, 'drafts'))).toEqual(['real.md']);
    // The other name of the same post sees the new text too.
    expect((await ws.read(id('drafts/real.md'))).text).toBe('through the link');
  });
});
