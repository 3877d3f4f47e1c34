// Forgiving edits in Chromium: Undo after Delete (the toast's button and
// Mod-Z), an outside edit to other lines merged into unsaved text, and
// conflict blocks shown as conflicts with Accept mine / theirs / Keep both.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { appForSuite, cursorAtEndOfLine, editorDoc, skipE2e } from './browser';
import { screenshotSet } from './screenshotSet';
import { openAppWithoutAutosave, openPostFile, wait } from './unsavedEditor';

describe.skipIf(skipE2e)('forgiving edits', { timeout: 90_000 }, () => {
  // No autosave: the editor must stay unsaved while the disk moves on.
  const e2e = appForSuite(openAppWithoutAutosave);

  const open = (path: string) => openPostFile(e2e, path);

  async function deleteOpenPost() {
    const { page } = e2e;
    await page.getByRole('button', { name: 'Delete post' }).click();
    await page.getByRole('dialog', { name: 'Delete post' }).getByRole('button', { name: 'Move to Trash' }).click();
  }

  it('Undo after Delete puts the post back as it was and reopens it; Mod-Z outside the editor does the same', async () => {
    const { page } = e2e;
    const { post, file, text } = await open('posts/pricing-a-rewrite.md');
    const before = await stat(file);
    await deleteOpenPost();
    const toast = page.getByRole('status').filter({ hasText: `Moved ${post.path} to the Trash.` });
    await expect.poll(() => toast.count(), wait).toBe(1);
    await expect.poll(() => stat(file).then(() => true, () => false), wait).toBe(false);
    await screenshotSet(page, 'undo-delete-toast');

    // The button is a real button, reached from the keyboard.
    await toast.getByRole('button', { name: 'Undo' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => readFile(file, 'utf8').catch(() => null), wait).toBe(text);
    // Back with its modification time (to the millisecond: utimes keeps no finer).
    expect(Math.abs((await stat(file)).mtimeMs - before.mtimeMs)).toBeLessThan(1);
    await expect.poll(() => editorDoc(page), wait).toBe(text);
    await expect.poll(() => page.getByRole('listbox', { name: 'Posts' }).getByText(post.title, { exact: true }).count(), wait).toBe(1);
    await expect.poll(() => page.getByRole('status').filter({ hasText: `Restored ${post.path}.` }).count(), wait).toBe(1);
    expect(await toast.count()).toBe(0);
    // The restored post has the keyboard, as an opened post does.
    expect(await page.evaluate(() => document.activeElement?.closest('.cm-editor') !== null)).toBe(true);

    // Again with the keyboard alone: after the delete the post list has focus, and Mod-Z undoes it.
    await deleteOpenPost();
    await expect.poll(() => stat(file).then(() => true, () => false), wait).toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')), wait).toBe('option');
    await page.keyboard.press('Control+z');
    await expect.poll(() => readFile(file, 'utf8').catch(() => null), wait).toBe(text);
    await expect.poll(() => editorDoc(page), wait).toBe(text);
  });

  it('merges an outside edit to other lines into unsaved text, saying what came in', async () => {
    const { page } = e2e;
    const { file, text } = await open('posts/why-i-bill-by-the-week.md');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nMy unsaved closing line.');
    // Another program rewrites the title line, far from mine.
    const theirs = text.replace(/^title: .*$/m, 'title: Why I bill by the week (revised)');
    expect(theirs).not.toBe(text);
    await writeFile(file, theirs);

    const merged = `${theirs}\nMy unsaved closing line.`;
    await expect.poll(() => editorDoc(page), wait).toBe(merged);
    const notice = page.getByRole('status').filter({ hasText: 'changed on disk while you were writing' });
    await expect.poll(() => notice.count(), wait).toBe(1);
    expect(await notice.textContent()).toContain('Took in 1 line added, 1 line removed, from line 2 (“title: Why I bill by the week (revised)”)');
    // No dialog and no note: nothing to decide. Still unsaved: my line is not on disk yet.
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: 'in lines you also changed' }).count()).toBe(0);
    expect(await page.getByLabel('Unsaved changes').count()).toBe(1);
    await screenshotSet(page, 'merge-outside-notice');

    await page.keyboard.press('Control+s');
    await expect.poll(() => readFile(file, 'utf8'), wait).toBe(merged);
    await expect.poll(() => page.getByLabel('Unsaved changes').count(), wait).toBe(0);
  });

  it('shows conflict blocks as conflicts, with Accept mine / Accept theirs / Keep both by mouse and keyboard', async () => {
    const { page, app } = e2e;
    const { post, file, text } = await open('_posts/2024-03-18-retries-are-not-a-strategy.md');
    // Two places changed on both sides: the end of the post, and its first body paragraph.
    const body = text.split('\n');
    const first = body.findIndex((line, i) => i > 4 && line.trim().length > 20);
    const mineLines = [...body];
    mineLines[first] = 'My opening, rewritten.';
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(`${mineLines.join('\n')}\nMy closing line.`);
    const theirsLines = [...body];
    theirsLines[first] = 'Their opening, rewritten.';
    await writeFile(file, `${theirsLines.join('\n')}\nTheir closing line.`);
    const note = page.getByRole('status').filter({ hasText: 'in lines you also changed' });
    await expect.poll(() => note.count(), wait).toBe(1);
    await note.getByRole('button', { name: 'Compare versions…' }).click();
    await page.getByRole('dialog', { name: 'This post changed on disk' }).getByRole('button', { name: 'Merge by hand…' }).click();

    // The editor draws only what is in view: the first block's actions are there, the second is further down.
    const firstGroup = page.getByRole('group', { name: 'Conflict 1 of 2' });
    await expect.poll(() => firstGroup.count(), wait).toBe(1);
    expect(await firstGroup.textContent()).toBe('Conflict 1 of 2Accept mineAccept theirsKeep both');
    // The line above ======= is shown as text in a conflict, not as a setext heading.
    const mineLine = page.locator('.cm-conflict-mine').first();
    expect(await mineLine.textContent()).toBe('My opening, rewritten.');
    const [mineSize, plainSize] = await Promise.all([
      mineLine.evaluate((el) => getComputedStyle(el.querySelector('span') ?? el).fontSize),
      page.locator('.cm-line').filter({ hasText: 'Their opening, rewritten.' }).evaluate((el) => getComputedStyle(el).fontSize),
    ]);
    expect(mineSize).toBe(plainSize);
    expect(await page.locator('.cm-conflict-theirs').first().textContent()).toBe('Their opening, rewritten.');
    // The preview shows the two versions under their labels too, and no heading made of the mark lines.
    const previewed = async () => {
      for (const frame of page.frames()) {
        const found = await frame
          .evaluate(() => ({
            sides: [...document.querySelectorAll('.conflict .conflict-side')].map((side) => side.textContent?.replace(/\s+/g, ' ').trim()),
            headings: [...document.querySelectorAll('h1, h2')].map((h) => h.textContent ?? ''),
          }))
          .catch(() => null);
        if (found?.sides.length) return found;
      }
      return null;
    };
    await expect.poll(previewed, wait).toMatchObject({
      sides: ['Your version My opening, rewritten.', 'Disk version Their opening, rewritten.', 'Your version My closing line.', 'Disk version Their closing line.'],
    });
    expect((await previewed())!.headings.filter((h) => h.includes('<<<<<<<'))).toEqual([]);
    await screenshotSet(page, 'conflict-blocks');

    // Check refuses the post while it is on disk with marks: save the merge unfinished, then check.
    await page.keyboard.press('Control+s');
    await expect.poll(() => readFile(file, 'utf8'), wait).toContain('<<<<<<< Your version');
    const problems = (await app.backend.handlers.site.check()).problems.filter((p) => p.kind === 'conflict');
    expect(problems.map((p) => [p.file, p.severity])).toEqual([
      [post.path, 'error'],
      [post.path, 'error'],
    ]);

    // The first block by mouse: Accept theirs.
    await firstGroup.getByRole('button', { name: 'Accept theirs' }).click();
    // The second by keyboard: the caret is placed in it, then Mod-Alt-M keeps mine.
    await cursorAtEndOfLine(page, 'My closing line.');
    await expect.poll(() => page.getByRole('group', { name: 'Conflict 1 of 1' }).count(), wait).toBe(1);
    await page.keyboard.press('Control+Alt+m');
    await expect.poll(() => page.getByRole('group', { name: /^Conflict/ }).count(), wait).toBe(0);
    const resolved = await editorDoc(page);
    expect(resolved).toContain('Their opening, rewritten.');
    expect(resolved).not.toContain('My opening, rewritten.');
    expect(resolved).toContain('My closing line.');
    expect(resolved).not.toContain('Their closing line.');
    expect(resolved).not.toMatch(/^(<{7}|={7}|>{7})/m);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Merging' }).count(), wait).toBe(0);
    await page.keyboard.press('Control+s');
    await expect.poll(() => readFile(file, 'utf8'), wait).toBe(resolved);
    expect((await app.backend.handlers.site.check()).problems.filter((p) => p.kind === 'conflict')).toEqual([]);
  });
});
