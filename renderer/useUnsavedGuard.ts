import { useEffect, useRef } from 'react';

/**
 * In a browser tab, asks before the page closes with unsaved changes, and once it
 * does close (a clean quit, or "Leave" chosen) calls `onQuit`, which clears the
 * recovery journal. Not in the desktop app: there a prevented unload silently
 * cancels the window close unless the main process answers `will-prevent-unload`,
 * and the main process clears the journal on quit, so both belong to electron/.
 */
export function useUnsavedGuard(dirty: boolean, onQuit: () => void): void {
  useEffect(() => {
    if (!dirty || window.postwright) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const quit = useRef(onQuit);
  quit.current = onQuit;
  useEffect(() => {
    if (window.postwright) return;
    const onPageHide = () => quit.current();
    window.addEventListener('pagehide', onPageHide);
    return () => window.removeEventListener('pagehide', onPageHide);
  }, []);
}
