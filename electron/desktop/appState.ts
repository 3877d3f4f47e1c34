// What the app remembers between runs (electron-store's state.json in userData):
// the window's size and place, and the folders opened, for File → Open Recent.
import { app } from 'electron';
import Store from 'electron-store';
import type { WindowBounds } from './window';

interface AppStateFile {
  windowBounds: WindowBounds;
  /** Most recent first. */
  recentWorkspaces: string[];
}

const RECENT_LIMIT = 10;

export class AppState {
  readonly #store = new Store<AppStateFile>({
    name: 'state',
    cwd: app.getPath('userData'),
    defaults: { windowBounds: { width: 1280, height: 800 }, recentWorkspaces: [] },
  });

  get windowBounds(): WindowBounds {
    return this.#store.get('windowBounds');
  }

  set windowBounds(bounds: WindowBounds) {
    this.#store.set('windowBounds', bounds);
  }

  /** Most recent first. */
  get recentWorkspaces(): string[] {
    return this.#store.get('recentWorkspaces');
  }

  /** Puts `root` first in the recent list. */
  remember(root: string): void {
    this.#store.set('recentWorkspaces', [root, ...this.recentWorkspaces.filter((f) => f !== root)].slice(0, RECENT_LIMIT));
  }
}
