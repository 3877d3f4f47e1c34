// Runs a command the way an author does without a shortcut: the command
// palette, its title typed, Enter once the palette has selected it; done
// when the palette has closed.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+p');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill(title);
  await expect.poll(() => palette.getByRole('option', { selected: true }).textContent()).toContain(title);
  await page.keyboard.press('Enter');
  await expect.poll(() => palette.count()).toBe(0);
}
