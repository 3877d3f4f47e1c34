// The site's nav in built pages: every page's header lists the nav in order,
// marks the page the reader is on, survives a warm rebuild after a page is
// added (byte-identical to a clean build, worker threads included), and
// renders a hostile nav entry as inert text.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../electron/appPaths';
import { PARALLEL_THRESHOLD, renderWorkerScript } from '../../../electron/site/renderPool';
import { generateCorpus } from '../../bench/corpus';
import { build, expectSameAsClean, readTree } from '../../helpers/site';
import { post, tempDir, tempTree, writeTree } from '../../helpers/tmp';
import { hugoMenuConfig } from '../../helpers/hugoMenus';

interface HeaderLink {
  text: string;
  href: string;
  current: string | null;
}

/** The header nav of a built page, as a reader's browser parses it. */
function headerNav(html: string): HeaderLink[] {
  const { document } = new JSDOM(html).window;
  return [...document.querySelectorAll('header.site-header nav.site-nav a')].map((a) => ({
    text: a.textContent ?? '',
    href: a.getAttribute('href') ?? '',
    current: a.getAttribute('aria-current'),
  }));
}

/** Every page of the site with the theme's header (redirect pages have none). */
function pagesWithHeader(tree: Map<string, Buffer>): [string, string][] {
  return [...tree]
    .filter(([file]) => file.endsWith('.html'))
    .map(([file, bytes]) => [file, bytes.toString('utf8')] as [string, string])
    .filter(([, html]) => !html.includes('http-equiv="refresh"'));
}

