// Screenshots of the writing surfaces for a person to look at, in both themes
// and at both window sizes: palette, outline, focus mode, settings.
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, skipE2e } from './browser';

const variants = [
  { theme: 'light', width: 1280, height: 800 },
  { theme: 'dark', width: 1280, height: 800 },
  { theme: 'light', width: 900, height: 700 },
  { theme: 'dark', width: 900, height: 700 },
] as const;

describe.skipIf(skipE2e)('editor surfaces, as they look', () => {
  it.each(variants)('$theme at $width×$height', async ({ theme, width, height }) => {
    const e2e = await openApp({ width, height });
    try {
      const { page } = e2e;
      const name = (what: string) => `editor-${what}-${theme}-${width}`;
      await page.emulateMedia({ colorScheme: theme });
      const post = (await e2e.app.backend.handlers.posts.list()).find((p) => p.path === 'posts/the-forty-minute-pipeline.md')!;
      await page.getByText(post.title, { exact: true }).first().click();
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < 14; i++) await page.keyboard.press('ArrowDown');

      await page.keyboard.press('Control+Shift+p');
      await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox').fill('tog');
      await screenshot(page, name('palette'));
      await page.keyboard.press('Escape');

      await page.keyboard.press('Control+Shift+o');
      expect(await page.getByRole('dialog', { name: 'Outline' }).getByRole('option').count()).toBe(4);
      await screenshot(page, name('outline'));
      await page.keyboard.press('Escape');

      await page.keyboard.press('Control+,');
      const settings = page.getByRole('dialog', { name: 'Settings' });
      await settings.getByLabel('Focus mode').check();
      await screenshot(page, name('settings'));
      await settings.getByRole('button', { name: 'Done' }).click();

      await page.locator('.cm-content').click();
      await expect.poll(() => page.locator('.cm-line.cm-dimmed').count()).toBeGreaterThan(0);
      // Let the dimming fade finish.
      await page.waitForTimeout(300);
      await screenshot(page, name('focus'));
    } finally {
      await e2e.close();
    }
  });
});
