// Each generator's menu rules, from config and front matter to the ordered nav,
// through the same code the build runs (detectLayout, summarize, siteModel,
// siteNav) on files held in memory. The configs and front matter are the
// generators' documented examples:
// - Hugo: gohugo.io/configuration/menus/ (Home/Products/Services), gohugo.io/methods/menu/byweight/
//   (About 20, Services 10, Contact 30), gohugo.io/content-management/menus/#define-in-front-matter
//   (`menus: main`, `menus: [main, footer]`), and the Stack theme's front-matter entry
//   (stack.jimmycai.com/config/menu: `menu: { main: { name, weight: -90 } }`);
// - Jekyll: minima's `header_pages` as a real minima site writes it (github.com/dmarsollier/Mon-site-old
//   `_config.yml`: about.md, seconde.md…) and minima 3's `minima.nav_pages`;
// - Eleventy: 11ty.dev/docs/plugins/navigation/ (`eleventyNavigation: { key, title, order, parent }`).
import { describe as suite, expect, it } from 'vitest';
import { detectLayout } from '../../../common/blog/detect';
import type { BlogFiles } from '../../../common/blog/files';
import { siteModel } from '../../../common/site/model';
import { navTarget, siteNav, type NavLink } from '../../../common/site/nav';
import { SiteSettings } from '../../../common/siteSettings';
import { summarize } from '../../../electron/workspace/summary';

/** A blog folder in memory, as the config readers see one. */
function memoryFiles(files: Record<string, string>): BlogFiles {
  return {
    read: (relative) => files[relative] ?? null,
    list: (folder) => {
      const prefix = folder === '' ? '' : `${folder}/`;
      const entries = new Set<string>();
      for (const file of Object.keys(files)) {
        if (!file.startsWith(prefix)) continue;
        const rest = file.slice(prefix.length);
        entries.add(rest.includes('/') ? `${rest.slice(0, rest.indexOf('/'))}/` : rest);
      }
      return [...entries];
    },
  };
}

/** The nav of a blog: "label → where" for each link. */
function navOf(files: Record<string, string>, settings: Record<string, unknown> = {}): { links: string[]; warnings: string[] } {
  const layout = detectLayout(memoryFiles(files));
  const summaries = Object.entries(files)
    .filter(([file]) => /\.md$/.test(file))
    .map(([file, text]) => {
      const { id: _id, modified: _modified, ...summary } = summarize(file, file, text, 0);
      return summary;
    });
  const model = siteModel(summaries, { permalink: '/posts/:slug/' }, { drafts: false, future: false, now: Date.UTC(2030, 0, 1) }, layout);
  const { links, warnings } = siteNav(model.pages, model.posts, layout, SiteSettings.parse(settings));
  return { links: links.map(shown), warnings: warnings.map(({ file, message }) => `${file}: ${message}`) };
}

function shown(link: NavLink): string {
  return 'external' in link ? `${link.label} → ${link.external}` : `${link.label} → /${link.path}${link.suffix}`;
}

const page = (fields: string, body = 'Text.') => `---\n${fields}\n---\n${body}\n`;
const hugoPost = page('title: A post\ndate: 2024-01-01');

suite('Hugo menus', () => {
  it('reads [[menus.main]] from hugo.toml (the docs’ example), resolving pageRef to the page', () => {
    const { links } = navOf({
      'hugo.toml': [
        "baseURL = 'https://example.org/'",
        '[menus]',
        '  [[menus.main]]',
        "    name = 'Home'",
        "    pageRef = '/'",
        '    weight = 10',
        '  [[menus.main]]',
        "    name = 'Products'",
        "    pageRef = '/products'",
        '    weight = 20',
        '  [[menus.main]]',
        "    name = 'Services'",
        "    pageRef = '/services'",
        '    weight = 30',
      ].join('\n'),
      'content/posts/a.md': hugoPost,
      'content/products/index.md': page('title: Our products'),
      'content/services.md': page('title: Services we offer'),
    });
    expect(links).toEqual(['Home → /', 'Products → /products/', 'Services → /services/']);
  });

  it('sorts by weight, as ByWeight does (About 20, Services 10, Contact 30), from menu.main in YAML too', () => {
    const { links } = navOf({
      'hugo.yaml': [
        'menu:',
        '  main:',
        '  - identifier: about',
        '    name: About',
        '    pageRef: /about',
        '    weight: 20',
        '  - identifier: services',
        '    name: Services',
        '    pageRef: /services',
        '    weight: 10',
        '  - identifier: contact',
        '    name: Contact',
        '    pageRef: /contact',
        '    weight: 30',
      ].join('\n'),
      'content/posts/a.md': hugoPost,
      'content/about.md': page('title: About'),
      'content/services.md': page('title: Services'),
      'content/contact.md': page('title: Contact'),
    });
    expect(links).toEqual(['Services → /services/', 'About → /about/', 'Contact → /contact/']);
  });

  it('adds pages whose front matter names the main menu, in every documented form; unweighted entries go last, ties by name', () => {
    const { links } = navOf({
      'hugo.toml': "baseURL = 'https://example.org/'",
      'content/posts/a.md': hugoPost,
      'content/about.md': page('title: About\nmenus: main'),
      'content/contact.md': page('title: Contact\nmenus:\n- main\n- footer'),
      'content/archives.md': page('title: Archives\nmenu:\n  main:\n    name: Everything\n    weight: -90'),
      'content/uses.md': '+++\ntitle = "Uses"\nweight = 5\nlinkTitle = "Tools"\nmenus = "main"\n+++\nTools.\n',
      'content/footer-only.md': page('title: Legal\nmenus: footer'),
      'content/plain.md': page('title: Not in a menu'),
    });
    // -90 and 5 are weights; About and Contact have none (0), so they follow, by name.
    expect(links).toEqual(['Everything → /archives/', 'Tools → /uses/', 'About → /about/', 'Contact → /contact/']);
  });

  it('shows no page links when the site defines no main menu, as a Hugo theme would', () => {
    expect(navOf({ 'hugo.toml': "baseURL = 'https://example.org/'", 'content/posts/a.md': hugoPost, 'content/about.md': page('title: About') }).links).toEqual([]);
  });

  it('warns about a menu entry naming a page that is not published (a draft), and leaves it out', () => {
    const { links, warnings } = navOf({
      'hugo.toml': "[[menus.main]]\nname = 'Drafty'\npageRef = '/drafty'\n[[menus.main]]\nname = 'About'\npageRef = 'about.md'",
      'content/posts/a.md': hugoPost,
      'content/about.md': page('title: About'),
      'content/drafty.md': page('title: Drafty\ndraft: true'),
    });
    expect(links).toEqual(['About → /about/']);
    expect(warnings).toEqual(['hugo.toml: The nav leaves out the menu entry "Drafty": the page /drafty is not published.']);
  });
});

