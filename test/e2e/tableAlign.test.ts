// Table columns aligned with `|---:|` and `|:---:|` keep their alignment in the
// preview and on the built site: the theme once forced every cell to the left.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../helpers/site';
import { openApp, skipE2e, type E2e } from './browser';

const table = '| Stage | Minutes | Share |\n|:---|---:|:---:|\n| Tests | 22 | 55% |\n';
/** Each header and body cell's computed alignment; `align="right"` computes to Chromium's `-webkit-right`. */
const alignments = () =>
  [...document.querySelectorAll('.post-body table th, .post-body table td')].map((cell) => getComputedStyle(cell).textAlign.replace('-webkit-', ''));
const expected = ['left', 'right', 'center', 'left', 'right', 'center'];

describe.skipIf(skipE2e)('aligned table columns', () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await openApp();
    await writeFile(join(e2e.app.root, 'posts', 'aligned.md'), `---\ntitle: Aligned\ndate: 2024-01-01\n---\n\n${table}`);
  });
  afterAll(() => e2e?.close());

  it('are aligned in the preview', async () => {
    const { page } = e2e;
    await page.getByRole('listbox', { name: 'Posts' }).getByText('Aligned', { exact: true }).click();
    const shown = async () => {
      for (const frame of page.frames()) {
        const found = await frame.evaluate(alignments).catch(() => []);
        if (found.length) return found;
      }
      return [];
    };
    await expect.poll(shown, { timeout: 10_000 }).toEqual(expected);
  });

  it('are aligned on the built site', async () => {
    const { page, app } = e2e;
    const out = join(app.root, '_site');
    await build(app.root, out);
    const site = await e2e.context.newPage();
    // The site links its CSS from its root, so it is served (from the build folder, through Playwright's router) rather than opened as files.
    await site.route('**/*', async (route) => {
      const path = new URL(route.request().url()).pathname;
      await route.fulfill({ path: join(out, path.endsWith('/') ? `${path}index.html` : path) });
    });
    await site.goto('http://site.test/posts/aligned/');
    expect(await site.evaluate(() => [...document.styleSheets].some((sheet) => sheet.cssRules.length > 0))).toBe(true); // the theme loaded
    expect(await site.evaluate(alignments)).toEqual(expected);
    await site.close();
    expect(page.isClosed()).toBe(false);
  });
});
