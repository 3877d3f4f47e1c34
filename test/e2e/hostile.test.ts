// Hostile post content reaches the UI as text, never as markup or script.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appForSuite, skipE2e } from './browser';

const payload = `<img src=x onerror="window.__pwned = 1">`;

describe.skipIf(skipE2e)('hostile post content in the UI', () => {
  const e2e = appForSuite();

  it('shows a script-laden title, tag and body as plain text', async () => {
    const { page, app } = e2e;
    // Only once the page shows the list is it subscribed to changes.
    const [first] = await app.backend.handlers.posts.list();
    await expect.poll(() => page.getByText(first!.title, { exact: true }).count()).toBeGreaterThan(0);
    const text = [
      '---',
      `title: '${payload}'`,
      `tags: ['<script>window.__pwned = "tag"</script>']`,
      `description: '<svg onload="window.__pwned = 1">'`,
      '---',
      '<script>window.__pwned = "body"</script>',
      '<iframe src="javascript:parent.__pwned = 2"></iframe>',
      '[click](javascript:window.__pwned=3)',
      '',
    ].join('\n');
    await writeFile(join(app.root, 'posts', 'hostile.md'), text);

    const row = page.getByRole('listbox', { name: 'Posts' }).getByText(payload, { exact: true });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    await row.click();
    await expect.poll(() => page.locator('.cm-content').textContent()).toContain('<script>window.__pwned = "body"</script>');
    await page.getByLabel('Tag', { exact: true }).selectOption({ label: '<script>window.__pwned = "tag"</script>' });
    // The front-matter panel shows them as values and chips.
    const panel = page.getByRole('region', { name: 'Front matter' });
    expect(await panel.getByLabel('Title', { exact: true }).inputValue()).toBe(payload);
    expect(await panel.getByRole('list', { name: 'Tags', includeHidden: true }).textContent()).toBe('<script>window.__pwned = "tag"</script>');

    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"], iframe:not(.preview-frame), svg[onload]').count()).toBe(0);
    expect(await page.title()).toBe(`${payload} — Postwright`);
  });
});
