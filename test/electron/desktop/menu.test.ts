// The native menu as data: Publish is reachable from File with its own
// accelerator, and no two items share one.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { AppCommand } from '../../../common/api';
import { menuTemplate } from '../../../electron/desktop/menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('the File menu', () => {
  for (const platform of ['darwin', 'linux', 'win32'] as const) {
    it(`offers Publish (CmdOrCtrl+Shift+B) and Publish Settings…, and no accelerator twice (${platform})`, () => {
      const sent: AppCommand[] = [];
      const all = items(menuTemplate({ command: (c) => sent.push(c), openFolder: () => {}, openRecent: () => {}, recent: [] }, platform));
      const publish = all.find((i) => i.label === 'Publish')!;
      expect(publish.accelerator).toBe('CmdOrCtrl+Shift+B');
      (publish.click as () => void)();
      (all.find((i) => i.label === 'Publish Settings…')!.click as () => void)();
      expect(sent).toEqual(['publish', 'publish-settings']);
      const accelerators = all.flatMap((i) => (i.accelerator ? [String(i.accelerator)] : []));
      expect(new Set(accelerators).size).toBe(accelerators.length);
    });
  }
});
