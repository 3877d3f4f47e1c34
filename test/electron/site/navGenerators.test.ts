// The nav Postwright builds for a Hugo and a Jekyll blog, against the nav the
// real generator builds from the same folder (Debian's hugo and jekyll with the
// minima theme gem, run here when installed): the same labels, the same
// addresses, in the same order. Hugo prints its main menu through a one-line
// template (the folder's own layouts); Jekyll renders minima's own header.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { build } from '../../helpers/site';
import { tempDir, tempTree, writeTree } from '../../helpers/tmp';
import { hugoMenuConfig } from '../../helpers/hugoMenus';

const installed = (command: string, args: string[]) => {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const hasHugo = installed('hugo', ['version']);
const hasMinima = installed('gem', ['contents', 'minima']) && installed('jekyll', ['--version']);
// Locally a missing generator skips its comparison; in CI (CI=true, .ci/run installs them) it fails.
const skipHugo = !hasHugo && !process.env.CI;
const skipMinima = !hasMinima && !process.env.CI;

const page = (fields: string, body = 'Text.') => `---\n${fields}\n---\n${body}\n`;

/** Postwright's header links before its own Archive and Tags: "label href". */
async function postwrightNav(root: string, file: string): Promise<string[]> {
  const out = path.join(await tempDir(), 'site');
  await build(root, out);
  const { document } = new JSDOM(await readFile(path.join(out, file), 'utf8')).window;
  return [...document.querySelectorAll('nav.site-nav a')].map((a) => `${a.textContent} ${a.getAttribute('href')}`).slice(0, -2);
}

describe('the nav matches the real generator’s', () => {
  it.skipIf(skipHugo)('Hugo: config entries and front-matter entries, in .Site.Menus.main order', { timeout: 60_000 }, async () => {
    const root = await tempDir();
    const menu = '{{ range .Site.Menus.main }}{{ .Name }} {{ .URL }}\n{{ end }}';
    await writeTree(root, {
      'hugo.toml': hugoMenuConfig,
      'content/posts/first.md': page('title: First\ndate: 2024-01-02'),
      'content/about.md': page('title: About\nmenu:\n  main:\n    weight: 20'),
      'content/contact.md': page('title: Contact'),
      'content/uses.md': page('title: Uses\nmenus: main'),
      'content/apple.md': page('title: apple\nmenus: main'),
      'content/tools.md': page('title: Tools\nweight: 5\nlinkTitle: Kit\nmenus: main'),
      'content/colophon.md': page('title: Colophon'),
      'layouts/index.html': menu,
      'layouts/_default/single.html': menu,
      'layouts/_default/list.html': menu,
    });
    const hugoOut = path.join(await tempDir(), 'hugo');
    execFileSync('hugo', ['--quiet', '-s', root, '-d', hugoOut], { stdio: 'pipe' });
    const hugo = (await readFile(path.join(hugoOut, 'index.html'), 'utf8')).trim().split('\n');
    expect(hugo).toEqual(['Kit /tools/', 'Home /', 'About /about/', 'Contact /contact/', 'Source https://git.example.org/me', 'apple /apple/', 'Uses /uses/']);
    expect(await postwrightNav(root, 'index.html')).toEqual(hugo);
  });

  it.skipIf(skipMinima)('Jekyll with minima: every titled page by file name (a titled 404 page too), then header_pages in its order', { timeout: 120_000 }, async () => {
    const root = await tempTree({
      '_config.yml': 'title: Physique\ntheme: minima\nurl: https://example.org\n',
      '_posts/2024-01-01-hello.md': page('title: Hello'),
      'about.md': page('title: About'),
      'seconde.md': page('title: Seconde'),
      'terminale.md': page('title: Terminale S'),
      'c.md': page('title: Cee'),
      'zz-beta.md': page('title: Beta'),
      'b/zzz.md': page('title: Zeta in b'),
      '404.md': page('title: Page not found\npermalink: /404.html'),
      'index.md': page('layout: home', ''),
      'notes.md': 'No front matter: Jekyll copies it as it is, and minima lists no untitled page.\n',
    });
    const minimaNav = async () => {
      const out = path.join(await tempDir(), 'jekyll');
      execFileSync('jekyll', ['build', '-q', '-s', root, '-d', out], { stdio: 'pipe' });
      const { document } = new JSDOM(await readFile(path.join(out, 'index.html'), 'utf8')).window;
      return [...document.querySelectorAll('a.page-link')].map((a) => `${a.textContent} ${a.getAttribute('href')}`);
    };
    const jekyll = await minimaNav();
    expect(jekyll).toEqual(['Page not found /404.html', 'About /about.html', 'Cee /c.html', 'Seconde /seconde.html', 'Terminale S /terminale.html', 'Beta /zz-beta.html', 'Zeta in b /b/zzz.html']);
    expect(await postwrightNav(root, 'index.html')).toEqual(jekyll);

    await writeTree(root, { '_config.yml': 'title: Physique\ntheme: minima\nurl: https://example.org\nheader_pages:\n  - terminale.md\n  - b/zzz.md\n  - about.md\n' });
    const listed = await minimaNav();
    expect(listed).toEqual(['Terminale S /terminale.html', 'Zeta in b /b/zzz.html', 'About /about.html']);
    expect(await postwrightNav(root, 'index.html')).toEqual(listed);
  });
});
