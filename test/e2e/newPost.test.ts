// Creating and opening posts hands the keyboard to the text: + , a title, Enter,
// and what the author types next lands in the new post's body (it once went
// nowhere, and the space pressed + again behind the closed dialog).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorState, openApp, skipE2e, type E2e } from './browser';

describe.skipIf(skipE2e)('a new or opened post has the caret', () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await openApp();
  });
  afterAll(() => e2e?.close());

  it('in the body after New post → title → Enter', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: 'New post' }).first().click();
    await page.keyboard.type('Typed straight in');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await editorState(page)).doc).toContain('title: Typed straight in');
    await page.keyboard.type('First words of the post.');
    const { doc, head } = await editorState(page);
    expect(doc.endsWith('---\nFirst words of the post.') || doc.endsWith('---\n\nFirst words of the post.')).toBe(true);
    expect(head).toBe(doc.length);
    expect(await page.getByRole('dialog').count()).toBe(0);
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
    await page.getByRole('button', { name: 'New post' }).first().click();
    await page.keyboard.type('Soon untitled');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await editorState(page)).doc).toContain('title: Soon untitled');
    // Clear the title, go to another post and back: the title field gets the keyboard.
    await page.getByRole('textbox', { name: 'Title' }).fill('');
    await page.getByRole('listbox', { name: 'Posts' }).getByText('Typed straight in', { exact: true }).click();
    await expect.poll(async () => (await editorState(page)).doc).toContain('title: Typed straight in');
    await page.getByRole('listbox', { name: 'Posts' }).getByText('soon-untitled', { exact: false }).first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Title');
  });
});
