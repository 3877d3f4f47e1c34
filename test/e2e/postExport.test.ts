// Export Post as HTML… and Copy as HTML, from the command palette, in Chromium:
// the unsaved edit is saved first and reaches the page; the page carries no script.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executableMarkup } from '../helpers/hostile';
import { editorDoc, openApp, skipE2e, type E2e } from './browser';
import { runCommand } from './palette';

describe.skipIf(skipE2e)('exporting one post', () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await openApp();
    await e2e.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(e2e.app.bridge.url).origin });
  });
  afterAll(() => e2e?.close());

  it('saves the open edit, then downloads the post as one self-contained page', async () => {
    const { page } = e2e;
    await page.getByRole('listbox', { name: 'Posts' }).getByText('Retries are not a strategy', { exact: true }).click();
    await expect.poll(() => editorDoc(page)).toContain('title: Retries are not a strategy');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nA closing line typed just before the export.');
    const downloading = page.waitForEvent('download');
    await runCommand(e2e.page, 'File: Export post as HTML');
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('retries-are-not-a-strategy.html');
    const html = await readFile((await download.path())!, 'utf8');
    expect(html).toContain('A closing line typed just before the export.');
    expect(html).toMatch(/<style>/);
    // Self-contained: no stylesheet to fetch, and no script but the JSON-LD data block (never executed).
    expect(html).not.toMatch(/<script(?! type="application\/ld\+json")|<link[^>]+stylesheet/i);
    await expect.poll(() => page.locator('.status-bar').textContent()).toContain('Saved ✓');
  });

  it('copies the post to the clipboard as HTML', async () => {
    const { page } = e2e;
    await runCommand(e2e.page, 'Edit: Copy post as HTML');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('<h1 class="post-title p-name">Retries are not a strategy</h1>');
    await expect.poll(() => page.getByText('Copied retries-are-not-a-strategy.html as HTML.').count()).toBe(1);
  });

  it('copies a post whose footnote labels close attributes as HTML with nothing executable in it', async () => {
    const { page } = e2e;
    // Plain markdown, no raw HTML: the label once reached the copied page's aria-label unescaped.
    const label = `x" onmouseover="window.__pwned='copied'" y="`;
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(`\n\nA claim.[^${label}]\n\n[^${label}]: The note.\n`);
    await runCommand(e2e.page, 'Edit: Copy post as HTML');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('The note.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(executableMarkup(copied)).toEqual([]);
    expect(copied).toContain('aria-label="Back to reference x&quot; onmouseover=&quot;window.__pwned=\'copied\'&quot; y=&quot;"');
  });
});
