// The check with a cache folder keeps each post's facts between runs. Whatever
// changed in between (a post, a post it links to, an image, the cache itself),
// its result must be exactly what a full check without the cache finds.
import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../../common/check';
import { check } from '../../../../electron/site/check/check';
import { FactsCache } from '../../../../electron/site/check/factsCache';
import { siteUrls } from '../../../../electron/site/check/siteIndex';
import { Workspace } from '../../../../electron/workspace/workspace';
import { noTrash, post, tempDir, writeTree } from '../../../helpers/tmp';

const POSTS = 24;
/** Whole seconds, which utimes sets exactly (a Date's milliseconds can come back rounded a millisecond off). */
const WRITTEN = 1_704_067_200;

/** Posts that link to each other's files, permalinks and headings, with an image each, and one problem of each kind. */
function posts(): Record<string, string> {
  const files: Record<string, string> = { 'pics/ok.png': 'png' };
  for (let i = 0; i < POSTS; i++) {
    const next = `p${(i + 1) % POSTS}`;
    const fields: Record<string, string> = { title: `Post ${i}`, date: '2024-03-18' };
    if (i === 3) fields.date = '2024-02-30';
    if (i === 4 || i === 5) fields.slug = 'same';
    if (i === 6) fields.draft = 'true';
    let body = `# Heading ${i}\n\nSee [the next](${next}.md), [its heading](${next}.md#heading-${(i + 1) % POSTS}), `;
    body += `[by address](/posts/${next}/) and [elsewhere](https://example.com/${i}).\n\n![Chart ${i}](pics/p${i}.png)\n`;
    if (i === 7) body += '\n[gone](missing.md) and [mine](#nowhere) and ![](pics/ok.png)\n';
    files[`p${i}.md`] = post(fields, body);
    files[`pics/p${i}.png`] = 'png';
  }
  return files;
}

async function fullCheck(root: string): Promise<CheckResult> {
  const workspace = await Workspace.open(root, noTrash);
  try {
    return await check(workspace, {}, () => false);
  } finally {
    await workspace.close();
  }
}

async function cachedCheck(root: string, cacheDir: string, workers = false): Promise<CheckResult> {
  const workspace = await Workspace.open(root, { ...noTrash, cacheDir });
  try {
    return await check(workspace, { cacheDir }, () => workers);
  } finally {
    await workspace.close();
  }
}

/** A workspace checked once with the cache, so the next check starts from its facts. */
async function checkedOnce(workers = false) {
  const root = await tempDir();
  const cacheDir = await tempDir('postwright-cache-');
  await writeTree(root, posts());
  for (const relative of Object.keys(posts())) await utimes(path.join(root, relative), WRITTEN, WRITTEN);
  const first = await cachedCheck(root, cacheDir, workers);
  expect(first).toEqual(await fullCheck(root));
  return { root, cacheDir, file: (relative: string) => path.join(root, relative) };
}

/** The check after the change with the cache must equal a full check, and must have found the change. */
async function expectSameAsFull(root: string, cacheDir: string, changed: (result: CheckResult) => void, workers = false) {
  const incremental = await cachedCheck(root, cacheDir, workers);
  expect(incremental).toEqual(await fullCheck(root));
  changed(incremental);
}

const messages = (result: CheckResult, file: string) => result.problems.filter((p) => p.file === file).map((p) => p.message);

