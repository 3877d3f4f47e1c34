import { existsSync } from 'node:fs';
import { link, readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../helpers/site';
import { openTestWorkspace, tempDir } from '../../helpers/tmp';

describe('Workspace.rename', () => {
  it('renames the file, the slug value, the assets folder and links into it', async () => {
    const text = [
      '---',
      'title: "Hello"   # the title',
      'slug:   hello',
      'cover: hello.assets/cover.png',
      '---',
      '![chart](hello.assets/chart.png) and ![](./hello.assets/b%20c.png)',
      '<img src="hello.assets/x.png">',
      '[ref]: hello.assets/doc.pdf',
      'Not a link: myhello.assets/x.png or other/hello.assets/y.png',
      '',
    ].join('\n');
    const { root, ws, id, read } = await openTestWorkspace({
      'posts/hello.md': text,
      'posts/hello.assets/chart.png': 'png',
      'posts/other.md': 'untouched ![](hello.assets/chart.png)',
    });
    const doc = await ws.rename(id('posts/hello.md'), 'new-name');
    expect(doc.post.path).toBe('posts/new-name.md');
    expect(doc.post.slug).toBe('new-name');
    expect(doc.post.id).not.toBe(id('posts/hello.md'));
    expect(await read('posts/new-name.md')).toBe(
      text
        .replace('slug:   hello', 'slug:   new-name')
        .replace('cover: hello.assets/', 'cover: new-name.assets/')
        .replace('(hello.assets/chart', '(new-name.assets/chart')
        .replace('(./hello.assets/', '(./new-name.assets/')
        .replace('"hello.assets/x', '"new-name.assets/x')
        .replace('[ref]: hello.assets/', '[ref]: new-name.assets/')
        // Its old address, so the site keeps it as a redirect.
        .replace('cover: new-name.assets/cover.png\n', 'cover: new-name.assets/cover.png\naliases: [/posts/hello/]\n'),
    );
    expect(doc.text).toBe(await read('posts/new-name.md'));
    expect(await read('posts/new-name.assets/chart.png')).toBe('png');
    expect(existsSync(path.join(root, 'posts/hello.md'))).toBe(false);
    expect(existsSync(path.join(root, 'posts/hello.assets'))).toBe(false);
    expect(await read('posts/other.md')).toBe('untouched ![](hello.assets/chart.png)');
    // The new id works, the old one is gone.
    expect((await ws.read(doc.post.id)).text).toBe(doc.text);
    await expect(ws.read(id('posts/hello.md'))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('does not add a slug key when there is none: the file name carries it', async () => {
    const { ws, id, read } = await openTestWorkspace({ 'a.md': '---\ntitle: A\n---\nBody\n', 'draft.md': '---\ndraft: true\n---\nBody\n' });
    const doc = await ws.rename(id('a.md'), 'b');
    expect(doc.post.path).toBe('b.md');
    expect(await read('b.md')).toBe('---\ntitle: A\naliases: [/posts/a/]\n---\nBody\n');
    // A draft was never published: no old address to keep.
    await ws.rename(id('draft.md'), 'still-draft');
    expect(await read('still-draft.md')).toBe('---\ndraft: true\n---\nBody\n');
  });

  it('keeps a Jekyll date prefix', async () => {
    const { ws, id } = await openTestWorkspace({ '_posts/2020-01-02-old.md': '# Old\n' });
    const doc = await ws.rename(id('_posts/2020-01-02-old.md'), 'fresh');
    expect(doc.post.path).toBe('_posts/2020-01-02-fresh.md');
    expect(doc.post).toMatchObject({ slug: 'fresh', date: '2020-01-02' });
  });

  it('renames a page bundle folder with everything in it', async () => {
    const { root, ws, id } = await openTestWorkspace({
      'posts/bundle/index.md': '---\nslug: bundle\n---\n![](img.png)\n',
      'posts/bundle/img.png': 'png',
    });
    const doc = await ws.rename(id('posts/bundle/index.md'), 'moved');
    expect(doc.post.path).toBe('posts/moved/index.md');
    expect(doc.text).toBe('---\nslug: moved\naliases: [/posts/bundle/]\n---\n![](img.png)\n');
    expect(await readdir(path.join(root, 'posts/moved'))).toEqual(['img.png', 'index.md']);
    expect(existsSync(path.join(root, 'posts/bundle'))).toBe(false);
  });

  it('keeps CRLF and BOM while editing the slug', async () => {
    const original = '\uFEFF---\r\nslug: a\r\ntitle: T\r\n---\r\nbody\r\n';
    const { root, ws, id } = await openTestWorkspace({ 'a.md': original });
    await ws.rename(id('a.md'), 'b');
    expect(await readFile(path.join(root, 'b.md'))).toEqual(Buffer.from(original.replace('slug: a', 'slug: b').replace('title: T\r\n', 'title: T\r\naliases: [/posts/a/]\r\n'), 'utf8'));
  });

  it('refuses with exists when the new file or assets folder name is taken, changing nothing', async () => {
    const { root, ws, id, read } = await openTestWorkspace({
      'a.md': '---\nslug: a\n---\n',
      'taken.md': 'other',
      'c.md': 'c ![](c.assets/x.png)',
      'c.assets/x.png': 'x',
      'free.assets/keep.txt': 'someone else',
    });
    await expect(ws.rename(id('a.md'), 'taken')).rejects.toMatchObject({ code: 'exists', message: expect.stringContaining('taken.md') });
    await expect(ws.rename(id('c.md'), 'free')).rejects.toMatchObject({ code: 'exists', message: expect.stringContaining('free.assets') });
    expect(await read('a.md')).toBe('---\nslug: a\n---\n');
    expect(await read('taken.md')).toBe('other');
    expect(await read('c.md')).toBe('c ![](c.assets/x.png)');
    expect(await readdir(root)).toEqual(['a.md', 'c.assets', 'c.md', 'free.assets', 'taken.md']);
  });

  it('refuses slugs that are not slugs', async () => {
    const { ws, id } = await openTestWorkspace({ 'a.md': 'x' });
    for (const bad of ['../escape', 'UPPER', 'a/b', '', 'two  spaces']) {
      await expect(ws.rename(id('a.md'), bad)).rejects.toMatchObject({ code: 'invalid-arguments' });
    }
  });

  it('refuses to rename a file that is not UTF-8, leaving it as it was', async () => {
    const bytes = Buffer.from([0x23, 0x20, 0xe9, 0x0a]);
    const { root, ws, id } = await openTestWorkspace({ 'latin.md': bytes, 'latin.assets/x.png': 'x' });
    await expect(ws.rename(id('latin.md'), 'renamed')).rejects.toMatchObject({ code: 'not-utf8' });
    expect(await readdir(root)).toEqual(['latin.assets', 'latin.md']);
    expect(await readFile(path.join(root, 'latin.md'))).toEqual(bytes);
  });
});

describe('Workspace.rename keeps the old address of a published post, in the key its generator reads', () => {
  it('Jekyll: redirect_from, added to the list already there; the build redirects from it', async () => {
    const { root, ws, id, read } = await openTestWorkspace({
      '_config.yml': 'title: J\nurl: https://j.example.org\n',
      '_posts/2015-05-21-welcome.md': '---\ntitle: Welcome\ncategories: news\nredirect_from:\n  - /welcome.html\n---\nHi\n',
    });
    await ws.rename(id('_posts/2015-05-21-welcome.md'), 'hello');
    expect(await read('_posts/2015-05-21-hello.md')).toBe('---\ntitle: Welcome\ncategories: news\nredirect_from:\n  - /welcome.html\n  - /news/2015/05/21/welcome.html\n---\nHi\n');
    const out = path.join(await tempDir(), 'site');
    await build(root, out);
    const redirect = await readFile(path.join(out, 'news/2015/05/21/welcome.html'), 'utf8');
    expect(redirect).toContain('<link rel="canonical" href="https://j.example.org/news/2015/05/21/hello.html">');
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=https://j.example.org/news/2015/05/21/hello.html">');
    expect(await readFile(path.join(out, '_redirects'), 'utf8')).toContain('/news/2015/05/21/welcome.html /news/2015/05/21/hello.html 301');
  });

  it('Hugo: aliases in TOML; renaming where the URL does not move (a permalink without the slug) adds nothing', async () => {
    const { ws, id, read } = await openTestWorkspace({
      'hugo.toml': "baseURL = 'https://h.example.org/'\n[permalinks]\nposts = '/:year/:slug/'\nnotes = '/notes/:year/'\n",
      'content/posts/first.md': "+++\ntitle = 'First'\ndate = 2021-01-01\n+++\nBody\n",
      'content/posts/other.md': "+++\ntitle = 'Other'\ndate = 2021-01-01\nurl = '/fixed/'\n+++\nBody\n",
    });
    await ws.rename(id('content/posts/first.md'), 'renamed');
    // Hugo's :slug without a slug key is the title: the URL was /2021/first/ and still is (the title did not change).
    expect(await read('content/posts/renamed.md')).toBe("+++\ntitle = 'First'\ndate = 2021-01-01\n+++\nBody\n");
    await ws.rename(id('content/posts/other.md'), 'moved');
    expect(await read('content/posts/moved.md')).toBe("+++\ntitle = 'Other'\ndate = 2021-01-01\nurl = '/fixed/'\n+++\nBody\n");
  });

  it('Hugo: a slug key that moves the URL is kept as an alias', async () => {
    const { ws, id, read } = await openTestWorkspace({
      'hugo.toml': "baseURL = 'https://h.example.org/'\n[permalinks]\nposts = '/:year/:slug/'\n",
      'content/posts/first.md': "+++\ntitle = 'First'\nslug = 'first'\ndate = 2021-01-01\n+++\nBody\n",
    });
    await ws.rename(id('content/posts/first.md'), 'second');
    expect(await read('content/posts/second.md')).toBe("+++\ntitle = 'First'\nslug = \"second\"\ndate = 2021-01-01\naliases = [ \"/2021/first/\" ]\n+++\nBody\n");
  });
});

describe('Workspace.rename, changing only the letter case (Zettlr#1622)', () => {
  const text = '---\ntitle: Post\n---\n![](Post.assets/a.png)\n';

  it('renames Post.md to post.md with its assets folder, keeping every byte', async () => {
    const { root, ws, id, read } = await openTestWorkspace({ 'Post.md': text, 'Post.assets/a.png': 'png' });
    const doc = await ws.rename(id('Post.md'), 'post');
    expect(doc.post.path).toBe('post.md');
    expect(await readdir(root)).toEqual(['post.assets', 'post.md']);
    expect(await read('post.md')).toBe(text.replace('Post.assets/', 'post.assets/'));
    expect(await read('post.assets/a.png')).toBe('png');
  });

  it('never deletes the post where the disk sees both names as one file', async () => {
    // A case-insensitive disk finds Post.md when asked for post.md: the same file under both names.
    // A hard link is that view on this disk, and a plain rename() between two names of one file does nothing.
    const { root, ws, id, read } = await openTestWorkspace({ 'Post.md': text });
    await link(path.join(root, 'Post.md'), path.join(root, 'post.md'));
    const inode = (await stat(path.join(root, 'Post.md'))).ino;
    const doc = await ws.rename(id('Post.md'), 'post');
    expect(doc.post.path).toBe('post.md');
    expect(await readdir(root)).toEqual(['post.md']);
    expect(await read('post.md')).toBe(text);
    expect((await stat(path.join(root, 'post.md'))).ino).toBe(inode);
    expect((await ws.read(doc.post.id)).text).toBe(text);
  });
});
