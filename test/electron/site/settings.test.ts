import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings, readSiteSettings } from '../../../electron/workspace/settings';
import { DEFAULT_HISTORY_LIMITS } from '../../../electron/workspace/history';
import { tempDir } from '../../helpers/tmp';

async function withSettings(text: string | null) {
  const root = await tempDir();
  if (text !== null) await writeFile(path.join(root, 'postwright.json'), text);
  return root;
}

describe('site settings', () => {
  it('fills in a default for every missing key', async () => {
    expect(await readSiteSettings(await withSettings(null))).toEqual({
      title: 'My blog', description: '', author: '', baseUrl: 'https://example.com/', image: '', language: 'en',
      permalink: '/posts/:slug/', postsPerPage: 10, feedLength: 20, nav: [], output: '_site', rawHtml: 'sanitize',
    });
  });

  it('reads the keys it knows, normalises the base URL and output, and ignores others', async () => {
    const root = await withSettings(JSON.stringify({ title: ' Notes ', baseUrl: 'https://x.org/blog?utm=1', output: './out/', permalink: '/:year/:month/:slug/', postsPerPage: 3, publish: { s3: true } }));
    expect(await readSiteSettings(root)).toMatchObject({ title: 'Notes', baseUrl: 'https://x.org/blog/', output: 'out', permalink: '/:year/:month/:slug/', postsPerPage: 3 });
  });

  it.each([
    [{ postsPerPage: 0 }, '"postsPerPage" must be at least 1'],
    [{ feedLength: 0 }, '"feedLength" must be at least 1'],
    [{ postsPerPage: 'ten' }, '"postsPerPage" must be a number'],
    [{ permalink: '/:nonsense/' }, '"permalink" must be a path such as "/posts/:slug/"'],
    [{ baseUrl: 'ftp://x' }, '"baseUrl" must be an http or https URL'],
    [{ language: 'english!' }, '"language" must be a language tag'],
    [{ rawHtml: 'trusted' }, '"rawHtml" can only be "sanitize": raw HTML in posts is always sanitized, since a blog folder may come from anyone'],
    [{ nav: [{ label: '', url: '/a/' }] }, '"nav[0].label" must not be empty'],
    [{ title: 42 }, '"title" must be text'],
    [{ output: '/tmp/site' }, '"output" must be a folder inside the workspace'],
    [[1, 2], 'must hold one JSON object'],
  ])('rejects %j naming the key', async (raw, message) => {
    await expect(readSiteSettings(await withSettings(JSON.stringify(raw)))).rejects.toMatchObject({ code: 'invalid-arguments', message: expect.stringContaining(message) });
  });

  it('says where JSON is broken, while the post list still opens with defaults', async () => {
    const root = await withSettings('{ "title": "x", }');
    await expect(readSiteSettings(root)).rejects.toThrow(/postwright.json is not valid JSON/);
    expect(await readSettings(root)).toEqual({ outputDir: '_site', history: DEFAULT_HISTORY_LIMITS });
  });
});
