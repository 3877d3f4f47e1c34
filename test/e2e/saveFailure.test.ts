// A save the disk refuses, in Chromium: the author is told why and what to do,
// the editor keeps every typed word (still marked unsaved), the file is left as
// it was, and the next save after the cause is fixed goes through.
import { chmod, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { appForSuite, editorDoc, openFirstPost, screenshot, skipE2e } from './browser';

describe.skipIf(skipE2e)('a refused save', () => {
  const e2e = appForSuite();

  it('says why, keeps the buffer and the file, and saves once the file is writable again', async () => {
    const { page } = e2e;
    const { post, file, original } = await openFirstPost(e2e);

    await chmod(file, 0o444);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nWords the disk would not take.');
    const typed = await editorDoc(page);
    await page.keyboard.press('Control+s');

    const alert = page.getByRole('alert');
    await expect.poll(() => alert.allTextContents()).toContainEqual(
      expect.stringMatching(new RegExp(`${post.path.replace(/[.]/g, '\\.')} cannot be saved: the file is marked read-only.*make it writable`)),
    );
    expect(await editorDoc(page)).toBe(typed);
    // The alert can render a frame before the failed save clears `saving`: wait for the marker.
    await expect.poll(() => page.getByRole('status', { name: 'Unsaved changes' }).count()).toBe(1);
    expect(await readFile(file, 'utf8')).toBe(original);
    await screenshot(page, 'save-refused');

    await chmod(file, 0o644);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+s');
    await expect.poll(() => readFile(file, 'utf8')).toBe(typed);
    await expect.poll(() => page.locator('.save-state').textContent()).toBe('Saved ✓');
  });
});
