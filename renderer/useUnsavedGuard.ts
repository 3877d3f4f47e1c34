import { useEffect, useRef, useState } from 'react';
import { useApi } from './apiContext';
import { inDesktopApp } from './desktopApp';
import { guardUnload, type UnloadGuard } from './unloadGuard';

/**
 * The window refuses to close, reload or switch folders while `dirty`, in the
 * desktop app as in a browser tab (see unloadGuard.ts). The recovery journal is
 * not touched here: an entry goes only when its post is saved or discarded.
 */
export function useUnsavedGuard(dirty: boolean, save: () => Promise<boolean>): void {
  const api = useApi();
  const saveRef = useRef(save);
  saveRef.current = save;
  const [guard, setGuard] = useState<UnloadGuard | null>(null);
  useEffect(() => {
    const installed = guardUnload(window, { api: inDesktopApp ? api : null, save: () => saveRef.current() });
    setGuard(installed);
    return () => installed.dispose();
  }, [api]);
  useEffect(() => {
    guard?.setUnsaved(dirty);
  }, [guard, dirty]);
}
