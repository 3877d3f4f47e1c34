// Screenshots of the writing surfaces for a person to look at, in both themes
// and at both window sizes: palette, outline, focus mode, settings.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { editorDoc, openApp, screenshot, skipE2e } from './browser';

const variants = [
  { theme: 'light', width: 1280, height: 800 },
  { theme: 'dark', width: 1280, height: 800 },
  { theme: 'light', width: 900, height: 700 },
  { theme: 'dark', width: 900, height: 700 },
] as const;

/**
 * Resolves once every finite CSS transition and animation (the focus-mode fade)
 * has finished; endless ones, such as the cursor's blink, never finish.
 */
async function animationsFinished(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished),
    ),
  );
}

describe.skipIf(skipE2e)('editor surfaces, as they look', { timeout: 90_000 }, () => {
  it.each(variants)('$theme at $width×$height', async ({ theme, width, height }) => {
    const e2e = await openApp({ width, height });
    try {
      const { page } = e2e;
      const name = (what: string) => `editor-${what}-${theme}-${width}`;
      await page.emulateMedia({ colorScheme: theme });
      const post = (await e2e.app.backend.handlers.posts.list()).find((p) => p.path === 'posts/the-forty-minute-pipeline.md')!;
      await page.getByText(post.title, { exact: true }).first().click();
      await expect.poll(() => editorDoc(page), { timeout: 15_000 }).toContain(post.title);
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < 14; i++) await page.keyboard.press('ArrowDown');

      await page.keyboard.press('Control+Shift+p');
      await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox').fill('tog');
      await screenshot(page, name('palette'));
      await page.keyboard.press('Escape');

      await page.keyboard.press('Control+Shift+o');
      await expect.poll(() => page.getByRole('dialog', { name: 'Outline' }).getByRole('option').count(), { timeout: 15_000 }).toBe(4);
      await screenshot(page, name('outline'));
      await page.keyboard.press('Escape');

      await page.keyboard.press('Control+,');
      const settings = page.getByRole('dialog', { name: 'Settings' });
      await settings.getByLabel('Focus mode').check();
      await screenshot(page, name('settings'));
      await settings.getByRole('button', { name: 'Done' }).click();

      await page.locator('.cm-content').click();
      await expect.poll(() => page.locator('.cm-line.cm-dimmed').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await animationsFinished(page);
      await screenshot(page, name('focus'));
    } finally {
      await e2e.close();
    }
  });
});
