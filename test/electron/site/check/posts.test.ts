// Problems with a post as a whole: its slug, its dates, its front matter.
import { describe, expect, it } from 'vitest';
import { post } from '../../../helpers/tmp';
import { checkTree, where } from './checkTree';

describe('check: duplicate slugs', () => {
  it('names both files, at their slug lines, when two posts publish to one URL', async () => {
    const { problems } = await checkTree({
      'posts/first.md': post({ title: 'First', date: '2024-01-01', slug: 'same' }),
      '_posts/2024-02-02-same.md': post({ title: 'Second' }),
      'posts/other.md': post({ title: 'Other' }),
    });
    expect(problems.map(where)).toEqual([
      { file: '_posts/2024-02-02-same.md', line: 1, column: undefined, severity: 'error', kind: 'slug' },
      { file: 'posts/first.md', line: 4, column: undefined, severity: 'error', kind: 'slug' },
    ]);
    expect(problems[0]!.message).toBe(
      'Duplicate slug "same": posts/first.md also publishes to /posts/same/. Give one of them a different slug.',
    );
    expect(problems[1]!.message).toContain('_posts/2024-02-02-same.md also publishes to /posts/same/');
  });

  it('only warns when a draft is involved, and respects the permalink', async () => {
    const drafts = await checkTree({ 'a/x.md': post({ title: 'A', draft: 'true' }), 'b/x.md': post({ title: 'B' }) });
    expect(drafts.problems.map((p) => [p.file, p.severity])).toEqual([
      ['a/x.md', 'warning'],
      ['b/x.md', 'warning'],
    ]);
    expect(drafts.problems[0]!.message).toContain('once the drafts are published');
    const byYear = await checkTree(
      { 'a/x.md': post({ title: 'A', date: '2023-01-01' }), 'b/x.md': post({ title: 'B', date: '2024-01-01' }) },
      { urlOf: (p) => `/${p.date!.slice(0, 4)}/${p.slug}/` },
    );
    expect(byYear.problems).toEqual([]);
  });
});

describe('check: dates', () => {
  it.each([
    ['2024-02-30', 'does not exist: February 2024 has 29 days'],
    ['2023-02-29', 'does not exist: February 2023 has 28 days'],
    ['2024-13-01', 'has no month 13'],
    ['2024-04-31', 'does not exist: April 2024 has 30 days'],
    ['2024-03-18T25:00', 'has a time that does not exist'],
    ['next tuesday', 'is not a date'],
    ['18/03/2024', 'is not a date'],
  ])('reports %s at the date line', async (date, why) => {
    const { problems } = await checkTree({ 'a.md': `---\ntitle: A\ntags: [x]\ndate: ${date}\n---\nBody\n` });
    expect(problems.map(where)).toEqual([{ file: 'a.md', line: 4, column: undefined, severity: 'error', kind: 'date' }]);
    expect(problems[0]!.message).toBe(`The date "${date}" ${why}. Write it as YYYY-MM-DD, e.g. 2024-03-18, optionally with a time: 2024-03-18T09:30.`);
  });

  it('accepts real dates, leap days and times with zones; checks `updated` and Jekyll file names too', async () => {
    const { problems } = await checkTree({
      'ok.md': post({ title: 'Ok', date: '2024-02-29T23:59:59+02:00', updated: '2024-3-1' }),
      'plain.md': post({ title: 'Plain' }),
      'bad.md': post({ title: 'Bad', date: '2024-01-01', updated: '2024' }),
      '_posts/2023-02-29-leap.md': post({ title: 'Leap' }),
    });
    expect(problems.map((p) => [p.file, p.line, p.message])).toEqual([
      [
        '_posts/2023-02-29-leap.md',
        1,
        'The date in the file name, 2023-02-29, does not exist: February 2023 has 28 days. Rename the file with a real date.',
      ],
      ['bad.md', 4, 'The updated "2024" is not a date. Write it as YYYY-MM-DD, e.g. 2024-03-18, optionally with a time: 2024-03-18T09:30.'],
    ]);
  });
});

describe('check: front matter', () => {
  it('reports the listing\'s front-matter error at its line, and still checks the body', async () => {
    const { problems } = await checkTree({ 'a.md': '---\ntitle: A\ntags: [unclosed\n---\n![](gone.png)\n' });
    expect(problems.map(where)).toEqual([
      { file: 'a.md', line: 4, column: undefined, severity: 'error', kind: 'front-matter' },
      { file: 'a.md', line: 5, column: 1, severity: 'error', kind: 'image' },
      { file: 'a.md', line: 5, column: 1, severity: 'warning', kind: 'alt-text' },
    ]);
    expect(problems[0]!.message).toMatch(/^Front matter line 4: .*Fix the YAML there/);
  });

  it('reports a file that is not UTF-8 (once) and a TOML block that does not parse', async () => {
    const { problems } = await checkTree({
      'latin1.md': new Uint8Array([0x23, 0x20, 0xe9, 0x0a]),
      'toml.md': '+++\ntitle = "x"\n+++\n',
      'bad-toml.md': '+++\ntitle = "x"\ndraft = yes\n+++\n',
    });
    expect(problems.map((p) => [p.file, p.line, p.kind])).toEqual([
      ['bad-toml.md', 3, 'front-matter'],
      ['latin1.md', 1, 'unreadable'],
    ]);
  });
});

describe('check: conflict marks', () => {
  it('reports an unfinished merge at its first mark, and leaves marks in fenced code and setext headings alone', async () => {
    const { problems } = await checkTree({
      'posts/merging.md': post({ title: 'Merging' }, '\nIntro\n<<<<<<< Your version\nmine\n=======\ntheirs\n>>>>>>> Disk version\n'),
      'posts/about-git.md': post({ title: 'About git' }, '\n```\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> branch\n```\n\nA heading\n=======\n'),
    });
    const conflicts = problems.filter((p) => p.kind === 'conflict');
    expect(conflicts.map(where)).toEqual([{ file: 'posts/merging.md', line: 6, column: undefined, severity: 'error', kind: 'conflict' }]);
    expect(conflicts[0]!.message).toMatch(/^Lines 6–10 are an unfinished merge.*Accept mine, Accept theirs or Keep both/);
  });
});

describe('check: the result', () => {
  it('is sorted by file then line, and counts the posts', async () => {
    const { problems, posts } = await checkTree({
      'b.md': '![](x.png)\n\n[a](nope.md)',
      'a.md': post({ title: 'A', date: 'soon' }, '[z](z.md)'),
    });
    expect(posts).toBe(2);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column ?? ''}:${p.kind}`)).toEqual([
      'a.md:3::date',
      'a.md:5:1:link',
      'b.md:1:1:image',
      'b.md:1:1:alt-text',
      'b.md:3:1:link',
    ]);
  });
});

describe('check: tags', () => {
  it('warns where a tag is written in another case than most posts write it', async () => {
    const { problems } = await checkTree({
      'posts/a.md': post({ title: 'A', tags: '[Consulting, ops]' }, 'A.'),
      'posts/b.md': post({ title: 'B', tags: '[consulting]' }, 'B.'),
      'posts/c.md': post({ title: 'C', tags: '[consulting, Ops]' }, 'C.'),
    });
    expect(problems.map((p) => [p.file, p.kind, p.severity, p.message])).toEqual([
      ['posts/a.md', 'tag', 'warning', 'Tag "Consulting" is written "consulting" in other posts; the site makes one tag page of both. Write it "consulting".'],
      ['posts/c.md', 'tag', 'warning', 'Tag "Ops" is written "ops" in other posts; the site makes one tag page of both. Write it "ops".'],
    ]);
  });
});
