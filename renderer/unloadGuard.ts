// The page's half of "nothing unsaved is lost when the window goes": while a
// post is unsaved the page refuses to unload, in the desktop app as in a
// browser tab. A browser then asks with its own dialog; Electron instead emits
// `will-prevent-unload` in the main process, which asks Save / Don't Save /
// Cancel and, for Save, sends `app.saveRequested` here and waits for the answer.
import type { BlogApi } from '../common/api';

/** The part of `window` the guard listens on (a plain EventTarget in tests). */
export type UnloadTarget = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export interface UnloadGuardOptions {
  /** The contract in the desktop app; null in a browser tab, which has no main process to tell. */
  api: Pick<BlogApi, 'app' | 'on'> | null;
  /** Saves what is unsaved; true once nothing is left unsaved. */
  save: () => Promise<boolean>;
}

export interface UnloadGuard {
  /** Call whenever the page gains or loses unsaved text. */
  setUnsaved(unsaved: boolean): void;
  dispose(): void;
}

export function guardUnload(page: UnloadTarget, { api, save }: UnloadGuardOptions): UnloadGuard {
  let unsaved = false;
  const onBeforeUnload = (event: Event) => {
    if (!unsaved) return;
    event.preventDefault();
    // Electron documents returnValue as the signal that works consistently for both ways of listening.
    (event as BeforeUnloadEvent).returnValue = 'unsaved';
  };
  page.addEventListener('beforeunload', onBeforeUnload);
  const stopListening = api?.on('app.saveRequested', () => {
    void save()
      .catch(() => false)
      .then((saved) => api.app.saveFinished(saved));
  });
  return {
    setUnsaved(next) {
      if (next === unsaved) return;
      unsaved = next;
      // Only the desktop window has a native guard to tell; a browser tab's beforeunload needs no answer ('unsupported').
      void api?.app.unsavedChanged(next).catch(() => {});
    },
    dispose() {
      page.removeEventListener('beforeunload', onBeforeUnload);
      stopListening?.();
    },
  };
}