describe('the site nav in built pages', () => {
  it('the sample blog shows About on every page, before Archive and Tags, marking the page the reader is on', async () => {
    const out = path.join(await tempDir(), 'site');
    await build(path.join(packageRoot, 'assets', 'sample-blog'), out);
    const pages = pagesWithHeader(await readTree(out));
    expect(pages.length).toBeGreaterThan(10);
    for (const [file, html] of pages) {
      const nav = headerNav(html);
      expect(nav.map((link) => [link.text, link.href]), file).toEqual([
        ['About', '/about/'],
        ['Archive', '/archive/'],
        ['Tags', '/tags/'],
      ]);
      const current = nav.filter((link) => link.current === 'page').map((link) => link.text);
      expect(current, file).toEqual(file === 'about/index.html' ? ['About'] : file === 'archive/index.html' ? ['Archive'] : file === 'tags/index.html' ? ['Tags'] : []);
    }
  });

  it('a Postwright folder lists its titled pages by weight, then title, under the base URL path', async () => {
    const root = await tempTree({
      'postwright.json': JSON.stringify({ baseUrl: 'https://example.com/blog/' }),
      'posts/hello.md': post({ title: 'Hello', date: '2024-01-02' }, 'Hi.'),
      'pages/about.md': post({ title: 'About', weight: '2' }, 'Me.'),
      'pages/now.md': post({ title: 'Now', order: '1' }, 'Now.'),
      'pages/uses.md': post({ title: 'Uses' }, 'Tools.'),
      'pages/colophon.md': post({ title: 'colophon' }, 'Type.'),
      'pages/untitled.md': 'No front matter, so no title: left out of the nav.\n',
    });
    const out = path.join(await tempDir(), 'site');
    await build(root, out);
    const tree = await readTree(out);
    const nav = headerNav(tree.get('posts/hello/index.html')!.toString());
    expect(nav.map((link) => `${link.text} ${link.href}`)).toEqual([
      'Now /blog/now/',
      'About /blog/about/',
      'colophon /blog/colophon/',
      'Uses /blog/uses/',
      'Archive /blog/archive/',
      'Tags /blog/tags/',
    ]);
    expect(headerNav(tree.get('uses/index.html')!.toString()).find((link) => link.current === 'page')?.text).toBe('Uses');
  });

  it('a Hugo site shows its main menu (config entries and menu: main pages) in Hugo order', async () => {
    const root = await tempTree({
      'hugo.toml': hugoMenuConfig,
      'content/posts/first.md': post({ title: 'First', date: '2024-01-02' }, 'Body.'),
      'content/posts/second.md': post({ title: 'Second', date: '2024-02-02' }, 'Body.'),
      'content/about.md': '---\ntitle: About\nmenu:\n  main:\n    weight: 20\n---\nMe.\n',
      'content/contact.md': post({ title: 'Contact' }, 'Mail me.'),
      'content/uses.md': post({ title: 'Uses', menus: 'main' }, 'No weight: after every weighted entry.'),
      'content/colophon.md': post({ title: 'Colophon' }, 'Not in the menu.'),
    });
    const out = path.join(await tempDir(), 'site');
    await build(root, out);
    const nav = headerNav((await readTree(out)).get('about/index.html')!.toString());
    expect(nav.map((link) => `${link.text} ${link.href}${link.current ? ' (current)' : ''}`)).toEqual([
      'Home /',
      'About /about/ (current)',
      'Contact /contact/',
      'Source https://git.example.org/me',
      'Uses /uses/',
      'Archive /archive/',
      'Tags /tags/',
    ]);
  });

  it('a warm rebuild after adding a page rewrites every header and equals a clean build (worker threads included)', { timeout: 600_000 }, async () => {
    expect(renderWorkerScript).toBeTruthy();
    const root = await tempDir();
    await generateCorpus(root, PARALLEL_THRESHOLD + 20);
    await writeTree(root, { 'pages/about.md': post({ title: 'About' }, 'Me.') });
    const cacheDir = await tempDir();
    const out = path.join(await tempDir(), 'site');
    await build(root, out, { cacheDir });
    const before = await readTree(out);
    expect(headerNav(before.get('index.html')!.toString()).map((link) => link.text)).toEqual(['About', 'Archive', 'Tags']);

    await writeFile(path.join(root, 'pages/now.md'), post({ title: 'Now', weight: '1' }, 'What I do now.'));
    const warm = await build(root, out, { cacheDir });
    // Only the new page's body is rendered; every page is written again for its header.
    expect(warm.rendered).toBe(1);
    const after = await readTree(out);
    for (const [file, html] of pagesWithHeader(after)) expect(headerNav(html).map((link) => link.text), file).toEqual(['Now', 'About', 'Archive', 'Tags']);
    await expectSameAsClean(root, out);

    // An idle rebuild writes nothing: the nav's digest is kept with each page.
    const idle = await build(root, out, { cacheDir });
    expect(idle).toMatchObject({ rendered: 0, written: 0, deleted: 0 });
  });

  it('renders HTML in a nav label or page title as text, and leaves out a menu entry that would run script', async () => {
    const root = await tempTree({
      'hugo.toml': [
        "baseURL = 'https://example.org/'",
        '[[menus.main]]',
        "  name = 'Run'",
        "  url = 'javascript:alert(document.domain)'",
        '[[menus.main]]',
        "  name = 'Frame'",
        "  url = 'data:text/html,<script>alert(1)</script>'",
        '[[menus.main]]',
        "  name = 'Tabbed'",
        "  url = ' java\tscript:alert(1)'",
        '[[menus.main]]',
        "  name = 'Elsewhere'",
        "  url = '//evil.example/'",
        '[[menus.main]]',
        "  name = '<img src=x onerror=alert(1)>'",
        "  url = '/about/'",
      ].join('\n'),
      'content/posts/one.md': post({ title: 'One', date: '2024-01-02' }, 'Body.'),
      'content/about.md': `---\ntitle: '"</a><script>alert(1)</script>'\nmenu: main\nweight: 5\n---\nMe.\n`,
    });
    const out = path.join(await tempDir(), 'site');
    const summary = await build(root, out);
    const html = (await readTree(out)).get('index.html')!.toString();
    const nav = headerNav(html);
    expect(nav.map((link) => link.text)).toEqual(['"</a><script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'Archive', 'Tags']);
    expect(nav.map((link) => link.href)).toEqual(['/about/', '/about/', '/archive/', '/tags/']);
    const { document } = new JSDOM(html).window;
    expect(document.querySelectorAll('header script, header img, header [onerror]')).toHaveLength(0);
    for (const name of ['Run', 'Frame', 'Tabbed', 'Elsewhere']) expect(summary.warnings.join('\n')).toContain(`The nav leaves out the link "${name}"`);
  });

  it('refuses a data: or protocol-relative nav link in postwright.json, naming the key', async () => {
    for (const url of ['data:text/html,<script>alert(1)</script>', '//evil.example/', 'vbscript:msgbox(1)']) {
      const root = await tempTree({ 'postwright.json': JSON.stringify({ nav: [{ label: 'x', url }] }) });
      await expect(build(root, path.join(await tempDir(), 'site')), url).rejects.toThrow(/"nav\[0\]\.url" must be an http\(s\) or mailto link, or a path on the site/);
    }
  });

  it('postwright.json nav replaces the generator’s menu, with paths under the base URL and web links as written', async () => {
    const root = await tempTree({
      'postwright.json': JSON.stringify({
        baseUrl: 'https://example.com/blog/',
        nav: [
          { label: 'Talks', url: '/talks/#2024' },
          { label: 'Code', url: 'https://git.example.org/' },
          { label: 'Mail', url: 'mailto:me@example.com' },
        ],
      }),
      'posts/hello.md': post({ title: 'Hello', date: '2024-01-02' }, 'Hi.'),
      'pages/about.md': post({ title: 'About' }, 'Not listed: the nav is the one given.'),
    });
    const out = path.join(await tempDir(), 'site');
    await build(root, out);
    const nav = headerNav((await readTree(out)).get('index.html')!.toString());
    expect(nav.map((link) => `${link.text} ${link.href}`)).toEqual([
      'Talks /blog/talks/#2024',
      'Code https://git.example.org/',
      'Mail mailto:me@example.com',
      'Archive /blog/archive/',
      'Tags /blog/tags/',
    ]);
  });
});
