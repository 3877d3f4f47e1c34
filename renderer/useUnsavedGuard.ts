import { useEffect } from 'react';

/**
 * In a browser tab, asks before the page closes with unsaved changes. Not in the
 * desktop app: there a prevented unload silently cancels the window close unless
 * the main process answers `will-prevent-unload`, so that belongs to electron/.
 */
export function useUnsavedGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty || window.postwright) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}
