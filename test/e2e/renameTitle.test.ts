// Rename takes a title and makes the slug from it (it once refused
// "Fly.io Notes, Part 1"); New post says when its title is taken, instead of
// silently making a -2 file.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appForSuite, openFirstPost, screenshot, skipE2e } from './browser';

describe.skipIf(skipE2e)('naming posts', () => {
  const e2e = appForSuite();

  it('renames to the slug of a typed title', async () => {
    const { page, app } = e2e;
    await openFirstPost(e2e);
    await page.getByRole('button', { name: 'Rename' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename post' });
    await dialog.getByLabel('Slug').fill('Fly.io Notes, Part 1');
    expect(await dialog.locator('.hint').textContent()).toBe('Will be renamed to fly-io-notes-part-1, with its assets folder.');
    await screenshot(page, 'rename-title');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => access(join(app.root, 'posts', 'fly-io-notes-part-1.md')).then(() => true, () => false)).toBe(true);
  });

  it('says so when a new post’s title is taken', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: 'New post' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.getByLabel('Title').fill('Retries are not a strategy');
    expect(await dialog.locator('.hint').textContent()).toBe(
      '“Retries are not a strategy” already exists (_posts/2024-03-18-retries-are-not-a-strategy.md). The new post gets its own file, with -2 or a higher number after the name.',
    );
    await dialog.getByLabel('Title').fill('Something new');
    expect(await dialog.locator('.hint').textContent()).toBe('The file name is made from the title. The post starts as a draft.');
    await page.keyboard.press('Escape');
  });
});
