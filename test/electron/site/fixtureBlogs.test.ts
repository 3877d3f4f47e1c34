// The fixture blogs in test/fixtures/blogs/<generator>/, each opened as it is
// and built: every post and page its generator publishes, no draft, every URL
// the generator itself served (recorded by running it, see each README) served
// again as a page or a redirect, and every local link and image resolving.
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileOf } from '../../../common/site/permalink';
import { build, brokenLinks, readTree } from '../../helpers/site';
import { tempDir } from '../../helpers/tmp';

const FIXTURES = path.join(__dirname, '../../fixtures/blogs');
const DRAFT_MARK = 'DRAFT-TEXT-MUST-NOT-SHIP';

const lines = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '');

describe.each(['hugo', 'jekyll', 'eleventy'])('the %s fixture blog', (generator) => {
  it('builds every post and page, no draft, and serves every URL its generator served', async () => {
    const root = path.join(await tempDir(), generator);
    await cp(path.join(FIXTURES, generator), root, { recursive: true });
    const out = path.join(await tempDir(), 'site');
    const summary = await build(root, out);
    const expected = JSON.parse(await readFile(path.join(root, 'expected.json'), 'utf8')) as { posts: number; pages: number; drafts: number };
    expect({ posts: summary.posts, pages: summary.pages, drafts: summary.drafts }).toEqual(expected);

    const tree = await readTree(out);
    for (const [file, bytes] of tree) expect(bytes.toString('utf8').includes(DRAFT_MARK), file).toBe(false);

    const unserved = new Set(await lines(path.join(root, 'unserved.txt')));
    const missing = (await lines(path.join(root, 'expected-urls.txt'))).filter((url) => !unserved.has(url) && !tree.has(fileOf(url)));
    expect(missing).toEqual([]);

    const settings = await readFile(path.join(out, 'sitemap.xml'), 'utf8');
    const baseUrl = /<loc>([^<]+)<\/loc>/.exec(settings)![1]!;
    expect(await brokenLinks(out, baseUrl)).toEqual([]);
  });
});
