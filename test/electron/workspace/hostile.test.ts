// Files and paths that try to leave the workspace, run code, or break decoding.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside } from '../../../electron/workspace/paths';
import { Workspace } from '../../../electron/workspace/workspace';
import { noTrash, tempDir, tempTree, writeTree } from '../../helpers/tmp';

describe('resolveInside', () => {
  it('accepts plain relative paths, with either slash', async () => {
    const root = await tempTree({ 'posts/a.md': 'x' });
    expect(await resolveInside(root, 'posts/a.md')).toEqual({
      relative: 'posts/a.md',
      path: path.join(root, 'posts/a.md'),
      real: path.join(root, 'posts/a.md'),
    });
    expect((await resolveInside(root, 'posts\\./new.md')).relative).toBe('posts/new.md');
  });

  it.each(['../x.md', 'posts/../../x.md', 'posts/../a.md', '..', '/etc/passwd', '\\\\server\\share\\x.md', 'C:\\x.md', 'c:x.md', 'a\0b.md', '', '.'])(
    'refuses %j with outside-workspace',
    async (relative) => {
      const root = await tempDir();
      await expect(resolveInside(root, relative)).rejects.toMatchObject({ code: 'outside-workspace' });
    },
  );

  it('refuses a symlinked file, a symlinked parent folder and a dangling link that point outside', async () => {
    const root = await tempDir();
    const outside = await tempTree({ 'secret.md': 'secret' });
    await symlink(path.join(outside, 'secret.md'), path.join(root, 'link.md'));
    await symlink(outside, path.join(root, 'linked-dir'));
    await symlink(path.join(outside, 'not-yet.md'), path.join(root, 'dangling.md'));
    for (const relative of ['link.md', 'linked-dir/secret.md', 'linked-dir/new.md', 'dangling.md']) {
      await expect(resolveInside(root, relative), relative).rejects.toMatchObject({ code: 'outside-workspace' });
    }
  });

  it('accepts links that stay inside the workspace', async () => {
    const root = await tempTree({ 'real/a.md': 'x' });
    await symlink(path.join(root, 'real/a.md'), path.join(root, 'alias.md'));
    expect((await resolveInside(root, 'alias.md')).real).toBe(path.join(root, 'real/a.md'));
  });
});

describe('symlinks in the workspace', () => {
  it('never lists or reads a post that links outside, file or folder', async () => {
    const root = await tempDir();
    const outside = await tempTree({ 'secret.md': '# Secret outside', 'dir/inner.md': '# Inner outside' });
    await writeTree(root, { 'posts/ok.md': '# Ok', 'real/target.md': '# Target' });
    await symlink(path.join(outside, 'secret.md'), path.join(root, 'posts/leak.md'));
    await symlink(path.join(outside, 'dir'), path.join(root, 'posts/leak-dir'));
    await symlink(path.join(root, 'real/target.md'), path.join(root, 'posts/inside-link.md'));
    await symlink(path.join(root, 'real'), path.join(root, 'posts/inside-dir-link'));

    const ws = await Workspace.open(root, noTrash);
    const posts = await ws.list();
    // Linked folders are never walked (even inside ones: no loops, no duplicates); linked files only if they stay inside.
    expect(posts.map((p) => p.path).sort()).toEqual(['posts/inside-link.md', 'posts/ok.md', 'real/target.md']);
    expect(JSON.stringify(posts)).not.toContain('outside');
  });

  it('refuses to read or save a listed post whose file was swapped for a link to outside', async () => {
    const root = await tempDir();
    const outside = await tempTree({ 'secret.md': 'secret' });
    await writeTree(root, { 'a.md': 'mine' });
    const ws = await Workspace.open(root, noTrash);
    const [post] = await ws.list();
    const doc = await ws.read(post!.id);
    await rename(path.join(root, 'a.md'), path.join(root, 'a.bak'));
    await symlink(path.join(outside, 'secret.md'), path.join(root, 'a.md'));
    await expect(ws.read(post!.id)).rejects.toMatchObject({ code: 'outside-workspace' });
    await expect(ws.save(post!.id, 'overwrite', doc.version)).rejects.toMatchObject({ code: 'outside-workspace' });
    expect(await readFile(path.join(outside, 'secret.md'), 'utf8')).toBe('secret');
  });
});

describe('executable front matter', () => {
  it('lists a ---js post with an error and never runs its code', async () => {
    const root = await tempDir();
    const proof = path.join(root, 'pwned.txt');
    const marker = `__pw_js_${Date.now()}`;
    const code = [
      '---js',
      `require('fs').writeFileSync(${JSON.stringify(proof)}, 'ran');`,
      `globalThis[${JSON.stringify(marker)}] = true;`,
      `module.exports = { title: 'From JS' };`,
      '---',
      'Body text here.',
    ].join('\n');
    await writeTree(root, { 'posts/evil-post.md': code, 'posts/semi.md': ';;;\n"title": "x"\n;;;\n', 'posts/toml.md': '+++\ntitle = "T"\n+++\n' });
    const ws = await Workspace.open(root, noTrash);
    const posts = await ws.list();
    const evil = posts.find((p) => p.path === 'posts/evil-post.md')!;
    expect(evil.title).toBe('evil-post');
    expect(evil.error).toEqual({ line: 1, message: expect.stringMatching(/executable front matter is not supported; Postwright never runs code from a post/i) });
    expect(evil.words).toBe(3);
    const toml = posts.find((p) => p.path === 'posts/toml.md')!;
    expect([toml.title, toml.error]).toEqual(['T', undefined]);
    expect(posts.find((p) => p.path === 'posts/semi.md')!.error!.message).toMatch(/not supported/);

    // Reading and saving keep the text as it is, and still run nothing.
    const doc = await ws.read(evil.id);
    expect(doc.text).toBe(code);
    await ws.save(evil.id, `${doc.text}\nMore.`, doc.version);
    expect(existsSync(proof)).toBe(false);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });
});

describe('non-UTF-8 files', () => {
  it('lists the post with an error, refuses to read it with not-utf8, and leaves the bytes untouched', async () => {
    const root = await tempDir();
    // "café" in Latin-1, after 12 bytes of ASCII.
    const bytes = Buffer.concat([Buffer.from('# Title\nabc caf'), Buffer.from([0xe9]), Buffer.from('\nmore\n')]);
    await mkdir(path.join(root, 'posts'));
    await writeFile(path.join(root, 'posts/latin1.md'), bytes);
    const ws = await Workspace.open(root, noTrash);
    const [summary] = await ws.list();
    expect(summary!.title).toBe('latin1');
    expect(summary!.error).toEqual({ line: 2, message: expect.stringContaining('not valid UTF-8 (first bad byte at offset 15') });
    const error = await ws.read(summary!.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'not-utf8' });
    expect((error as Error).message).toMatch(/posts\/latin1\.md is not valid UTF-8 \(first bad byte at offset 15.*left it untouched; convert it to UTF-8/);
    expect(await readFile(path.join(root, 'posts/latin1.md'))).toEqual(bytes);
  });

  it('rejects overlong and surrogate encodings rather than "repairing" them', async () => {
    const root = await tempDir();
    await writeFile(path.join(root, 'overlong.md'), Buffer.from([0x61, 0xc0, 0xaf]));
    await writeFile(path.join(root, 'surrogate.md'), Buffer.from([0x61, 0xed, 0xa0, 0x80]));
    const ws = await Workspace.open(root, noTrash);
    for (const post of await ws.list()) {
      await expect(ws.read(post.id)).rejects.toMatchObject({ code: 'not-utf8', message: expect.stringContaining('offset 1') });
    }
  });
});
