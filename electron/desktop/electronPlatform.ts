// The platform services (platform.ts) as Electron provides them: the native folder
// picker, the OS trash, the default browser, and secrets sealed by the OS keychain.
import { app, dialog, safeStorage, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import Store from 'electron-store';
import { assertExternalUrl, type Platform, type WindowHost } from '../platform';
import { keychain } from './keychain';

export function electronPlatform(window: () => BrowserWindow | null, host: WindowHost): Platform {
  // Only ciphertext goes in this file; the key stays in the OS keychain.
  const secrets = new Store({ name: 'secrets', cwd: app.getPath('userData') });
  return {
    secrets: keychain(safeStorage, secrets),
    window: host,
    pickFolder: async () => {
      const parent = window();
      const options: OpenDialogOptions = { title: 'Open a folder of posts', properties: ['openDirectory', 'createDirectory'] };
      const result = await (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options));
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    trash: (absolutePath) => shell.trashItem(absolutePath),
    openExternal: async (url) => {
      assertExternalUrl(url);
      await shell.openExternal(url);
    },
  };
}
