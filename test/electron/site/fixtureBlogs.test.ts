// The fixture blogs in test/fixtures/blogs/<name>/, each opened as it is and
// built: the hand-written ones (hugo, jekyll, eleventy) and the real ones copied
// from the generators' own blogs (real-*, see each README). For each: every post
// and page its generator publishes, no draft, every URL the generator itself
// served (recorded by running it) served again as a page or a redirect; every
// link, image and template tag that does not come through is one `check` reports.
import { cp, mkdtemp, readFile, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckProblem } from '../../../common/check';
import type { SiteBuildSummary } from '../../../common/site/types';
import { fileOf } from '../../../common/site/permalink';
import { checkWorkspace } from '../../../electron/site/check/check';
import { siteUrls } from '../../../electron/site/check/siteIndex';
import { Workspace } from '../../../electron/workspace/workspace';
import { build, brokenLinks, readTree } from '../../helpers/site';
import { noTrash } from '../../helpers/tmp';
import { inDraftFolder } from '../../../common/blog/classify';
import { readBlogLayout } from '../../../electron/workspace/blogLayout';
import { imagesIn, imagesInSource, templateSyntaxIn } from './fixtureBlogScan';

const FIXTURES = path.join(__dirname, '../../fixtures/blogs');
const DRAFT_MARK = 'DRAFT-TEXT-MUST-NOT-SHIP';

const lines = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '');

describe.each(['hugo', 'jekyll', 'eleventy', 'real-hugo', 'real-jekyll', 'real-eleventy'])('the %s fixture blog', (name) => {
  let work: string;
  let root: string;
  let summary: SiteBuildSummary;
  let tree: Map<string, Buffer>;
  let baseUrl: string;
  let problems: CheckProblem[];
  /** Each built post or page: its file, and its page in the site. */
  let pages: { path: string; page: string; draft: boolean }[];

  beforeAll(async () => {
    work = await realpath(await mkdtemp(path.join(tmpdir(), 'postwright-fixture-')));
    root = path.join(work, name);
    await cp(path.join(FIXTURES, name), root, { recursive: true });
    const out = path.join(work, 'site');
    summary = await build(root, out);
    tree = await readTree(out);
    baseUrl = /<loc>([^<]+)<\/loc>/.exec(tree.get('sitemap.xml')!.toString('utf8'))![1]!;
    const workspace = await Workspace.open(root, noTrash);
    try {
      problems = (await checkWorkspace(workspace)).problems;
      const { urlOf } = await siteUrls(root);
      const layout = readBlogLayout(root);
      pages = (await workspace.list()).map((post) => ({ path: post.path, page: fileOf(urlOf(post).replace(/^\//, '')), draft: post.draft || inDraftFolder(post.path, layout) }));
    } finally {
      await workspace.close();
    }
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  /** Whether `check` reported a problem of one of `kinds` in `file` at `line` (or anywhere in it, with no line). */
  const reported = (file: string, kinds: readonly string[], line?: number) => problems.some((p) => p.file === file && kinds.includes(p.kind) && (line === undefined || p.line === line));

  it('builds every post and page, no draft, and serves every URL its generator served', async () => {
    const expected = JSON.parse(await readFile(path.join(root, 'expected.json'), 'utf8')) as { posts: number; pages: number; drafts: number };
    expect({ posts: summary.posts, pages: summary.pages, drafts: summary.drafts }).toEqual(expected);
    for (const [file, bytes] of tree) expect(bytes.toString('utf8').includes(DRAFT_MARK), file).toBe(false);

    const unserved = new Set(await lines(path.join(root, 'unserved.txt')));
    const missing = (await lines(path.join(root, 'expected-urls.txt'))).filter((url) => !unserved.has(url) && !tree.has(fileOf(url)));
    expect(missing).toEqual([]);
  });

  it('leads every link and image to a file, or check reports it', async () => {
    // A link to a page the blog does not have (the real fixtures are trimmed copies) is fine once check has said so.
    // Feeds make links absolute: the post wrote the site path.
    const sitePath = (raw: string) => {
      const url = new URL(raw, baseUrl);
      return `/${url.pathname.slice(new URL(baseUrl).pathname.length)}${url.hash}`;
    };
    const silent = (await brokenLinks(path.join(work, 'site'), baseUrl)).filter((broken) => {
      const target = broken.slice(broken.indexOf(' → ') + 3);
      return !problems.some((p) => (p.kind === 'link' || p.kind === 'image') && (p.message.includes(`"${target}"`) || p.message.includes(`"${sitePath(target)}"`)));
    });
    expect(silent).toEqual([]);
  });

  it('publishes every image a post or page references where its page points, or check reports it at its line', async () => {
    const lost: string[] = [];
    for (const { path: file, page, draft } of pages) {
      if (draft) continue;
      const html = tree.get(page)?.toString('utf8');
      expect(html, `${file} is built at ${page}`).toBeDefined();
      const shown = imagesIn(html!, new URL(page, baseUrl), baseUrl).filter((published) => tree.has(published));
      for (const { line, src } of imagesInSource(await readFile(path.join(root, file), 'utf8'))) {
        if (reported(file, ['image', 'template'], line)) continue;
        const stem = path.posix.basename(src).replace(/\.[^.]+$/, '');
        if (!shown.some((published) => path.posix.basename(published).startsWith(`${stem}.`))) lost.push(`${file}:${line} ${src}`);
      }
    }
    expect(lost).toEqual([]);
  });

  it('shows no template syntax outside code in pages, descriptions and feeds, unless check warns of it', () => {
    const leaks: string[] = [];
    for (const [file, bytes] of tree) {
      if (!/\.(?:html|xml|json)$/.test(file)) continue;
      for (const tag of templateSyntaxIn(file, bytes.toString('utf8'))) {
        if (!problems.some((p) => p.kind === 'template' && p.message.includes(tag))) leaks.push(`${file}: ${tag}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