suite('Jekyll (minima) header pages', () => {
  const site = {
    '_posts/2024-01-01-hello.md': page('title: Hello'),
    'about.md': page('title: About'),
    'seconde.md': page('title: Seconde'),
    'terminale.md': page('title: Terminale S'),
    'index.md': page('layout: home'),
    '404.md': page('title: Page not found\npermalink: /404.html'),
    'notes.md': 'No front matter: no title, so minima leaves it out.\n',
  };

  it('lists header_pages in the config’s order', () => {
    const { links } = navOf({ ...site, '_config.yml': 'title: Physique\nheader_pages:\n  - terminale.md\n  - about.md\n  - seconde.md\n' });
    expect(links).toEqual(['Terminale S → /terminale.html', 'About → /about.html', 'Seconde → /seconde.html']);
  });

  it('reads minima 3’s minima.nav_pages, and warns about a listed page that does not exist', () => {
    const { links, warnings } = navOf({ ...site, '_config.yml': 'permalink: pretty\nminima:\n  nav_pages:\n    - seconde.md\n    - gone.md\n' });
    expect(links).toEqual(['Seconde → /seconde/']);
    expect(warnings).toEqual(['_config.yml: The nav leaves out gone.md, listed in header_pages: it is not a published page with a title.']);
  });

  it('without header_pages lists every page with a title, by file name, as minima does (a titled 404 page too)', () => {
    const { links } = navOf({ ...site, '_config.yml': 'title: Physique\n' });
    expect(links).toEqual(['Page not found → /404.html', 'About → /about.html', 'Seconde → /seconde.html', 'Terminale S → /terminale.html']);
  });
});

suite('Eleventy navigation', () => {
  it('lists top-level eleventyNavigation entries by order, showing title or key; children and unordered entries as the plugin places them', () => {
    const { links } = navOf({
      'eleventy.config.js': 'export default function (eleventyConfig) {}\n',
      'blog/post.md': page('title: A post\ntags: posts\ndate: 2024-01-01'),
      'mammals.md': page('title: Mammals\neleventyNavigation:\n  key: Mammals\n  order: 2'),
      'humans.md': page('title: Humans\neleventyNavigation:\n  key: Humans\n  parent: Mammals'),
      'about.md': page('title: About me\neleventyNavigation:\n  key: about\n  title: About\n  order: 1'),
      'reptiles.md': page('title: Reptiles\neleventyNavigation:\n  key: Reptiles'),
      'colophon.md': page('title: Colophon'),
    });
    expect(links).toEqual(['About → /about/', 'Mammals → /mammals/', 'Reptiles → /reptiles/']);
  });
});

suite('Postwright folders', () => {
  it('list every titled page by weight or order, then title; postwright.json nav replaces them', () => {
    const files = {
      'posts/a.md': page('title: A\ndate: 2024-01-01'),
      'pages/uses.md': page('title: Uses'),
      'pages/about.md': page('title: About\nweight: 2'),
      'pages/now.md': page('title: Now\norder: 1'),
      'pages/404.md': page('title: Not found'),
      'pages/untitled.md': 'No title.\n',
    };
    expect(navOf(files).links).toEqual(['Now → /now/', 'About → /about/', 'Uses → /uses/']);
    expect(navOf(files, { nav: [{ label: 'Elsewhere', url: 'https://example.net/x?y=1' }] }).links).toEqual(['Elsewhere → https://example.net/x?y=1']);
  });
});

suite('navTarget', () => {
  it('keeps paths on the site and http(s)/mailto links, and refuses everything else', () => {
    expect(navTarget('/about/')).toEqual({ path: 'about/', suffix: '' });
    expect(navTarget('about')).toEqual({ path: 'about', suffix: '' });
    expect(navTarget('/caf%C3%A9/?a=1#top')).toEqual({ path: 'café/', suffix: '?a=1#top' });
    expect(navTarget('https://Example.org')).toEqual({ external: 'https://example.org/' });
    expect(navTarget('mailto:me@example.com')).toEqual({ external: 'mailto:me@example.com' });
    for (const hostile of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:x', 'file:///etc/passwd', '//evil.example/', '\\\\evil.example\\x', '/%E0%A4%A/']) {
      expect(navTarget(hostile), hostile).toBeNull();
    }
  });
});
