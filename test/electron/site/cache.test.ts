// The build cache keeps posts' excerpts apart from its index: a rebuild reads
// back only the excerpts of pages it renders again. These posts have no
// description, so index cards and feeds show the excerpts, and every rebuild
// must still equal a clean build: after edits, after the excerpt file is
// compacted, and after it is damaged.
import { mkdir, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, expectSameAsClean, readTree } from '../../helpers/site';
import { tempDir } from '../../helpers/tmp';

const POSTS = 12;

async function workspace(): Promise<string> {
  const root = await tempDir();
  await writeFile(path.join(root, 'postwright.json'), JSON.stringify({ title: 'Excerpts', baseUrl: 'https://example.com/', postsPerPage: 5 }));
  await mkdir(path.join(root, 'posts'));
  for (let n = 1; n <= POSTS; n++) {
    const day = String(n).padStart(2, '0');
    await writeFile(path.join(root, 'posts', `post-${n}.md`), `---\ntitle: Post ${n}\ndate: 2024-03-${day}\n---\n\nThe opening of post ${n}, which its card shows.\n\nMore of post ${n}.\n`);
  }
  return root;
}

const excerptFiles = async (cacheDir: string) => (await readdir(path.join(cacheDir, 'site'))).filter((f) => f.endsWith('.excerpts'));

// Every post is sanitized (jsdom + DOMPurify): builds cost several times what marked alone does, so under load these take minutes.
describe('the build cache', { timeout: 180_000 }, () => {
  it('renders index pages and feeds from cached excerpts, and compacts its excerpt file', async () => {
    const root = await workspace();
    const cacheDir = await tempDir();
    const out = path.join(await tempDir(), 'site');
    await build(root, out, { cacheDir });
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('The opening of post 12');

    // A retitled post re-renders the index page and feeds it is on; its neighbours' excerpts come from the cache.
    const post = path.join(root, 'posts', 'post-11.md');
    await writeFile(post, (await readFile(post, 'utf8')).replace('title: Post 11', 'title: Post eleven'));
    const edit = await build(root, out, { cacheDir });
    expect(edit.rendered).toBe(1);
    await expectSameAsClean(root, out);
    const [first] = await excerptFiles(cacheDir);

    // Each rebuild after an edit to every post appends every excerpt again; the file is rewritten before it is mostly stale.
    for (let round = 1; round <= 4; round++) {
      for (let n = 1; n <= POSTS; n++) await writeFile(path.join(root, 'posts', `post-${n}.md`), `---\ntitle: Post ${n}\ndate: 2024-03-${String(n).padStart(2, '0')}\n---\n\nRound ${round} of post ${n}.\n`);
      expect((await build(root, out, { cacheDir })).rendered).toBe(POSTS);
    }
    const files = await excerptFiles(cacheDir);
    expect(files).toHaveLength(1);
    expect(files[0]).not.toBe(first);
    await writeFile(post, (await readFile(post, 'utf8')).replace('title: Post 11', 'title: Post eleven again'));
    await build(root, out, { cacheDir });
    await expectSameAsClean(root, out);
  });

  it('builds in full when the excerpt file is cut short, and says so when its bytes are damaged', async () => {
    const root = await workspace();
    const cacheDir = await tempDir();
    const out = path.join(await tempDir(), 'site');
    await build(root, out, { cacheDir });
    const excerpts = async () => path.join(cacheDir, 'site', (await excerptFiles(cacheDir))[0]!);

    // Shorter than the index says: not the file it describes, so the cache is not used at all.
    await truncate(await excerpts(), 10);
    expect((await build(root, out, { cacheDir })).rendered).toBe(POSTS);
    expect(await excerptFiles(cacheDir)).toHaveLength(1);
    await expectSameAsClean(root, out);

    // Same length, other bytes: found when an index page needs an excerpt; the cache is cleared and the next build is whole.
    const file = await excerpts();
    await writeFile(file, Buffer.alloc((await readFile(file)).length, '#'));
    const post = path.join(root, 'posts', 'post-11.md');
    await writeFile(post, (await readFile(post, 'utf8')).replace('title: Post 11', 'title: Post eleven'));
    await expect(build(root, out, { cacheDir })).rejects.toThrow(/build cache .* was damaged/);
    expect(await excerptFiles(cacheDir)).toEqual([]);
    expect((await build(root, out, { cacheDir })).rendered).toBe(POSTS);
    await expectSameAsClean(root, out);
  });

  it('keeps each post’s URL until the blog’s permalinks change, then places every post again, as a clean build does', async () => {
    // A Hugo blog: a section's permalink lives in hugo.toml's [permalinks], which no page's bytes depend on by themselves.
    const root = await tempDir();
    const config = (pattern: string) => `title = "Places"\nbaseURL = "https://example.com/"\n[permalinks]\nposts = "${pattern}"\n`;
    await writeFile(path.join(root, 'hugo.toml'), config('/:year/:slug/'));
    await mkdir(path.join(root, 'content', 'posts'), { recursive: true });
    for (let n = 1; n <= 4; n++) await writeFile(path.join(root, 'content', 'posts', `post-${n}.md`), `---\ntitle: Post ${n}\ndate: 2024-03-0${n}\n---\n\nSee [the first](post-1.md).\n`);
    const cacheDir = await tempDir();
    const out = path.join(await tempDir(), 'site');
    await build(root, out, { cacheDir });
    const pages = async () => [...(await readTree(out)).keys()].filter((file) => /post-\d\/index\.html$/.test(file)).sort();
    expect(await pages()).toEqual(['2024/post-1/index.html', '2024/post-2/index.html', '2024/post-3/index.html', '2024/post-4/index.html']);

    await writeFile(path.join(root, 'content', 'posts', 'post-2.md'), '---\ntitle: Post 2\ndate: 2024-03-02\nurl: /two/\n---\n\nMoved on its own.\n');
    await build(root, out, { cacheDir });
    expect(await pages()).toEqual(['2024/post-1/index.html', '2024/post-3/index.html', '2024/post-4/index.html']);
    await expectSameAsClean(root, out);

    await writeFile(path.join(root, 'hugo.toml'), config('/blog/:slug/'));
    await build(root, out, { cacheDir });
    expect(await pages()).toEqual(['blog/post-1/index.html', 'blog/post-3/index.html', 'blog/post-4/index.html']);
    await expectSameAsClean(root, out);
  });
});
