import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../common/errors';
import { Workspace } from '../../../electron/workspace/workspace';
import { noTrash, post, tempDir, tempTree, writeTree } from '../../helpers/tmp';

const open = (root: string) => Workspace.open(root, noTrash);

describe('Workspace.open / info', () => {
  it('uses the real path, the folder name and the output folder from postwright.json', async () => {
    const root = await tempTree({ 'postwright.json': JSON.stringify({ output: 'public/' }) });
    const ws = await open(`${root}/./`);
    expect(ws.root).toBe(root);
    expect(ws.info()).toEqual({ name: path.basename(root), root, outputDir: 'public' });
  });

  it('defaults the output folder to _site, also when postwright.json is broken', async () => {
    const root = await tempDir();
    expect((await open(root)).info().outputDir).toBe('_site');
    await writeFile(path.join(root, 'postwright.json'), '{ not json');
    expect((await open(root)).info().outputDir).toBe('_site');
  });

  it('refuses a missing folder or a file with not-found', async () => {
    const root = await tempDir();
    await expect(open(path.join(root, 'nope'))).rejects.toMatchObject({ code: 'not-found' });
    await writeTree(root, { 'file.md': 'x' });
    await expect(open(path.join(root, 'file.md'))).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('Workspace.list', () => {
  it('finds .md and .markdown files recursively and skips dot-folders, node_modules and the output folder', async () => {
    const root = await tempTree({
      'top.md': '# Top',
      'posts/a.md': '# A',
      'posts/2024/deep/b.markdown': '# B',
      'posts/UPPER.MD': '# Upper',
      'posts/notes.txt': 'not a post',
      'posts/image.png': 'png',
      'posts/.hidden.md': '# dot-file',
      '.git/x.md': '# git',
      '.obsidian/y.md': '# obsidian',
      'node_modules/pkg/readme.md': '# dep',
      'posts/node_modules/z.md': '# nested dep',
      '_site/posts/a.md': '# built',
      'posts/_site/kept.md': '# only the root _site is the output',
    });
    const paths = (await (await open(root)).list()).map((p) => p.path).sort();
    expect(paths).toEqual(['posts/2024/deep/b.markdown', 'posts/UPPER.MD', 'posts/_site/kept.md', 'posts/a.md', 'top.md']);
  });

  it('skips the output folder named in postwright.json (and lists _site then)', async () => {
    const root = await tempTree({
      'postwright.json': JSON.stringify({ output: 'build/site' }),
      'build/site/a.md': '# built',
      'build/draft.md': '# kept',
      '_site/kept.md': '# kept too',
    });
    const paths = (await (await open(root)).list()).map((p) => p.path).sort();
    expect(paths).toEqual(['_site/kept.md', 'build/draft.md']);
  });

  it('reads every field from front matter', async () => {
    const root = await tempTree({
      'posts/full.md': post(
        { title: 'Full post', date: '2024-03-05 10:20:00 +0100', tags: '[one, two]', draft: 'true', slug: 'custom-slug', description: 'Desc' },
        '\nOne two three.\n',
      ),
    });
    const [summary] = await (await open(root)).list();
    expect(summary).toMatchObject({
      path: 'posts/full.md',
      title: 'Full post',
      date: '2024-03-05T10:20:00+01:00',
      tags: ['one', 'two'],
      draft: true,
      slug: 'custom-slug',
      description: 'Desc',
      words: 3,
    });
    expect(summary!.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(summary!.modified).toBeGreaterThan(Date.now() - 60_000);
    expect(summary!.error).toBeUndefined();
  });

  it('falls back: title from the first # heading, then the file name; Jekyll date and slug from the name', async () => {
    const root = await tempTree({
      '_posts/2021-07-08-jekyll-post.md': post({ published: 'false', tags: 'a b  c', summary: 'From summary' }, '\n```\n# not this\n```\n# From heading\n'),
      'posts/no-title.md': 'Just words here.\n',
      'posts/my-bundle/index.md': post({ title: 'Bundle' }),
      'posts/2022-01-02-dated-bundle/index.md': '# Dated bundle',
      'posts/commas.md': post({ tags: '"machine learning, ai ,  "' }),
    });
    const posts = await (await open(root)).list();
    const byPath = Object.fromEntries(posts.map((p) => [p.path, p]));
    expect(byPath['_posts/2021-07-08-jekyll-post.md']).toMatchObject({
      title: 'From heading',
      date: '2021-07-08',
      slug: 'jekyll-post',
      draft: true,
      tags: ['a', 'b', 'c'],
      description: 'From summary',
    });
    expect(byPath['posts/no-title.md']).toMatchObject({ title: 'no-title', date: null, slug: 'no-title', draft: false, tags: [], words: 3 });
    expect(byPath['posts/my-bundle/index.md']).toMatchObject({ title: 'Bundle', slug: 'my-bundle' });
    expect(byPath['posts/2022-01-02-dated-bundle/index.md']).toMatchObject({ date: '2022-01-02', slug: 'dated-bundle' });
    expect(byPath['posts/commas.md']!.tags).toEqual(['machine learning', 'ai']);
  });

  it('lists a post with broken front matter, with the error and its line in the file', async () => {
    const root = await tempTree({ 'posts/broken.md': '---\ntitle: fine\ntags: [unclosed\nauthor: x\n---\n# Heading\n\nBody words.\n' });
    const [summary] = await (await open(root)).list();
    expect(summary!.title).toBe('Heading');
    expect(summary!.words).toBe(3);
    expect(summary!.error!.line).toBeGreaterThanOrEqual(3);
    expect(summary!.error!.line).toBeLessThanOrEqual(4);
    expect(summary!.error!.message).toMatch(/Front matter line \d/);
  });

  it('lists a post whose front matter is longer than the quick-read head', async () => {
    const root = await tempDir();
    const long = Array.from({ length: 200 }, (_, i) => `key${i}: value number ${i}`).join('\n');
    await writeTree(root, { 'long.md': `---\n${long}\ntitle: Found late\n---\nOne two.\n` });
    const [summary] = await (await open(root)).list();
    expect(summary).toMatchObject({ title: 'Found late', words: 2 });
  });

  it('lists a BOM + CRLF post the same as a plain one', async () => {
    const root = await tempTree({ 'crlf.md': '\uFEFF---\r\ntitle: Windows\r\ndate: 2020-01-01\r\n---\r\nOne two\r\n' });
    const [summary] = await (await open(root)).list();
    expect(summary).toMatchObject({ title: 'Windows', date: '2020-01-01', words: 2 });
    expect(summary!.error).toBeUndefined();
  });

  it('sorts newest date first, then title; undated posts last', async () => {
    const root = await tempTree({
      'a.md': post({ title: 'Old', date: '2020-01-01' }),
      'b.md': post({ title: 'New B', date: '2024-01-01' }),
      'c.md': post({ title: 'New a', date: '2024-01-01' }),
      'd.md': post({ title: 'Undated' }),
      'e.md': post({ title: 'Newest', date: '2024-01-01T10:00' }),
    });
    expect((await (await open(root)).list()).map((p) => p.title)).toEqual(['Newest', 'New a', 'New B', 'Old', 'Undated']);
  });

  it('gives stable ids, and refuses unknown ones with not-found', async () => {
    const root = await tempTree({ 'a.md': '# A' });
    const first = await (await open(root)).list();
    const second = await (await open(root)).list();
    expect(first[0]!.id).toBe(second[0]!.id);
    const ws = await open(root);
    const error = await ws.read('AAAAAAAAAAAAAAAAAAAAAA').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'not-found' });
  });

  it('reads a post by id without a list() first (the index is built on demand)', async () => {
    const root = await tempTree({ 'posts/a.md': '# A\n' });
    const id = (await (await open(root)).list())[0]!.id;
    const doc = await (await open(root)).read(id);
    expect(doc.text).toBe('# A\n');
  });
});
