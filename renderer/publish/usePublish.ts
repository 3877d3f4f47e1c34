// The window's one publish run and whether its panel shows: started by the
// toolbar button, File → Publish, the palette or its shortcut.
import { useEffect, useState } from 'react';
import { useApi } from '../apiContext';
import { PublishRun } from './publishRun';

export function usePublish() {
  const api = useApi();
  const [run] = useState(() => new PublishRun(api));
  const [panelOpen, setPanelOpen] = useState(false);
  useEffect(() => () => run.dispose(), [run]);
  return {
    run,
    panelOpen,
    publish: () => {
      setPanelOpen(true);
      void run.start();
    },
    closePanel: () => {
      run.dismiss();
      setPanelOpen(false);
    },
  };
}
