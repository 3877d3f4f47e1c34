// The Check panel in Chromium: run the check, see the problems, jump to one.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledSampleBlog } from '../../electron/appPaths';
import { post } from '../helpers/tmp';
import { openApp, screenshot, skipE2e, type E2e } from './browser';
import { screenshotSet } from './screenshotSet';

describe.skipIf(skipE2e)('the Check panel', () => {
  let source: string;
  let e2e: E2e;
  beforeAll(async () => {
    source = await mkdtemp(join(tmpdir(), 'postwright-check-e2e-'));
    await cp(bundledSampleBlog, source, { recursive: true });
    const body = '\nNotes for the next post.\n\nSee [the retries post](retries.md) and the chart:\n\n![](chart.png)\n';
    await writeFile(join(source, 'posts', 'broken-links.md'), post({ title: 'Broken links', date: '2024-11-31' }, body));
    e2e = await openApp({ width: 1280, height: 800 }, source);
  });
  afterAll(async () => {
    await e2e?.close();
    await rm(source, { recursive: true, force: true });
  });

  it('lists the problems and opens the post at the line of the one chosen', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Check results' });
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 30_000 }).toBe('3 errors and 2 warnings in 7 posts.');
    const items = panel.getByRole('listitem');
    expect(await items.allTextContents()).toEqual([
      expect.stringMatching(/^Errorposts\/broken-links\.md:3The date "2024-11-31" does not exist: November 2024 has 30 days/),
      expect.stringMatching(/^Errorposts\/broken-links\.md:8Broken link "retries\.md": no such post/),
      expect.stringMatching(/^Errorposts\/broken-links\.md:10Missing image "chart\.png"/),
      expect.stringMatching(/^Warningposts\/broken-links\.md:10Image "chart\.png" has no alt text/),
      expect.stringMatching(/^Warningpostwright\.json:5"baseUrl" is https:\/\/example\.com\/, a placeholder/),
    ]);
    await screenshotSet(page, 'check-panel');
    // The problems are reachable by keyboard, after the panel's own buttons.
    await panel.getByRole('button', { name: 'Close check results' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Errorposts\/broken-links\.md:3/);
    await screenshot(page, 'check-panel-keyboard');

    await items.nth(1).getByRole('button').click();
    await expect.poll(() => page.locator('.cm-content').textContent()).toContain('Notes for the next post.');
    await expect.poll(() => page.locator('.status-bar').textContent()).toContain('Ln 8');
    // The cursor is in the editor, on the link.
    expect(await page.evaluate(() => document.activeElement?.closest('.cm-editor') !== null)).toBe(true);
    await screenshot(page, 'check-panel-opened');

    await panel.getByRole('button', { name: 'Check again' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
  });
});
