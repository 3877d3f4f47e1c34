// The set of screenshots every UI change gets: light and dark, at 1280×800 and
// 900×700, each written to .screenshots/ for a person to open and look at.
// Leaves the page at 1280×800 in light.
import type { Page } from 'playwright-core';
import { screenshot } from './browser';

export async function screenshotSet(page: Page, name: string): Promise<void> {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 900, height: 700 },
  ]) {
    await page.setViewportSize(size);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await screenshot(page, `${name}-${size.width}-${colorScheme}`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
}
