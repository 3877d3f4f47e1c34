// Tags: the blog's tags are offered while typing, and a tag typed in another
// case takes the blog's spelling ("Consulting" and "consulting" were two tags).
import { describe, expect, it } from 'vitest';
import { appForSuite, editorDoc, screenshot, skipE2e } from './browser';

describe.skipIf(skipE2e)('tag suggestions', () => {
  const e2e = appForSuite();

  it('suggests the blog’s tags and folds case to the blog’s spelling', async () => {
    const { page, app } = e2e;
    await app.backend.handlers.posts.create({ title: 'Tagged' });
    await page.getByRole('listbox', { name: 'Posts' }).getByText('Tagged', { exact: true }).click();
    await expect.poll(() => editorDoc(page)).toContain('title: Tagged');
    const panel = page.getByRole('region', { name: 'Front matter' });
    await panel.getByRole('button', { name: 'Details' }).click();
    const suggestions = await panel.locator('datalist option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(suggestions).toEqual(expect.arrayContaining(['consulting', 'pricing']));
    await page.locator('.tag-input').fill('Consulting');
    await page.locator('.tag-input').press('Enter');
    await expect.poll(() => editorDoc(page)).toMatch(/tags: \[?consulting\]?|tags:\n\s+- consulting/);
    expect(await editorDoc(page)).not.toContain('Consulting');
    // Once on the post, it is no longer offered.
    expect(await panel.locator('datalist option[value="consulting"]').count()).toBe(0);
    await screenshot(page, 'tag-suggestions');
  });
});
