// Find in all posts: from the palette, its shortcut and the sidebar's filter;
// the backend searches every post's text; a result opens the post with the
// match selected.
import { describe, expect, it } from 'vitest';
import { appForSuite, editorState, screenshot, skipE2e } from './browser';
import { screenshotSet } from './screenshotSet';

describe.skipIf(skipE2e)('find in all posts', () => {
  const e2e = appForSuite();

  const dialog = () => e2e.page.getByRole('dialog', { name: 'Find in all posts' });

  it('opens from the palette, lists matches with snippets and opens the post with the match selected', async () => {
    const { page } = e2e;
    await page.getByRole('listbox', { name: 'Posts' }).waitFor();
    await page.keyboard.press('Control+Shift+P');
    await page.getByRole('combobox', { name: 'Command palette' }).fill('find in all posts');
    await page.keyboard.press('Enter');
    await dialog().getByRole('combobox').fill('timeouts, 503');
    const options = dialog().getByRole('option');
    await expect.poll(() => options.allTextContents()).toEqual(['37"""Raised for failures worth retrying: timeouts, 503s, dropped connections."""']);
    expect(await dialog().getByRole('status').textContent()).toBe('1 post of 6 match.');
    expect(await dialog().getByRole('group').getAttribute('aria-label')).toBe('Retries are not a strategy');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(async () => {
      const { doc, anchor, head } = await editorState(page);
      return doc.slice(anchor, head);
    }).toBe('timeouts, 503');
    // The editor has the keyboard, so typing replaces the match.
    expect(await page.evaluate(() => document.activeElement?.closest('.cm-editor') !== null)).toBe(true);
  });

  it('opens with Mod-Shift-F, moves with the arrows and says when nothing matches', async () => {
    const { page } = e2e;
    await page.keyboard.press('Control+Shift+F');
    const field = dialog().getByRole('combobox');
    await field.fill('backoff with jitter');
    await expect.poll(() => dialog().getByRole('status').textContent()).toBe('2 posts of 6 match.');
    const options = dialog().getByRole('option');
    expect(await options.count()).toBe(2);
    await screenshotSet(page, 'find-in-posts');
    await page.keyboard.press('ArrowDown');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await field.getAttribute('aria-activedescendant')).toBe(await options.nth(1).getAttribute('id'));
    // Down from the last wraps to the first, as in the palette.
    await page.keyboard.press('ArrowDown');
    expect(await options.nth(0).getAttribute('aria-selected')).toBe('true');
    await field.fill('zebra crossing in the pipeline');
    await expect.poll(() => dialog().getByRole('status').textContent()).toBe('No post contains “zebra crossing in the pipeline” (6 searched).');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
  });

  it('takes the sidebar filter’s words into a search of the text', async () => {
    const { page } = e2e;
    const filter = page.getByRole('searchbox', { name: 'Filter posts' });
    // No title, tag or path says "jitter": the filter alone finds nothing.
    await filter.fill('jitter');
    await expect.poll(() => page.getByText('No posts match.').count()).toBe(1);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await screenshot(page, `find-from-filter-1280-${colorScheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('button', { name: 'Find “jitter” in the text of every post' }).click();
    expect(await dialog().getByRole('combobox').inputValue()).toBe('jitter');
    await expect.poll(() => dialog().getByRole('status').textContent()).toBe('2 posts of 6 match.');
    await dialog().getByRole('option').first().click();
    await expect.poll(async () => {
      const { doc, anchor, head } = await editorState(page);
      return doc.slice(anchor, head).toLowerCase();
    }).toBe('jitter');
  });
});
