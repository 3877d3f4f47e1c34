// A rebuild after a change renders only what depends on it, writes only files
// whose bytes changed, deletes what is gone, and ends byte-identical to a clean
// build. The corpus is large enough that the first build renders on worker
// threads and the rebuilds on the main thread, so this also proves both give
// the same bytes.
import { readFile, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARALLEL_THRESHOLD } from '../../../electron/site/renderPool';
import { build, expectSameAsClean, readTree } from '../../helpers/site';
import { tempDir } from '../../helpers/tmp';
import { generateCorpus } from '../../bench/corpus';

const POSTS = PARALLEL_THRESHOLD + 40;

/** Ages every output file, so the next build's writes show up as fresh mtimes. */
async function age(out: string): Promise<void> {
  const old = new Date('2001-01-01T00:00:00Z');
  for (const file of (await readTree(out)).keys()) await utimes(path.join(out, file), old, old);
}

async function rewritten(out: string): Promise<string[]> {
  const files: string[] = [];
  for (const file of (await readTree(out)).keys()) if ((await stat(path.join(out, file))).mtime.getUTCFullYear() !== 2001) files.push(file);
  return files;
}

describe('incremental builds', () => {
  it('after an edit, an addition, a retag, a deletion and a settings change, equal a clean build', { timeout: 600_000 }, async () => {
    const root = await tempDir();
    await generateCorpus(root, POSTS);
    const cacheDir = await tempDir();
    const out = path.join(await tempDir(), 'site');
    const first = await build(root, out, { cacheDir });
    expect(first.rendered).toBe(POSTS);
    await expectSameAsClean(root, out);

    // Nothing changed: nothing rendered, nothing written.
    await age(out);
    const idle = await build(root, out, { cacheDir });
    expect(idle).toMatchObject({ rendered: 0, written: 0, deleted: 0 });
    expect(await rewritten(out)).toEqual([]);

    // Edit one post's body: only its page (and nothing listing it, as no listed field changed).
    const target = 'posts/against-build-caches.md';
    const text = await readFile(path.join(root, target), 'utf8').catch(() => null);
    const edited = text ?? (await readFile(path.join(root, (await firstPost(root))), 'utf8'));
    const editedPath = text ? target : await firstPost(root);
    await writeFile(path.join(root, editedPath), `${edited}\nOne more paragraph, added later.\n`);
    await age(out);
    const edit = await build(root, out, { cacheDir });
    expect(edit.rendered).toBe(1);
    const changed = await rewritten(out);
    expect(changed.filter((f) => !/^(index|page\/|tags\/|archive\/|feed|atom|sitemap)/.test(f)), changed.join(" ")).toHaveLength(1);
    await expectSameAsClean(root, out);

    // Touched but unchanged: the content hash matches, so nothing is rendered.
    const later = new Date('2030-01-01T00:00:00Z');
    await utimes(path.join(root, editedPath), later, later);
    expect((await build(root, out, { cacheDir })).rendered).toBe(0);

    // Add a post, retag another, delete a third.
    await writeFile(path.join(root, 'posts/brand-new.md'), '---\ntitle: Brand new\ndate: 2024-12-30\ntags: [fresh-tag]\n---\n\nNew.\n');
    const retagged = await firstPost(root, 1);
    const retagText = await readFile(path.join(root, retagged), 'utf8');
    await writeFile(path.join(root, retagged), retagText.replace(/^tags:(?: \[.*\]|(?:\n  - .*)+)$/m, 'tags: [retagged]'));
    const deleted = await firstPost(root, 2);
    await unlink(path.join(root, deleted));
    const before = await readTree(out);
    const step = await build(root, out, { cacheDir });
    expect(step.rendered).toBe(2);
    expect(step.deleted).toBeGreaterThanOrEqual(1);
    const after = await readTree(out);
    expect(after.has('posts/brand-new/index.html')).toBe(true);
    expect(after.has('tags/fresh-tag/index.html')).toBe(true);
    expect(after.has('tags/retagged/index.html')).toBe(true);
    expect([...before.keys()].filter((f) => !after.has(f)).length).toBeGreaterThanOrEqual(1);
    await expectSameAsClean(root, out);

    // A settings change renders every page again, and still ends equal to a clean build.
    const settings = JSON.parse(await readFile(path.join(root, 'postwright.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(path.join(root, 'postwright.json'), JSON.stringify({ ...settings, title: 'Renamed blog', postsPerPage: 7 }));
    const renamed = await build(root, out, { cacheDir });
    expect(renamed.rendered).toBe(POSTS);
    await expectSameAsClean(root, out);

    // A lost output file is written again even though the cache remembers it.
    await rm(path.join(out, 'posts/brand-new/index.html'));
    await rm(path.join(out, 'archive/index.html'));
    await build(root, out, { cacheDir });
    await expectSameAsClean(root, out);
  });
});

/** The n-th published post file (sorted), so the test does not depend on generated names. */
async function firstPost(root: string, n = 0): Promise<string> {
  const tree = await readTree(root);
  const posts = [...tree].filter(([file, bytes]) => file.startsWith('posts/') && file.endsWith('.md') && !bytes.toString().includes('draft: true'));
  return posts[n]![0];
}