describe('check: facts cached between runs', () => {
  it('uses the facts of a post whose file keeps its size and time, and keeps them in the cache folder, not the workspace', async () => {
    const { root, cacheDir, file } = await checkedOnce();
    expect((await readdir(path.join(cacheDir, 'check'))).length).toBe(1);
    expect((await readdir(root)).sort()).toEqual([...Object.keys(posts()).filter((f) => !f.includes('/')), 'pics'].sort());
    // The probe: a broken link written with the same size and modification time is not seen, so the facts were reused.
    const target = file('p10.md');
    const text = await readFile(target, 'utf8');
    await writeFile(target, text.replace('[the next](p11.md)', '[the next](p99.md)'));
    await utimes(target, WRITTEN, WRITTEN);
    const reused = await cachedCheck(root, cacheDir);
    expect(messages(reused, 'p10.md')).toEqual([]);
    expect(messages(await fullCheck(root), 'p10.md')).toEqual([expect.stringContaining('Broken link "p99.md"')]);
  });

  it('finds what one edited post now gets wrong, on this thread and on workers', async () => {
    for (const workers of [false, true]) {
      const { root, cacheDir, file } = await checkedOnce(workers);
      await writeFile(file('p12.md'), post({ title: 'Post 12', date: '2024-13-01' }, '[nowhere](nope.md)\n'));
      await expectSameAsFull(root, cacheDir, (result) => expect(messages(result, 'p12.md')).toHaveLength(2), workers);
    }
  });

  it('reports a broken link one edit introduced, and nothing once the next edit fixes it', async () => {
    const { root, cacheDir, file } = await checkedOnce();
    const text = await readFile(file('p13.md'), 'utf8');
    await writeFile(file('p13.md'), text.replace('[the next](p14.md)', '[the next](p41.md)'));
    await expectSameAsFull(root, cacheDir, (result) => expect(messages(result, 'p13.md')).toEqual([expect.stringContaining('Broken link "p41.md"')]));
    await writeFile(file('p13.md'), text);
    await expectSameAsFull(root, cacheDir, (result) => expect(messages(result, 'p13.md')).toEqual([]));
  });

  it('keeps each unchanged post\'s URL, and finds them all again under other settings', async () => {
    const { root, cacheDir } = await checkedOnce();
    // A URL is kept once a check confirmed the post's file unchanged: from the second check on.
    await cachedCheck(root, cacheDir);
    const workspace = await Workspace.open(root, { ...noTrash, cacheDir });
    const posts = await workspace.list();
    await workspace.close();
    const facts = FactsCache.load(cacheDir, root);
    for (const summary of posts) expect(facts.fresh(summary)).not.toBeNull();
    const site = await siteUrls(root);
    const asked: string[] = [];
    const urlOf = facts.urls({ key: site.key, urlOf: (summary) => (asked.push(summary.path), site.urlOf(summary)) });
    expect(posts.map(urlOf)).toEqual(posts.map(site.urlOf));
    expect(asked).toEqual([]);
    const other = facts.urls({ key: 'other settings', urlOf: (summary) => (asked.push(summary.path), 'elsewhere') });
    expect(posts.map(other)).toEqual(posts.map(() => 'elsewhere'));
    expect(asked).toHaveLength(posts.length);

    // Through the check: a new permalink moves every post, so the links by address break.
    await writeFile(path.join(root, 'postwright.json'), JSON.stringify({ permalink: '/:year/:slug/' }));
    await expectSameAsFull(root, cacheDir, (result) => expect(messages(result, 'p10.md')).toEqual([expect.stringContaining('/posts/p11/')]));
  });

  it('finds links in unchanged posts broken by a post that was deleted or renamed its heading', async () => {
    const { root, cacheDir, file } = await checkedOnce();
    await rm(file('p15.md'));
    await expectSameAsFull(root, cacheDir, (result) => expect(messages(result, 'p14.md')).toHaveLength(3));
    // p17's heading changes: p16 (unchanged) links to #heading-17, whose anchors the last check cached.
    await writeFile(file('p17.md'), (await readFile(file('p17.md'), 'utf8')).replace('# Heading 17', '# Renamed'));
    await expectSameAsFull(root, cacheDir, (result) => expect(messages(result, 'p16.md')).toEqual([expect.stringContaining('#heading-17')]));
  });

  it('finds an image an unchanged post shows that was deleted, a file left in its assets folder, and a slug another post now shares', async () => {
    const { root, cacheDir, file } = await checkedOnce();
    await rm(file('pics/p20.png'));
    await writeTree(root, { 'p19.assets/stray.png': 'png' });
    await writeFile(file('p21.md'), post({ title: 'Post 21', date: '2024-03-18', slug: 'p22' }));
    await expectSameAsFull(root, cacheDir, (result) => {
      expect(messages(result, 'p20.md')).toContainEqual(expect.stringContaining('Missing image "pics/p20.png"'));
      expect(messages(result, 'p22.md')).toEqual([expect.stringContaining('Duplicate slug')]);
      expect(messages(result, 'p19.md')).toEqual([expect.stringContaining('p19.assets/stray.png is not linked')]);
    });
  });

  it('gives a full check\'s result for a touched file, and for one whose content changed at the same size', async () => {
    const { root, cacheDir, file } = await checkedOnce();
    const later = new Date(Date.now() + 60_000);
    await utimes(file('p2.md'), later, later);
    await expectSameAsFull(root, cacheDir, (result) => expect(messages(result, 'p2.md')).toEqual([]));
    const text = await readFile(file('p8.md'), 'utf8');
    await writeFile(file('p8.md'), text.replace('(p9.md)', '(p0.md)').replace('(/posts/p9/)', '(/posts/px/)'));
    await expectSameAsFull(root, cacheDir, (result) => expect(messages(result, 'p8.md')).toEqual([expect.stringContaining('/posts/px/')]));
  });

  it('checks everything again when the cache file is damaged', async () => {
    const { root, cacheDir, file } = await checkedOnce();
    const [name] = await readdir(path.join(cacheDir, 'check'));
    await writeFile(path.join(cacheDir, 'check', name!), '{"format":1,"entries":[["p1.md",');
    await writeFile(file('p1.md'), post({ title: 'Post 1', date: 'soon' }));
    await expectSameAsFull(root, cacheDir, (result) => expect(messages(result, 'p1.md')).toEqual([expect.stringContaining('"soon"')]));
  });
});
