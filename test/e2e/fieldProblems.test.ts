// Front matter that would publish wrongly is flagged in the panel as it is
// typed: an impossible date (it once blanked the date field, silently, and
// listed as "30 Feb 2024"), and a slug another post already has.
import { describe, expect, it } from 'vitest';
import { appForSuite, editorDoc, screenshot, skipE2e } from './browser';
import { screenshotSet } from './screenshotSet';

describe.skipIf(skipE2e)('invalid metadata in the front-matter panel', () => {
  const e2e = appForSuite();

  it('shows an impossible date as written, says why, and lists it as written', async () => {
    const { page, app } = e2e;
    await app.backend.handlers.posts.create({ title: 'Leap' });
    const list = page.getByRole('listbox', { name: 'Posts' });
    await list.getByText('Leap', { exact: true }).click();
    await expect.poll(() => editorDoc(page)).toContain('title: Leap');
    const doc = await editorDoc(page);
    const date = /date: (\S+)/.exec(doc)![1]!;
    // Type the bad date into the YAML, as an author editing the text would.
    const at = doc.indexOf(date);
    await page.locator('.cm-content').click();
    await page.evaluate(
      ({ from, to }) => {
        const content = document.querySelector('.cm-content') as Element & { cmTile?: { root?: { view?: { dispatch(spec: unknown): void } } } };
        content.cmTile!.root!.view!.dispatch({ changes: { from, to, insert: '2024-02-30' } });
      },
      { from: at, to: at + date.length },
    );
    const panel = page.getByRole('region', { name: 'Front matter' });
    await expect.poll(() => panel.textContent()).toContain('The date is not valid');
    await panel.getByRole('button', { name: 'Details' }).click();
    const field = panel.getByLabel('Date');
    expect(await field.inputValue()).toBe('2024-02-30');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await panel.getByRole('status').first().textContent()).toContain('"2024-02-30" does not exist: February 2024 has 29 days');
    await page.keyboard.press('Control+s');
    await expect.poll(() => list.getByRole('option', { name: /Leap/ }).textContent()).toContain('2024-02-30');
    await screenshotSet(page, 'field-problems');
    // Settings has the remote-images control the README describes.
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByLabel('Show remote images in the preview').check();
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'settings-remote-images-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
  });

  it('warns when the slug is another post’s', async () => {
    const { page } = e2e;
    const panel = page.getByRole('region', { name: 'Front matter' });
    await panel.getByLabel('Slug').fill('pricing-a-rewrite');
    await expect.poll(() => panel.getByRole('status').last().textContent()).toBe(
      '“How I price a rewrite (notes, not finished)” already uses the slug pricing-a-rewrite: both would publish to one address. Choose another.',
    );
    expect(await panel.getByLabel('Slug').getAttribute('aria-invalid')).toBe('true');
    await panel.getByLabel('Slug').fill('leap-day');
    await expect.poll(() => panel.getByLabel('Slug').getAttribute('aria-invalid')).toBe(null);
  });
});
