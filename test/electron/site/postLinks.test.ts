// Links between posts in the built site: a relative `.md` path (what the link
// picker inserts), Jekyll's {% post_url %} and {% link %}, Hugo's {{< ref >}}
// and {{< relref >}} all become the target's published address, and follow
// it when it moves, also in a warm rebuild that keeps the linking post's body.
// A standalone export, read away from the site, links to the published site.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderStandalone, standaloneBySlug, workspacePosts } from '../../../electron/site/standalone';
import { build, readTree } from '../../helpers/site';
import { tempDir, tempTree } from '../../helpers/tmp';

/** A Jekyll blog with a post to link to, and a draft; `later` is the linking post's body. */
const jekyllBlog = (later: string[], more: Record<string, string> = {}) =>
  tempTree({
    '_config.yml': 'title: J\nurl: https://j.example.org\npermalink: /:year/:month/:day/:title/\n',
    '_posts/2019-07-02-launch-day.md': '---\ntitle: Launch\n---\nLaunched.\n\n## Details\n',
    '_posts/2020-01-05-later.md': ['---', 'title: Later', '---', ...later].join('\n'),
    '_drafts/wip.md': '---\ntitle: WIP\n---\nDRAFT\n',
    ...more,
  });

const hrefs = (html: string) => [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);

describe('links between posts', () => {
  it('in a standalone export (app and CLI): the published address in full, a draft or a missing post as written', async () => {
    const root = await jekyllBlog([
      'See [the launch](2019-07-02-launch-day.md#details), [again]({% post_url 2019-07-02-launch-day %}),',
      '[a draft](../_drafts/wip.md) and [a lost one](2018-01-01-gone.md).',
    ]);
    const relative = '_posts/2020-01-05-later.md';
    const fromApp = await renderStandalone(root, relative, await readFile(path.join(root, relative)), () => workspacePosts(root));
    const fromCli = await standaloneBySlug(root, 'later');
    for (const { html } of [fromApp, fromCli]) {
      const body = html.slice(html.indexOf('<article'));
      expect(hrefs(body)).toEqual(['https://j.example.org/2019/07/02/launch-day/#details', 'https://j.example.org/2019/07/02/launch-day/', '../_drafts/wip.md', '2018-01-01-gone.md']);
      expect(body).not.toContain('.postwright-ref');
    }
  });

  it('in a standalone export of a post that links to none, without listing the workspace', async () => {
    const root = await tempTree({ 'posts/alone.md': '---\ntitle: Alone\n---\nNo [links](https://example.org/) to posts.\n' });
    const { html } = await renderStandalone(root, 'posts/alone.md', await readFile(path.join(root, 'posts/alone.md')), () => Promise.reject(new Error('listed')));
    expect(hrefs(html.slice(html.indexOf('<article')))).toEqual(['https://example.org/']);
  });

  it('in a Jekyll blog: .md paths, post_url and link become the target URL, and move with it on a warm rebuild', async () => {
    const root = await jekyllBlog(
      [
        'See [the launch](2019-07-02-launch-day.md#details), [again]({% post_url 2019-07-02-launch-day %}),',
        'and [by link]({{ site.baseurl }}{% link _posts/2019-07-02-launch-day.md %}), and [a draft](../_drafts/wip.md).',
        '',
        'A bare one: {% post_url 2019-07-02-launch-day %}',
        '',
        '```',
        '{% post_url 2019-07-02-launch-day %} stays as written in code',
        '```',
      ],
      { 'about.md': '---\ntitle: About\n---\n[Latest](_posts/2020-01-05-later.md)\n' },
    );
    const cacheDir = await tempDir();
    const out = path.join(await tempDir(), 'site');
    await build(root, out, { cacheDir });
    const page = async (file: string) => readFile(path.join(out, file), 'utf8');
    const later = await page('2020/01/05/later/index.html');
    const body = later.slice(later.indexOf('<article'));
    expect(hrefs(body)).toEqual(expect.arrayContaining(['/2019/07/02/launch-day/#details', '/2019/07/02/launch-day/']));
    expect(hrefs(body).filter((href) => href === '/2019/07/02/launch-day/')).toHaveLength(2);
    // The draft is not published: its link stays as written (as the preview shows it; check reports it).
    expect(body).toContain('<a href="../_drafts/wip.md">a draft</a>');
    expect(body).toContain('A bare one: /2019/07/02/launch-day/');
    expect(body).toContain('{% post_url 2019-07-02-launch-day %} stays as written in code');
    expect(body).not.toContain('.postwright-ref');
    expect(hrefs(await page('about.html'))).toContain('/2020/01/05/later/');
    // Feeds carry absolute links.
    expect(await page('feed.xml')).toContain('https://j.example.org/2019/07/02/launch-day/#details');

    // The target moves (a new date): the linking post is unchanged, and its page (and the feed) follow.
    await writeFile(path.join(root, '_posts/2019-07-02-launch-day.md'), '---\ntitle: Launch\ndate: 2019-07-03\n---\nLaunched.\n\n## Details\n');
    const rebuild = await build(root, out, { cacheDir });
    expect(rebuild.rendered).toBe(1);
    const moved = await page('2020/01/05/later/index.html');
    expect(hrefs(moved.slice(moved.indexOf('<article')))).toContain('/2019/07/03/launch-day/#details');
    expect(moved).not.toContain('/2019/07/02/launch-day/');
    expect(await page('feed.xml')).toContain('https://j.example.org/2019/07/03/launch-day/#details');
  });

  it('in a Hugo blog: ref and relref (relative, absolute, bundle, #anchor) and param from front matter then site params', async () => {
    const root = await tempTree({
      'hugo.toml': "baseURL = 'https://h.example.org/blog/'\ntitle = 'H'\n[params]\nrepo = 'https://git.example.org/h'\n[permalinks]\nposts = '/:year/:slug/'\n",
      'content/posts/first.md': '---\ntitle: First One\ndate: 2021-01-01\nslug: one\n---\nFirst.\n',
      'content/posts/bundle/index.md': '---\ntitle: A Bundle\ndate: 2021-02-01\n---\nBundle.\n',
      'content/posts/second.md': [
        '---',
        'title: Second',
        'date: 2021-03-01',
        'mood: calm',
        '---',
        '[rel]({{< relref "first" >}}) [abs]({{< ref "/posts/first.md" >}}) [bundle]({{< ref "bundle" >}}) [anchor]({{< ref "#top" >}})',
        '',
        'Mood {{< param mood >}}, repo {{< param "repo" >}}, missing [{{< param nothing >}}] and [gone]({{< ref "nowhere" >}}).',
      ].join('\n'),
    });
    const out = path.join(await tempDir(), 'site');
    await build(root, out);
    const tree = await readTree(out);
    const second = tree.get('blog/2021/second/index.html')?.toString('utf8') ?? tree.get('2021/second/index.html')!.toString('utf8');
    const body = second.slice(second.indexOf('<article'));
    expect(hrefs(body)).toEqual(expect.arrayContaining(['/blog/2021/one/', '/blog/2021/a-bundle/', '/blog/2021/second/#top']));
    expect(body).toContain('Mood calm, repo https://git.example.org/h, missing [] and');
    expect(body).toContain('<a>gone</a>');
    expect(body).not.toMatch(/\{\{[<%]/);
  });
});
