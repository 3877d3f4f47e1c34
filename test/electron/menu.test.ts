// The native menu as data: Publish is reachable from File with its own
// accelerator, no two items share one, and every command the table places in
// a menu is there, sending itself, with its key as the accelerator.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { AppCommand } from '../../common/api';
import { commandEntry, commandIds } from '../../common/commands';
import { accelerator, menuTemplate } from '../../electron/menu';

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
      expect(sent).toEqual(['site.publish', 'site.publishSettings']);
      const accelerators = all.flatMap((i) => (i.accelerator ? [String(i.accelerator)] : []));
      expect(new Set(accelerators).size).toBe(accelerators.length);
    });
  }

  it('keeps its order: New Post, Open Folder…, Open Recent | Save, History… | exports and Check | Publish | Quit', () => {
    const [file] = menuTemplate({ command: () => {}, openFolder: () => {}, openRecent: () => {}, recent: [] }, 'linux');
    const labels = (file!.submenu as MenuItemConstructorOptions[]).map((i) => i.label ?? i.role ?? '|');
    expect(labels).toEqual([
      'New Post', 'Open Folder…', 'Open Recent', '|',
      'Save', 'History…', '|',
      'Export Site…', 'Export Post as HTML…', 'Copy Post as HTML', 'Check Site…', '|',
      'Publish', 'Publish Settings…', '|',
      'quit',
    ]);
  });
});

describe('the command table in the menu', () => {
  it('has every command with a menu place, which sends its id, with its key as the accelerator', () => {
    const sent: AppCommand[] = [];
    const all = items(menuTemplate({ command: (c) => sent.push(c), openFolder: () => {}, openRecent: () => {}, recent: [] }, 'linux'));
    const placed = commandIds.filter((id) => commandEntry(id).menu);
    expect(placed.length).toBeGreaterThan(0);
    for (const id of placed) {
      const { menu, key } = commandEntry(id);
      const item = all.find((i) => i.label === menu!.label)!;
      expect(item, id).toBeDefined();
      expect(item.accelerator, id).toBe(key ? accelerator(key) : undefined);
      (item.click as () => void)();
      expect(sent.at(-1)).toBe(id);
    }
  });

  it('writes CodeMirror keys as Electron accelerators', () => {
    expect(accelerator('Mod-n')).toBe('CmdOrCtrl+N');
    expect(accelerator('Mod-Shift-y')).toBe('CmdOrCtrl+Shift+Y');
    expect(accelerator('Mod-\\')).toBe('CmdOrCtrl+\\');
    expect(accelerator('Mod-Shift-Enter')).toBe('CmdOrCtrl+Shift+Enter');
    expect(accelerator('Mod--')).toBe('CmdOrCtrl+-');
  });
});
