import { describe, expect, it } from 'vitest';
import { post } from '../../../helpers/tmp';
import { checkTree, where } from './checkTree';

const target = post({ title: 'Target' }, '\n## Why it matters\n\nText.\n\n<a id="custom-anchor"></a>\n\nA note.[^n]\n\n[^n]: The note.\n');

describe('check: internal links', () => {
  it('accepts links to posts by file, by permalink, relative permalink and by heading id', async () => {
    const body = [
      '# Intro',
      '',
      'See [t](target.md), [t2](./target.md#why-it-matters), [j](../_posts/2024-03-18-retries.md),',
      '[p](/posts/target/), [p2](/posts/retries#h), [rel](../target/), [own](#intro), [custom](target.md#custom-anchor),',
      '[note](target.md#footnote-n), [site](https://example.com/missing.md), [mail](mailto:a@b.c), [file](files/report.pdf).',
    ].join('\n');
    const { problems, posts } = await checkTree({
      'posts/source.md': post({ title: 'Source' }, body),
      'posts/target.md': target,
      'posts/files/report.pdf': 'pdf',
      '_posts/2024-03-18-retries.md': post({ title: 'Retries' }, '## H\n'),
    });
    expect(posts).toBe(3);
    expect(problems).toEqual([]);
  });

  it('reports each broken link at its file, line and column, with what to do', async () => {
    const body = [
      'Intro line.', // line 4
      '',
      'A [missing post](../missing.md) here.',
      '  and [bad anchor](target.md#nope) and [own](#not-here).',
      '[permalink](/posts/gone/) [escape](../../outside.md) [nothing](nothing/)',
      '',
      '> quoted [in quote](gone.md)',
    ].join('\n');
    const { problems } = await checkTree({ 'posts/source.md': post({ title: 'Source', date: '2024-01-02' }, body), 'posts/target.md': target });
    expect(problems.map(where)).toEqual([
      { file: 'posts/source.md', line: 7, column: 3, severity: 'error', kind: 'link' },
      { file: 'posts/source.md', line: 8, column: 7, severity: 'error', kind: 'link' },
      { file: 'posts/source.md', line: 8, column: 40, severity: 'error', kind: 'link' },
      { file: 'posts/source.md', line: 9, column: 1, severity: 'error', kind: 'link' },
      { file: 'posts/source.md', line: 9, column: 27, severity: 'error', kind: 'link' },
      { file: 'posts/source.md', line: 9, column: 54, severity: 'error', kind: 'link' },
      { file: 'posts/source.md', line: 11, column: 10, severity: 'error', kind: 'link' },
    ]);
    const messages = problems.map((p) => p.message);
    expect(messages[0]).toBe('Broken link "../missing.md": no such post. Fix the path or remove the link.');
    expect(messages[1]).toContain('no heading with the id "nope" in posts/target.md. Use a heading\'s id, e.g. #why-it-matters');
    expect(messages[2]).toContain('no heading with the id "not-here" in this post');
    expect(messages[3]).toContain('no post publishes at that address');
    expect(messages[4]).toContain('points outside the workspace');
    expect(messages[5]).toContain('no such post or file');
  });

  it('ignores links inside code blocks and code spans, and finds the real one after them', async () => {
    const body = ['```md', '[in fence](missing-1.md)', '```', '', '    [indented](missing-2.md)', '', 'Use `[span](missing-3.md)` then [real](missing-3.md).'].join('\n');
    const { problems } = await checkTree({ 'a.md': post({ title: 'A' }, body) });
    expect(problems.map(where)).toEqual([{ file: 'a.md', line: 10, column: 33, severity: 'error', kind: 'link' }]);
  });

  it('finds links in lists, tables, footnotes and reference definitions', async () => {
    const body = ['- item', '  - [nested](x.md)', '', '| a |', '|---|', '| [cell](y.md) |', '', 'Use [the ref][r].[^1]', '', '[r]: z.md', '[^1]: Note [fn](w.md).'].join('\n');
    const { problems } = await checkTree({ 'a.md': body });
    expect(problems.map((p) => [p.line, p.column, p.message.match(/"(.*?)"/)![1]])).toEqual([
      [2, 5, 'x.md'],
      [6, 3, 'y.md'],
      [8, 5, 'z.md'],
      [11, 12, 'w.md'],
    ]);
  });

  it('lists skipped folders as "no such post": the output folder, node_modules and dot-folders hold no posts', async () => {
    const { problems } = await checkTree({
      'a.md': '[out](_site/b.md) [dot](.drafts/c.md) [fine](b.md)',
      'b.md': '# B',
      '_site/b.md': '# copy',
      '.drafts/c.md': '# C',
    });
    expect(problems.map((p) => [p.column, p.kind])).toEqual([
      [1, 'link'],
      [19, 'link'],
    ]);
  });

  it('warns about a published post linking to a draft, but not a draft linking to a draft', async () => {
    const { problems } = await checkTree({
      'a.md': post({ title: 'A' }, '[soon](b.md)'),
      'b.md': post({ title: 'B', draft: 'true' }, '[also](c.md)'),
      'c.md': post({ title: 'C', draft: 'true' }),
    });
    expect(problems.map(where)).toEqual([{ file: 'a.md', line: 4, column: 1, severity: 'warning', kind: 'link' }]);
    expect(problems[0]!.message).toContain('b.md, a draft, which is not published');
  });

  it('follows a custom permalink for /… links', async () => {
    const urlOf = (p: { date: string | null; slug: string }) => `/${p.date!.slice(0, 4)}/${p.date!.slice(5, 7)}/${p.slug}/`;
    const { problems } = await checkTree(
      {
        'a.md': post({ title: 'A', date: '2024-03-01' }, '[ok](/2024/05/b/) [old](/posts/b/) [wrong](/2024/05/c/)'),
        'b.md': post({ title: 'B', date: '2024-05-02' }),
      },
      { urlOf },
    );
    // /posts/b/ is not a folder posts publish into under this permalink: no page or redirect is there, said as a warning.
    expect(problems.map((p) => [p.line, p.column, p.severity])).toEqual([[5, 19, 'warning'], [5, 36, 'error']]);
    expect(problems[0]!.message).toContain('no page, file or redirect of the site is at that address');
  });

  it('reports a malformed escape and an empty target', async () => {
    const { problems } = await checkTree({ 'a.md': '[pct](100%.md) [empty]()' });
    expect(problems.map((p) => p.message)).toEqual([
      'Broken link "100%.md": it has a "%" that is not a valid escape. Write a literal % as %25.',
      'Broken link "": it has no target. Put the URL or post file between the parentheses.',
    ]);
  });
});

describe('check: links under the site permalink setting', () => {
  it('resolves permalinks as the build publishes them', async () => {
    const body = '[dated](/2024/03/retries/) and [old style](/posts/retries/).\n';
    const { problems } = await checkTree({
      'postwright.json': JSON.stringify({ permalink: '/:year/:month/:slug/' }),
      'posts/source.md': post({ title: 'Source' }, body),
      '_posts/2024-03-18-retries.md': post({ title: 'Retries' }, 'Text.\n'),
    });
    expect(problems.map(where)).toEqual([{ file: 'posts/source.md', line: 4, column: 32, severity: 'error', kind: 'link' }]);
  });

  it('stops with an error naming the key when the settings are invalid', async () => {
    await expect(checkTree({ 'postwright.json': JSON.stringify({ permalink: '/:nonsense/' }), 'posts/a.md': post({ title: 'A' }, 'Text.\n') })).rejects.toThrow(
      /permalink/,
    );
  });
});
