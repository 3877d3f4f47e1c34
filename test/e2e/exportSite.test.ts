// File → Export Site… (here from the command palette, which runs the same
// command as the native menu): options, progress, then a summary; the site is
// on disk in the workspace's output folder.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appForSuite, screenshot, skipE2e } from './browser';
import { runCommand } from './palette';

describe.skipIf(skipE2e)('exporting the site from the app', () => {
  const e2e = appForSuite();

  it('builds the sample blog into _site and says what it did', async () => {
    const { page, app } = e2e;
    await page.getByRole('listbox', { name: 'Posts' }).getByText('Retries are not a strategy').waitFor();
    await runCommand(page, 'File: Export site');

    const dialog = page.getByRole('dialog', { name: 'Export site' });
    await expect.poll(() => dialog.textContent()).toContain('_site');
    await screenshot(page, 'export-site-ready');
    await dialog.getByRole('button', { name: 'Export' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 15_000 }).toMatch(/Built 4 posts and 1 page into .*: \d+ files, \d+ written, in [\d.]+ s\./);
    expect(await dialog.textContent()).toContain('Left out 1 draft.');
    await screenshot(page, 'export-site-built');

    const index = await readFile(join(app.root, '_site', 'index.html'), 'utf8');
    expect(index).toContain('Retries are not a strategy');
    expect(existsSync(join(app.root, '_site', 'feed.xml'))).toBe(true);
    // The output folder stays out of the post list.
    expect((await app.backend.handlers.posts.list()).some((p) => p.path.startsWith('_site/'))).toBe(false);

    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  });
});
