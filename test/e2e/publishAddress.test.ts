// Publishing the sample blog, whose baseUrl is the placeholder
// https://example.com/, asks first: why (feeds, sitemap and share links would
// point there), with the way to fix it in Publish settings. Once the address
// is real, Publish goes straight through.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareRepo } from '../helpers/gitRemote';
import { openApp, skipE2e, type E2e } from './browser';
import { addressQuestion } from './placeholderAddress';
import { screenshotSet } from './screenshotSet';

describe.skipIf(skipE2e)('publishing under a placeholder site address', () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await openApp();
    const remote = await bareRepo();
    await e2e.app.backend.handlers.publish.saveTarget('pages', { type: 'git', remote: remote.url });
    await e2e.page.getByRole('listbox', { name: 'Posts' }).getByText('Retries are not a strategy').waitFor();
  });
  afterAll(() => e2e?.close());

  it('asks with the reason, leads to the Site address in Publish settings, and publishes once it is real', { timeout: 90_000 }, async () => {
    const { page, app } = e2e;
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Publish' });
    const asked = panel.getByRole('group', { name: addressQuestion });
    await expect.poll(() => asked.textContent(), { timeout: 30_000 }).toContain('is still the placeholder https://example.com/: feeds, the sitemap and links shared from the site would point there');
    expect(await panel.getByRole('status').textContent()).toBe('Not published yet');
    // The fix has the keyboard; publishing anyway takes a deliberate move.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Set the site address…');
    await screenshotSet(page, 'publish-placeholder-address');
    expect(await app.backend.handlers.publish.targets()).toMatchObject({ targets: [{ name: 'pages', last: null }] });

    await page.keyboard.press('Enter');
    const settings = page.getByRole('dialog', { name: 'Publish settings' });
    const field = settings.getByRole('textbox', { name: 'Site address' });
    await expect.poll(() => field.inputValue()).toBe('https://example.com/');
    expect(await settings.textContent()).toContain('is still the placeholder https://example.com/');
    await screenshotSet(page, 'publish-settings-site-address');
    await field.fill('ftp://fieldnotes.ines.dev');
    await settings.getByRole('button', { name: 'Save address' }).click();
    await expect.poll(() => settings.getByRole('alert').textContent()).toBe('The site address must be an http or https URL, such as "https://example.com/"; postwright.json was not changed.');
    await field.fill('https://fieldnotes.ines.dev');
    await settings.getByRole('button', { name: 'Save address' }).click();
    await expect.poll(() => field.inputValue()).toBe('https://fieldnotes.ines.dev/');
    const file = JSON.parse(await readFile(join(app.root, 'postwright.json'), 'utf8')) as { baseUrl: string; title: string; publish: { targets: object } };
    expect(file).toMatchObject({ baseUrl: 'https://fieldnotes.ines.dev/', title: 'Field Notes', publish: { targets: { pages: { type: 'git' } } } });
    await settings.getByRole('button', { name: 'Done' }).click();

    await panel.getByRole('button', { name: 'Publish again' }).click();
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 60_000 }).toBe('Published');
    expect(await panel.getByRole('link').textContent()).toBe('https://fieldnotes.ines.dev/');
  });
});
