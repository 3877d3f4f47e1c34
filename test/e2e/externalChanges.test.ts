// Another program changes the open post: a clean editor follows quietly; an
// editor with unsaved changes is never overwritten, and the author chooses
// between keeping theirs, taking the disk's, or merging the two by hand.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appForSuite, cursorAtEndOfLine, editorDoc, screenshot, skipE2e } from './browser';
import { openAppWithoutAutosave, openPostFile, wait } from './unsavedEditor';


describe.skipIf(skipE2e)('changes made by another program', { timeout: 60_000 }, () => {
  // No autosave: the editor must stay unsaved while the disk moves on.
  const e2e = appForSuite(openAppWithoutAutosave);

  const open = (path: string) => openPostFile(e2e, path);

  /** Types a line at the end (unsaved), then another program appends its own; returns both texts. */
  async function diverge(path: string) {
    const { page } = e2e;
    const { file, text } = await open(path);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nMy unsaved line.');
    const theirs = `${text}\nTheir line, from another program.\n`;
    await writeFile(file, theirs);
    const note = page.getByRole('status').filter({ hasText: 'changed on disk' });
    await expect.poll(() => note.count(), wait).toBe(1);
    // Never overwritten: the editor still holds my text, unsaved.
    const mine = `${text}\nMy unsaved line.`;
    expect(await editorDoc(page)).toBe(mine);
    await expect.poll(() => page.getByLabel('Unsaved changes').count(), wait).toBe(1);
    return { file, mine, theirs, note };
  }

  async function compare(note: Awaited<ReturnType<typeof diverge>>['note']) {
    await note.getByRole('button', { name: 'Compare versions…' }).click();
    const dialog = e2e.page.getByRole('dialog', { name: 'This post changed on disk' });
    await expect.poll(() => dialog.count(), wait).toBe(1);
    const [mine, theirs] = [dialog.getByLabel('Your version, read only'), dialog.getByLabel('Disk version, read only')];
    expect(await mine.textContent()).toContain('My unsaved line.');
    expect(await theirs.textContent()).toContain('Their line, from another program.');
    const [left, right] = [(await mine.boundingBox())!, (await theirs.boundingBox())!];
    expect(left.x + left.width).toBeLessThanOrEqual(right.x);
    return dialog;
  }

  const copiesOf = async (file: string) => (await readdir(dirname(file))).filter((f) => f.startsWith(basename(file, '.md') + '.conflict-'));

  it('reloads a clean editor quietly: no dialog, no note, nothing unsaved', async () => {
    const { page } = e2e;
    const { file, text } = await open('posts/reading-list-summer-2024.md');
    await writeFile(file, `${text}\nA paragraph from another program.\n`);
    await expect.poll(() => editorDoc(page), wait).toBe(`${text}\nA paragraph from another program.\n`);
    await expect.poll(() => page.getByRole('dialog').count(), wait).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: 'on disk' }).count()).toBe(0);
    await expect.poll(() => page.getByLabel('Unsaved changes').count(), wait).toBe(0);
  });

  it('Keep mine: my text is saved, the disk version is kept as a conflicted copy', async () => {
    const { file, mine, theirs, note } = await diverge('posts/pricing-a-rewrite.md');
    const dialog = await compare(note);
    for (const scheme of ['light', 'dark'] as const) {
      await e2e.page.emulateMedia({ colorScheme: scheme });
      await screenshot(e2e.page, `conflict-dialog-${scheme}-1280`);
    }
    await e2e.page.emulateMedia({ colorScheme: 'light' });
    await dialog.getByRole('button', { name: 'Keep mine' }).click();

    await expect.poll(() => readFile(file, 'utf8'), wait).toBe(mine);
    const copies = await copiesOf(file);
    expect(copies).toHaveLength(1);
    expect(await readFile(join(dirname(file), copies[0]!), 'utf8')).toBe(theirs);
    await expect.poll(() => e2e.page.getByLabel('Unsaved changes').count(), wait).toBe(0);
  });

  it('Take theirs: the editor loads the disk version, my text is kept as a conflicted copy', async () => {
    const { file, mine, theirs, note } = await diverge('posts/why-i-bill-by-the-week.md');
    const dialog = await compare(note);
    await dialog.getByRole('button', { name: 'Take theirs' }).click();

    await expect.poll(() => editorDoc(e2e.page), wait).toBe(theirs);
    await expect.poll(() => e2e.page.getByLabel('Unsaved changes').count(), wait).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(theirs);
    const copies = await copiesOf(file);
    expect(copies).toHaveLength(1);
    expect(await readFile(join(dirname(file), copies[0]!), 'utf8')).toBe(mine);
  });

  it('Merge by hand: both versions in the editor between marks, edited into one, saved over the disk version', async () => {
    const { page } = e2e;
    const { file, mine, theirs, note } = await diverge('_posts/2024-03-18-retries-are-not-a-strategy.md');
    const dialog = await compare(note);
    await dialog.getByRole('button', { name: 'Merge by hand…' }).click();
    await expect.poll(() => dialog.count(), wait).toBe(0);

    const merged = await editorDoc(page);
    expect(merged).toContain('\n<<<<<<< Your version\nMy unsaved line.\n=======\nTheir line, from another program.\n\n>>>>>>> Disk version');
    expect(await page.getByRole('status').filter({ hasText: 'Merging' }).count()).toBe(1);
    // Nothing written yet: the disk still has their version.
    expect(await readFile(file, 'utf8')).toBe(theirs);
    await screenshot(page, 'conflict-merging-light-1280');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 900, height: 700 });
    await screenshot(page, 'conflict-merging-dark-900');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'light' });

    // Keep both lines: delete the three mark lines by hand.
    for (const mark of ['<<<<<<< Your version', '=======', '>>>>>>> Disk version']) {
      await cursorAtEndOfLine(page, mark);
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
    }
    // The marks are gone, and so is the note.
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Merging' }).count(), wait).toBe(0);
    await page.keyboard.press('Control+s');

    const expected = `${mine}\nTheir line, from another program.\n`;
    await expect.poll(() => readFile(file, 'utf8'), wait).toBe(expected);
    await expect.poll(() => page.getByRole('dialog').count(), wait).toBe(0);
    await expect.poll(() => page.getByLabel('Unsaved changes').count(), wait).toBe(0);
    // Saved against the disk version: no conflict, and so no conflicted copy either.
    expect(await copiesOf(file)).toHaveLength(0);
  });
});
