// A clean quit clears the recovery journal. Electron quits only once every
// window has closed, and a window with unsaved changes closes only after the
// author chose "Close Without Saving"; so by `will-quit` nothing unsaved is
// wanted. The clear is async, so the quit waits for it, then goes on.
import type { Backend } from '../backend';

/** The part of Electron's `app` this needs (kept structural so it runs without Electron). */
export interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export function clearJournalOnQuit(app: QuittingApp, backend: () => Backend | null): void {
  let cleared = false;
  app.on('will-quit', (event) => {
    const open = backend();
    if (cleared || !open) return;
    event.preventDefault();
    cleared = true;
    // A journal that cannot be cleared is offered again on the next start: never a reason not to quit.
    void open.handlers.recovery
      .clear()
      .catch(() => {})
      .finally(() => app.quit());
  });
}
