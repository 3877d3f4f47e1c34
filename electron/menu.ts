// The native menu, built from the command table (common/commands.ts): each
// command with a menu place is an item that sends it to the page as an
// `app.command` event, with the command's key as its accelerator. Beside them
// sit what the main process does itself (Open Folder, Open Recent) and Electron
// roles.
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../common/api';
import { commandEntry, menuCommandIds, type MenuPlace } from '../common/commands';

export interface MenuActions {
  command(command: AppCommand): void;
  openFolder(): void;
  openRecent(folder: string): void;
  recent: readonly string[];
}

type Placed = Omit<MenuPlace, 'label'> & { item: MenuItemConstructorOptions };

/** `Mod-Shift-b` (CodeMirror notation) as Electron writes it: `CmdOrCtrl+Shift+B`. */
export function accelerator(key: string): string {
  const parts = key.split(/-(?!$)/);
  const last = parts.pop()!;
  const mods = parts.map((mod) => (mod === 'Mod' ? 'CmdOrCtrl' : mod));
  return [...mods, last.length === 1 ? last.toUpperCase() : last].join('+');
}

function commandItems(actions: MenuActions): Placed[] {
  return menuCommandIds.map((id) => {
    const { key, menu } = commandEntry(id);
    const { label, ...place } = menu!;
    return { ...place, item: { label, ...(key && { accelerator: accelerator(key) }), click: () => actions.command(id) } };
  });
}

/** The items that are not the page's commands. */
function ownItems(actions: MenuActions, isMac: boolean): Placed[] {
  return [
    { menu: 'File', group: 0, order: 1, item: { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFolder() } },
    {
      menu: 'File',
      group: 0,
      order: 2,
      item: {
        label: 'Open Recent',
        enabled: actions.recent.length > 0,
        submenu: actions.recent.map((folder) => ({ label: folder, click: () => actions.openRecent(folder) })),
      },
    },
    { menu: 'File', group: 4, order: 0, item: isMac ? { role: 'close' } : { role: 'quit' } },
    ...(['resetZoom', 'zoomIn', 'zoomOut'] as const).map((role, order) => ({ menu: 'View' as const, group: 1, order, item: { role } })),
    { menu: 'View', group: 2, order: 0, item: { role: 'togglefullscreen' } },
    { menu: 'View', group: 2, order: 1, item: { role: 'toggleDevTools' } },
  ];
}

/** One menu's items in place order, a separator between groups. */
function submenu(name: MenuPlace['menu'], placed: Placed[]): MenuItemConstructorOptions {
  const items = placed.filter((p) => p.menu === name).sort((a, b) => a.group - b.group || a.order - b.order);
  return {
    label: name,
    submenu: items.flatMap((p, i) => (i > 0 && items[i - 1]!.group !== p.group ? [{ type: 'separator' as const }, p.item] : [p.item])),
  };
}

export function menuTemplate(actions: MenuActions, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const placed = [...commandItems(actions), ...ownItems(actions, isMac)];
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    submenu('File', placed),
    { role: 'editMenu' },
    submenu('View', placed),
    { role: 'windowMenu' },
  ];
}
