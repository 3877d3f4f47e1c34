// What the check says of template tags and addresses that only the whole site
// can judge: links to posts by post_url/link/ref, {{< param >}}, and absolute
// links to addresses that no page, file or redirect of the site serves.
import { describe, expect, it } from 'vitest';
import { checkTree, where } from './checkTree';

describe('check: links that need the whole site', () => {
  it('Jekyll: a post_url or link to no post, or to a draft, is a warning at its line; resolving ones are fine', async () => {
    const { problems } = await checkTree({
      '_config.yml': 'title: J\n',
      '_posts/2019-07-02-launch.md': '---\ntitle: Launch\n---\nx\n',
      '_drafts/wip.md': '---\ntitle: WIP\n---\nx\n',
      '_posts/2020-01-01-later.md': [
        '---',
        'title: Later',
        '---',
        '[ok]({% post_url 2019-07-02-launch %}) [ok]({{ site.baseurl }}{% link _posts/2019-07-02-launch.md %})',
        '[typo]({% post_url 2019-07-02-lunch %})',
        '[draft]({% link _drafts/wip.md %})',
        '`{% post_url nothing %}` in code is text',
      ].join('\n'),
    });
    expect(problems.map(where)).toEqual([
      { file: '_posts/2020-01-01-later.md', line: 5, column: 8, severity: 'warning', kind: 'template' },
      { file: '_posts/2020-01-01-later.md', line: 6, column: 9, severity: 'warning', kind: 'template' },
    ]);
    expect(problems[0]!.message).toContain('{% post_url 2019-07-02-lunch %} names no post or page in the workspace');
    expect(problems[1]!.message).toContain('goes to _drafts/wip.md, a draft');
  });

  it('Hugo: ref/relref that find nothing, and params neither the post nor hugo.toml has, are warnings', async () => {
    const { problems } = await checkTree({
      'hugo.toml': "title = 'H'\n[params]\nRepo = 'https://git.example.org'\n",
      'content/posts/a.md': '---\ntitle: A\nmood: calm\n---\nx\n',
      'content/posts/b.md': [
        '---',
        'title: B',
        'mood: calm',
        '---',
        '{{< ref "a" >}} {{< relref "/posts/a.md" >}} {{< ref "#x" >}} {{< param mood >}} {{< param repo >}}',
        '{{< ref "nope" >}} {{< param colour >}}',
      ].join('\n'),
    });
    expect(problems.map((p) => [p.line, p.column, p.kind])).toEqual([
      [6, 1, 'template'],
      [6, 20, 'template'],
    ]);
    expect(problems[1]!.message).toContain('neither this post\'s front matter nor the site\'s params have "colour"');
  });

  it('absolute links: to a redirect, a tag page, a feed or a static file are served; to nothing is a warning', async () => {
    const { problems } = await checkTree({
      'hugo.toml': "title = 'H'\n[permalinks]\nposts = '/:year/:month/:slug/'\n",
      'static/images/chart.png': 'png',
      'content/posts/a.md': '---\ntitle: A\nslug: a\ndate: 2021-05-01\ntags: [go]\naliases: [/old/a/]\n---\nx\n',
      'content/posts/b.md': [
        '---',
        'title: B',
        'date: 2021-06-01',
        '---',
        '[post](/2021/05/a/) [alias](/old/a/) [tag](/tags/go/) [feed](/feed.xml) [png](/images/chart.png) [home](/) [page 2](/page/2/)',
        '[gone](/2015/05/21/name/)',
      ].join('\n'),
    });
    expect(problems.map(where)).toEqual([{ file: 'content/posts/b.md', line: 6, column: 1, severity: 'warning', kind: 'link' }]);
    expect(problems[0]!.message).toContain('no page, file or redirect of the site is at that address');
  });
});
