// Nothing unsaved is lost when the page goes away: the window closing, the app
// quitting (and the OS logging out, which quits it), a reload, or another folder
// opening. The page refuses to unload while a post is unsaved (renderer/
// unloadGuard.ts); Electron then emits `will-prevent-unload`, and here the
// author chooses. Save asks the page to save and, once it answers that it did,
// does again what was interrupted. Don't Save lets the page go and forgets its
// journal entries: the author discarded them. Cancel keeps everything as it was.
// Type-only Electron imports: mainWindow.ts hands the objects in.
import type { BrowserWindow, Event, WindowSessionEndEvent } from 'electron';
import { reportUnexpected } from '../reportUnexpected';
import type { UnsavedChoice } from './unsavedDialog';

export interface UnloadGuardOptions {
  /** Asks the author (synchronously: Electron needs the answer before the handler returns). */
  ask(window: BrowserWindow): UnsavedChoice;
  /** Tells the page to save, after which it calls `saveFinished`. */
  requestSave(): void;
  /** Don't Save: forgets the journal entries of the posts left unsaved. */
  discard(): Promise<void>;
  /** Quits the app again (the quit the page interrupted). */
  quit(): void;
}

export interface UnloadGuard {
  /** The app is quitting: a window close is part of the quit, and Save quits again afterwards. */
  quitting(): void;
  /** Starts an unload the main process wants (a reload); `undo` runs if the author cancels it. */
  unload(action: () => void, undo?: () => void): void;
  /** The page reports whether it holds unsaved text. */
  unsavedChanged(unsaved: boolean): void;
  /** The page answers a save request. */
  saveFinished(saved: boolean): void;
}

interface Attempt {
  action: () => void;
  undo?: () => void;
}

export function guardUnload(window: BrowserWindow, options: UnloadGuardOptions): UnloadGuard {
  /** What the main process was doing when the page refused; done again once the page has saved. */
  let attempt: Attempt | null = null;
  /** Held between a Save and the page's answer. */
  let retry: (() => void) | null = null;
  let quitting = false;
  let unsaved = false;

  const closing = (): Attempt => ({ action: quitting ? options.quit : () => window.close() });
  // `close` comes before the page's beforeunload (BrowserWindow docs), so the attempt is known when it refuses.
  window.on('close', () => {
    attempt ??= closing();
  });
  window.webContents.on('will-prevent-unload', (event: Event) => {
    const interrupted = attempt ?? closing();
    attempt = null;
    const choice = options.ask(window);
    if (choice === 'discard') {
      // preventDefault lets the unload go on, past the page's refusal.
      event.preventDefault();
      void options.discard().catch(reportUnexpected('forgetting the journal of posts the author chose not to save'));
      return;
    }
    quitting = false;
    if (choice === 'save') {
      retry = () => {
        attempt = interrupted;
        interrupted.action();
      };
      options.requestSave();
    } else interrupted.undo?.();
  });
  // The unload went ahead (the page was clean, or Don't Save): nothing is pending any more.
  window.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) attempt = null;
  });
  // Windows asks before it logs out or shuts down; with unsaved text, hold it and ask the author as for a quit.
  window.on('query-session-end', (event: WindowSessionEndEvent) => {
    if (!unsaved) return;
    event.preventDefault();
    quitting = true;
    options.quit();
  });

  return {
    quitting: () => {
      quitting = true;
    },
    unload(action, undo) {
      attempt = { action, undo };
      action();
    },
    unsavedChanged(next) {
      unsaved = next;
    },
    saveFinished(saved) {
      const again = retry;
      retry = null;
      if (saved && again) again();
    },
  };
}
