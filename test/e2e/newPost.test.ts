// Creating and opening posts hands the keyboard to the text: + , a title, Enter,
// and what the author types next lands in the new post's body (it once went
// nowhere, and the space pressed + again behind the closed dialog).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appForSuite, editorState, skipE2e } from './browser';
import { screenshotSet } from './screenshotSet';

/** New post, the title typed, Enter; done once the editor holds the new post. */
async function newPostTitled(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'New post' }).first().click();
  await page.keyboard.type(title);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await editorState(page)).doc).toContain(`title: ${title}`);
}

describe.skipIf(skipE2e)('a new or opened post has the caret', () => {
  const e2e = appForSuite();

  it('in the body after New post → title → Enter', async () => {
    const { page } = e2e;
    await newPostTitled(page, 'Typed straight in');
    await page.keyboard.type('First words of the post.');
    const { doc, head } = await editorState(page);
    expect(doc.endsWith('---\nFirst words of the post.') || doc.endsWith('---\n\nFirst words of the post.')).toBe(true);
    expect(head).toBe(doc.length);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('opens New post with Mod-Alt-N in a browser tab, where Chromium keeps Ctrl-N', async () => {
    const { page } = e2e;
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Alt+n');
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await expect.poll(() => dialog.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('has an app menu bar in a browser tab: File → New post… by mouse and by keyboard', async () => {
    const { page } = e2e;
    const bar = page.getByRole('menubar', { name: 'Application menu' });
    await bar.getByRole('menuitem', { name: 'File' }).click();
    const file = page.getByRole('menu', { name: 'File' });
    expect(await file.getByRole('menuitem', { name: /New post…/ }).textContent()).toContain('Ctrl+Alt+N');
    await screenshotSet(page, 'menu-bar');
    await file.getByRole('menuitem', { name: /New post…/ }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await expect.poll(() => dialog.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    // Keyboard: ↓ on a menu title opens it with its first item focused; Esc gives focus back to the title.
    await bar.getByRole('menuitem', { name: 'File' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role="menu"]')?.getAttribute('aria-label'))).toBe('File');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('File');
    expect(await file.count()).toBe(0);
  });

  it('at the start of the body text when a post is opened from the list', async () => {
    const { page, app } = e2e;
    const post = (await app.backend.handlers.posts.list()).find((p) => p.path === 'posts/why-i-bill-by-the-week.md')!;
    await page.getByRole('listbox', { name: 'Posts' }).getByText(post.title, { exact: true }).click();
    await expect.poll(async () => (await editorState(page)).doc).toContain(`title: ${post.title}`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
    await page.keyboard.type('NEW ');
    const { doc } = await editorState(page);
    expect(doc).toMatch(/\n---\n+NEW \S/);
  });

  it('in the title field when the post has no title', async () => {
    const { page } = e2e;
    await newPostTitled(page, 'Soon untitled');
    // Clear the title, go to another post and back: the title field gets the keyboard.
    await page.getByRole('textbox', { name: 'Title' }).fill('');
    await page.getByRole('listbox', { name: 'Posts' }).getByText('Typed straight in', { exact: true }).click();
    await expect.poll(async () => (await editorState(page)).doc).toContain('title: Typed straight in');
    await page.getByRole('listbox', { name: 'Posts' }).getByText('soon-untitled', { exact: false }).first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Title');
  });
});
