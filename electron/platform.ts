// The few things the backend needs from the operating system, as one small
// interface. Electron provides them in desktop/electronPlatform.ts (dialog, shell, safeStorage);
// nodePlatform() provides them for the CLI, the browser bridge and tests.
import { spawn } from 'node:child_process';
import trash from 'trash';
import { ApiError } from '../common/errors';
import { isExternalUrlAllowed } from '../common/links';
import { environmentVault, type SecretVault } from './secretVault';

export interface Platform {
  /** Asks the user for a folder; null when cancelled or when there is no one to ask. */
  pickFolder(): Promise<string | null>;
  /** Moves a file or folder to the OS trash, where the author can restore it. */
  trash(absolutePath: string): Promise<void>;
  /** Opens an http(s) or mailto link outside the app. */
  openExternal(url: string): Promise<void>;
  /** Where publish secrets are kept: the OS keychain in the app, nowhere (the environment only) elsewhere. */
  secrets: SecretVault;
  /** The desktop window's services; absent in the CLI and the bridge, where a browser tab has its own clipboard and unload dialog. */
  window?: WindowHost;
}

/** What the page tells the desktop app's main process about its window. */
export interface WindowHost {
  /** Puts rich HTML, with its plain-text form, on the OS clipboard. */
  copyHtml(html: string, text: string): Promise<void>;
  /** The page holds unsaved text, or no longer does. */
  unsavedChanged(unsaved: boolean): void;
  /** The page answered a save request; `saved` says whether nothing is left unsaved. */
  saveFinished(saved: boolean): void;
  /** The OS's locale for dates and times. */
  systemLocale(): string;
  /** Puts the window in or out of full screen. */
  setFullScreen(on: boolean): void;
}

export function assertExternalUrl(url: string): void {
  if (!isExternalUrlAllowed(url)) {
    throw new ApiError('forbidden', `Only http, https and mailto links can be opened outside Postwright, not "${url}".`);
  }
}

export function nodePlatform(): Platform {
  return {
    pickFolder: async () => null,
    secrets: environmentVault(),
    trash: async (absolutePath) => {
      await trash(absolutePath, { glob: false });
    },
    openExternal: async (url) => {
      assertExternalUrl(url);
      const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
      await new Promise<void>((resolve, reject) => {
        const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
        child.once('error', () => reject(new ApiError('unsupported', `Could not open ${url}: "${opener}" is not available.`)));
        child.once('spawn', () => {
          child.unref();
          resolve();
        });
      });
    },
  };
}
