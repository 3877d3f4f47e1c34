// The crash-recovery journal on a real file system: where it lives, what it
// keeps, and what it does with files it cannot read.
import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../common/errors';
import { RecoveryJournal } from '../../../electron/recovery/journal';
import { tempDir } from '../../helpers/tmp';

const entry = (postId: string, text: string) => ({ postId, path: `posts/${postId}.md`, text, baseVersion: 'v1' });

describe('the recovery journal', () => {
  it('keeps one owner-only file per post, in the data folder and not in the workspace', async () => {
    const [data, workspace] = [await tempDir(), await tempDir()];
    const journal = RecoveryJournal.for(data, workspace);
    await journal.write(entry('a', 'first draft'));
    await journal.write(entry('a', 'second draft'));
    await journal.write(entry('b', 'other post'));

    expect(journal.folder.startsWith(path.join(data, 'recovery') + path.sep)).toBe(true);
    expect((await readdir(journal.folder)).sort()).toEqual(['a.json', 'b.json']);
    expect(await readdir(workspace)).toEqual([]);
    expect((await stat(path.join(journal.folder, 'a.json'))).mode & 0o777).toBe(0o600);
    const entries = await journal.entries();
    expect(entries.map((e) => [e.postId, e.text, e.path, e.baseVersion])).toEqual([
      ['a', 'second draft', 'posts/a.md', 'v1'],
      ['b', 'other post', 'posts/b.md', 'v1'],
    ]);
    expect(Date.parse(entries[0]!.writtenAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('gives each workspace its own journal', async () => {
    const data = await tempDir();
    const one = RecoveryJournal.for(data, '/blogs/one');
    await one.write(entry('a', 'in one'));
    expect(RecoveryJournal.for(data, '/blogs/two').folder).not.toBe(one.folder);
    expect(await RecoveryJournal.for(data, '/blogs/two').entries()).toEqual([]);
    expect(await RecoveryJournal.for(data, '/blogs/one').entries()).toHaveLength(1);
  });

  it('runs calls in order: a discard sent right after a write leaves nothing behind', async () => {
    const journal = RecoveryJournal.for(await tempDir(), '/blog');
    const calls = [journal.write(entry('a', 'typed')), journal.discard('a'), journal.discard('never-written')];
    await Promise.all(calls);
    expect(await journal.entries()).toEqual([]);
  });

  it('a clean quit clears what this run wrote and keeps what an earlier run left for later', async () => {
    const data = await tempDir();
    const earlier = RecoveryJournal.for(data, '/blog');
    await earlier.write(entry('put-off', 'from the crash'));
    const now = RecoveryJournal.for(data, '/blog');
    await now.write(entry('typed-now', 'unsaved, then quit without saving'));
    await now.clear();
    expect((await now.entries()).map((e) => e.postId)).toEqual(['put-off']);
  });

  it('sets aside files it cannot read, removes leftovers of killed writes, and still lists the rest', async () => {
    const journal = RecoveryJournal.for(await tempDir(), '/blog');
    await journal.write(entry('good', 'kept'));
    const file = (name: string) => path.join(journal.folder, name);
    await writeFile(file('torn.json'), '{"format":1,"postId":"torn","te');
    await writeFile(file('renamed.json'), JSON.stringify({ format: 1, postId: 'other', path: 'p.md', text: 't', baseVersion: 'v', writtenAt: 'x' }));
    await writeFile(file('.good.json.0a1b2c3d4e5f.pw-tmp'), 'half a write');
    await writeFile(file('.good.json.3d4e5f6a7b8c.pw-tmp'), 'a write in progress');
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(file('.good.json.0a1b2c3d4e5f.pw-tmp'), old, old);

    expect((await journal.entries()).map((e) => e.text)).toEqual(['kept']);
    expect((await readdir(journal.folder)).sort()).toEqual(['.good.json.3d4e5f6a7b8c.pw-tmp', 'good.json', 'renamed.json.unreadable', 'torn.json.unreadable']);
    // Set aside, not deleted: a person can still read it.
    expect(await readFile(file('torn.json.unreadable'), 'utf8')).toContain('"postId":"torn"');
  });

  it('says clearly when it cannot write, naming the folder and what to do', async () => {
    const data = await tempDir();
    // A file where the data folder should be: fails for root too, which ignores mode bits.
    const blocked = RecoveryJournal.for(path.join(data, 'not-a-folder'), '/blog');
    await writeFile(path.join(data, 'not-a-folder'), '');
    const error = await blocked.write(entry('a', 'text')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('io');
    expect((error as ApiError).message).toMatch(/recovery journal in .*not-a-folder.* could not be written .*Save the post/);
  });
});
