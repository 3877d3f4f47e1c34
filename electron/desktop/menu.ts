// The native menu as data. Items the page carries out (New Post, Save) are sent
// to it as `app.command` events; the rest are Electron roles.
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../common/api';

export interface MenuActions {
  command(command: AppCommand): void;
  openFolder(): void;
  openRecent(folder: string): void;
  recent: readonly string[];
}

export function menuTemplate(actions: MenuActions, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Post', accelerator: 'CmdOrCtrl+N', click: () => actions.command('new-post') },
      { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFolder() },
      {
        label: 'Open Recent',
        enabled: actions.recent.length > 0,
        submenu: actions.recent.map((folder) => ({ label: folder, click: () => actions.openRecent(folder) })),
      },
      { type: 'separator' },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => actions.command('save') },
      { label: 'History…', accelerator: 'CmdOrCtrl+Shift+Y', click: () => actions.command('history') },
      { type: 'separator' },
      { label: 'Export Site…', click: () => actions.command('export-site') },
      { label: 'Export Post as HTML…', click: () => actions.command('export-post') },
      { label: 'Copy Post as HTML', click: () => actions.command('copy-html') },
      { label: 'Check Site…', click: () => actions.command('check') },
      { type: 'separator' },
      { label: 'Publish', accelerator: 'CmdOrCtrl+Shift+B', click: () => actions.command('publish') },
      { label: 'Publish Settings…', click: () => actions.command('publish-settings') },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { label: 'Toggle Sidebar', accelerator: 'CmdOrCtrl+\\', click: () => actions.command('toggle-sidebar') },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      { role: 'toggleDevTools' },
    ],
  };
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
  ];
}
