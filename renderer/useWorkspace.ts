import { useEffect, useState } from 'react';
import type { WorkspaceInfo } from '../common/api';
import { useApi } from './apiContext';

/** The workspace's name and folder, for the status bar; null until known. */
export function useWorkspace(): WorkspaceInfo | null {
  const api = useApi();
  const [info, setInfo] = useState<WorkspaceInfo | null>(null);
  useEffect(() => {
    let live = true;
    api.workspace.info().then(
      (value) => live && setInfo(value),
      // Only decoration depends on it; the post list reports a broken connection.
      () => {},
    );
    return () => {
      live = false;
    };
  }, [api]);
  return info;
}
