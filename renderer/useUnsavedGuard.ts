import { useEffect, useRef, useState } from 'react';
import { api } from './client';
import { guardUnload, type UnloadGuard } from './unloadGuard';

/**
 * The window refuses to close, reload or switch folders while `dirty`, in the
 * desktop app as in a browser tab (see unloadGuard.ts). The recovery journal is
 * not touched here: an entry goes only when its post is saved or discarded.
 */
export function useUnsavedGuard(dirty: boolean, save: () => Promise<boolean>): void {
  const saveRef = useRef(save);
  saveRef.current = save;
  const [guard, setGuard] = useState<UnloadGuard | null>(null);
  useEffect(() => {
    const installed = guardUnload(window, { api: window.postwright ? api : null, save: () => saveRef.current() });
    setGuard(installed);
    return () => installed.dispose();
  }, []);
  useEffect(() => {
    guard?.setUnsaved(dirty);
  }, [guard, dirty]);
}
