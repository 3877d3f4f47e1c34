// What the check says of nav entries the build would leave out: each is a
// warning in the file that gives it, and a nav whose entries all resolve is fine.
import { describe, expect, it } from 'vitest';
import { checkTree } from './checkTree';

describe('check: the site nav', () => {
  it('Hugo: a menu entry naming a draft and a javascript: entry are warnings in hugo.toml', async () => {
    const { problems } = await checkTree({
      'hugo.toml': "title = 'H'\n[[menus.main]]\nname = 'Wip'\npageRef = '/wip'\n[[menus.main]]\nname = 'Run'\nurl = 'javascript:alert(1)'\n[[menus.main]]\nname = 'About'\npageRef = '/about'\n",
      'content/posts/a.md': '---\ntitle: A\ndate: 2024-01-01\n---\nx\n',
      'content/about.md': '---\ntitle: About\n---\nMe.\n',
      'content/wip.md': '---\ntitle: Wip\ndraft: true\n---\nSoon.\n',
    });
    const nav = problems.filter((p) => p.message.startsWith('The nav'));
    expect(nav.map((p) => [p.file, p.severity, p.kind, p.message])).toEqual([
      ['hugo.toml', 'warning', 'config', 'The nav leaves out the menu entry "Wip": the page /wip is not published.'],
      ['hugo.toml', 'warning', 'config', 'The nav leaves out the link "Run": "javascript:alert(1)" is neither a path on the site nor an http(s) or mailto link.'],
    ]);
  });

  it('Jekyll: a header page that does not exist is a warning in _config.yml; one that does is fine', async () => {
    const { problems } = await checkTree({
      '_config.yml': 'title: J\nheader_pages:\n  - about.md\n  - contact.md\n',
      '_posts/2024-01-01-a.md': '---\ntitle: A\n---\nx\n',
      'about.md': '---\ntitle: About\n---\nMe.\n',
    });
    expect(problems.filter((p) => p.message.startsWith('The nav')).map((p) => [p.file, p.message])).toEqual([
      ['_config.yml', 'The nav leaves out contact.md, listed in header_pages: it is not a published page with a title.'],
    ]);
  });
});
