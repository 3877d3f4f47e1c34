// Version history in Chromium: two saves, History lists both replaced
// versions, shows one against the current text, restores it (the file on disk
// gets the old text) and Undo brings the newer text back.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { appForSuite, editorDoc, openFirstPost, screenshot, skipE2e } from './browser';
import { screenshotSet } from './screenshotSet';

describe.skipIf(skipE2e)('History', () => {
  const e2e = appForSuite();

  it('lists the versions saves replaced, diffs one against the text, restores it, and Undo takes the restore back', async () => {
    const { page, app } = e2e;
    const { post, file, original } = await openFirstPost(e2e);

    const saveWith = async (words: string) => {
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(words);
      await page.keyboard.press('Control+s');
      await expect.poll(() => readFile(file, 'utf8')).toBe(await editorDoc(page));
    };
    await saveWith('\nA first added line.');
    const first = await readFile(file, 'utf8');
    await saveWith('\nAnd then a second one, longer.');
    const second = await readFile(file, 'utf8');

    await page.keyboard.press('Control+Shift+Y');
    const dialog = page.getByRole('dialog', { name: `History of ${post.path}` });
    const versions = dialog.getByRole('listbox', { name: 'Versions, newest first' }).getByRole('option');
    await expect.poll(() => versions.count()).toBe(2);
    // Told apart: the time as the OS locale writes it, the size change, and the first line that changed.
    const stamp = await page.evaluate(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.now()));
    const when = `(${stamp.replace(/\d{1,2}:\d{2}.*$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})\\d{1,2}:\\d{2}`;
    expect(await versions.allTextContents()).toEqual([
      expect.stringMatching(new RegExp(`^${when}.*?[\\d,]+ words\\+4 wordsLine \\d+: A first added line\\.$`)),
      expect.stringMatching(new RegExp(`^${when}.*?[\\d,]+ wordsoldest kept$`)),
    ]);
    // The newest is chosen and has the keyboard; the arrow picks the original.
    expect(await versions.first().getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('option');
    await page.keyboard.press('ArrowDown');
    expect(await versions.nth(1).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => dialog.getByLabel('This version, read only').textContent()).toContain(original.split('\n')[1]!);
    // The two lines added since are marked in the current text; none in the original.
    await expect.poll(() => dialog.getByLabel('Current text, read only').locator('.version-line.changed').allTextContents()).toEqual([
      'A first added line.\n',
      'And then a second one, longer.\n',
    ]);
    expect(await dialog.getByLabel('This version, read only').locator('.version-line.changed').count()).toBe(0);

    await screenshotSet(page, 'history');

    await dialog.getByRole('button', { name: 'Restore this version' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => readFile(file, 'utf8')).toBe(original);
    expect(await editorDoc(page)).toBe(original);
    await expect.poll(() => page.getByRole('status').allTextContents()).toContainEqual(expect.stringContaining('Restored the version saved'));
    await screenshot(page, 'history-restored');

    // The restore is one change: one Undo brings the newer text back (unsaved, so nothing is lost either way).
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => editorDoc(page)).toBe(second);
    // The restore was itself a save: the text it replaced is now the newest version.
    const kept = await app.backend.handlers.history.list(post.id);
    expect(kept).toHaveLength(3);
    expect((await app.backend.handlers.history.read(post.id, kept[0]!.id)).text).toBe(second);
    expect((await app.backend.handlers.history.read(post.id, kept[1]!.id)).text).toBe(first);
  });

  it('opens from the palette and says so when a post has no history yet', async () => {
    const { page, app } = e2e;
    const posts = await app.backend.handlers.posts.list();
    await page.getByRole('listbox', { name: 'Posts' }).getByText(posts[1]!.title, { exact: true }).click();
    await expect.poll(() => editorDoc(page)).toContain(posts[1]!.title);
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('History');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `History of ${posts[1]!.path}` });
    await expect.poll(() => dialog.textContent()).toContain('No earlier versions yet');
    await screenshot(page, 'history-empty');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });
});
