import { chmod, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestWorkspace } from '../../helpers/tmp';

describe('Workspace.read / save', () => {
  it('round-trips: read, edit, save, read again', async () => {
    const { ws, id, file } = await openTestWorkspace({ 'posts/a.md': '---\ntitle: A\nunknown: kept\n---\nBody\n' });
    const doc = await ws.read(id('posts/a.md'));
    expect(doc.text).toBe('---\ntitle: A\nunknown: kept\n---\nBody\n');
    const edited = doc.text.replace('Body', 'New body, more words');
    const result = await ws.save(doc.post.id, edited, doc.version);
    expect(result.status).toBe('saved');
    if (result.status !== 'saved') return;
    expect(result.post.words).toBe(4);
    expect(await readFile(file('posts/a.md'), 'utf8')).toBe(edited);
    const again = await ws.read(doc.post.id);
    expect(again.text).toBe(edited);
    expect(again.version).toBe(result.version);
    expect(again.version).not.toBe(doc.version);
  });

  it('returns a conflict and writes nothing when the file changed on disk', async () => {
    const { ws, id, file } = await openTestWorkspace({ 'a.md': 'original\n' });
    const doc = await ws.read(id('a.md'));
    await writeFile(file('a.md'), 'changed by another program\n');
    const result = await ws.save(doc.post.id, 'my edit\n', doc.version);
    expect(result.status).toBe('conflict');
    if (result.status !== 'conflict') return;
    expect(result.disk!.text).toBe('changed by another program\n');
    expect(await readFile(file('a.md'), 'utf8')).toBe('changed by another program\n');
    // Saving against the disk version then succeeds.
    expect((await ws.save(doc.post.id, 'my edit\n', result.disk!.version)).status).toBe('saved');
    expect(await readFile(file('a.md'), 'utf8')).toBe('my edit\n');
  });

  it('returns a conflict with disk: null when the file was deleted, and does not recreate it', async () => {
    const { ws, id, file } = await openTestWorkspace({ 'a.md': 'x' });
    const doc = await ws.read(id('a.md'));
    await rm(file('a.md'));
    expect(await ws.save(doc.post.id, 'y', doc.version)).toEqual({ status: 'conflict', disk: null });
    await expect(stat(file('a.md'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('lets only one of two saves against the same version win', async () => {
    const { ws, id, file } = await openTestWorkspace({ 'a.md': 'base' });
    const doc = await ws.read(id('a.md'));
    const results = await Promise.all([ws.save(doc.post.id, 'one', doc.version), ws.save(doc.post.id, 'two', doc.version)]);
    expect(results.map((r) => r.status).sort()).toEqual(['conflict', 'saved']);
    const winner = results[0]!.status === 'saved' ? 'one' : 'two';
    expect(await readFile(file('a.md'), 'utf8')).toBe(winner);
  });

  it('keeps CRLF and BOM byte for byte outside the edited part', async () => {
    const original = '\uFEFF---\r\ntitle: Windows\r\nodd:   spacing   # comment\r\n---\r\nLine one\r\nLine two\r\n\r\nLast line without newline';
    const { ws, id, file } = await openTestWorkspace({ 'crlf.md': original });
    const doc = await ws.read(id('crlf.md'));
    expect(doc.text.startsWith('\uFEFF')).toBe(false);
    expect(doc.text.includes('\r')).toBe(false);
    expect(doc.text).toBe(original.slice(1).replace(/\r\n/g, '\n'));

    // Unchanged text writes back the identical bytes.
    const same = await ws.save(doc.post.id, doc.text, doc.version);
    expect(same.status === 'saved' && same.version).toBe(doc.version);
    expect(await readFile(file('crlf.md'))).toEqual(Buffer.from(original, 'utf8'));

    // An edit changes exactly the edited bytes.
    const edited = doc.text.replace('Line two', 'Line 2');
    await ws.save(doc.post.id, edited, doc.version);
    expect((await readFile(file('crlf.md'))).toString('utf8')).toBe(original.replace('Line two', 'Line 2'));
  });

  it('keeps LF files LF and BOM-less files BOM-less, even if the editor sends CRLF', async () => {
    const { ws, id, file } = await openTestWorkspace({ 'lf.md': 'a\nb\n' });
    const doc = await ws.read(id('lf.md'));
    await ws.save(doc.post.id, 'a\r\nb\r\nc\r\n', doc.version);
    expect(await readFile(file('lf.md'), 'utf8')).toBe('a\nb\nc\n');
  });

  it('keeps the file mode and leaves no temp file behind', async () => {
    const { ws, id, file, root } = await openTestWorkspace({ 'a.md': 'x' });
    await chmod(file('a.md'), 0o640);
    const doc = await ws.read(id('a.md'));
    await ws.save(doc.post.id, 'y', doc.version);
    expect((await stat(file('a.md'))).mode & 0o777).toBe(0o640);
    expect(await readdir(root)).toEqual(['a.md']);
  });

  it('saveCopy writes a conflict copy beside the post and leaves the post alone', async () => {
    const { ws, id, file, root } = await openTestWorkspace({ 'posts/hello.md': 'disk\r\nversion\r\n' });
    const copy = await ws.saveCopy(id('posts/hello.md'), 'my\nversion\n');
    expect(copy.post.path).toMatch(/^posts\/hello\.conflict-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.md$/);
    expect(await readFile(path.join(root, copy.post.path), 'utf8')).toBe('my\r\nversion\r\n');
    expect(await readFile(file('posts/hello.md'), 'utf8')).toBe('disk\r\nversion\r\n');
    const second = await ws.saveCopy(id('posts/hello.md'), 'again');
    expect(second.post.path).not.toBe(copy.post.path);
    expect((await ws.read(copy.post.id)).text).toBe('my\nversion\n');
  });
});
