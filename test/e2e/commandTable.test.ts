// Every command in the command table (common/commands.ts) reaches the palette,
// titled and keyed as the table says: a command the table lists but no part of
// the page registers, or one registered outside the table, fails here.
import { describe, expect, it } from 'vitest';
import { commandEntry, commandIds, commandKey } from '../../common/commands';
import { keyLabel } from '../../renderer/commands/modifierKeys';
import { appForSuite, skipE2e } from './browser';

describe.skipIf(skipE2e)('the command palette in a browser tab', () => {
  const e2e = appForSuite();

  it('lists exactly the command table, with each command’s key for a browser tab', async () => {
    const { page } = e2e;
    // The menu bar lists the registry: once it has a File menu, the App has registered its commands.
    await expect.poll(() => page.getByRole('menubar', { name: 'Application menu' }).getByRole('menuitem', { name: 'File' }).count()).toBe(1);
    await page.keyboard.press('Control+Shift+p');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await expect.poll(() => palette.getByRole('option').count()).toBeGreaterThan(0);
    const listed = await palette.getByRole('option').allTextContents();
    const expected = commandIds.map((id) => {
      const key = commandKey(id, true);
      return commandEntry(id).title + (key ? keyLabel(key) : '');
    });
    expect([...listed].sort()).toEqual([...expected].sort());
    await page.keyboard.press('Escape');
    await expect.poll(() => palette.count()).toBe(0);
  });
});
