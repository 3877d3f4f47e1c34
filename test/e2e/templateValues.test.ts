// A real Jekyll post (jekyllrb.com's news, test/fixtures/blogs/real-jekyll) links
// with `{{ site.repository }}`, a _config.yml value. The preview shows the link
// the built site has, not a placeholder: the app gives the preview the same
// template values the build fills in.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, skipE2e, type E2e } from './browser';

const blog = path.join(import.meta.dirname, '../fixtures/blogs/real-jekyll');

describe.skipIf(skipE2e)('template values in the preview', () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await openApp(undefined, blog);
  });
  afterAll(() => e2e?.close());

  it('fills {{ site.repository }} from _config.yml, as the site does', async () => {
    const { page } = e2e;
    await page.getByRole('listbox', { name: 'Posts' }).getByText('Security Fixes for series 3.6, 3.7 and 3.8', { exact: true }).click();
    // The mirror holds the preview's document with its links (the painted frames drop them: clicks are routed).
    const links = () => page.locator('.preview-mirror a').evaluateAll((as) => as.map((a) => `${a.textContent} ${a.getAttribute('href')}`));
    await expect.poll(links).toContain('pull request URL https://github.com/jekyll/jekyll/pull/7224');
    expect(await page.locator('.preview-mirror').textContent()).not.toContain('site.repository');
  });
});
