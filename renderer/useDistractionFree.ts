// Distraction-free writing: the window goes full screen and only the text (with
// its title panel) stays; the sidebar, menu bar, header and status bar go. The
// desktop window goes full screen through the contract (the main process owns
// the BrowserWindow); a browser tab uses the Fullscreen API. Esc, the same key,
// or leaving full screen any other way (the browser's own Esc or F11, the View
// menu, the OS) ends it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from './apiContext';
import { inDesktopApp } from './desktopApp';

export function useDistractionFree(): { on: boolean; toggle: () => void; leave: () => void } {
  const api = useApi();
  const [on, setOn] = useState(false);
  const current = useRef(on);
  current.current = on;

  const leave = useCallback(() => {
    if (!current.current) return;
    setOn(false);
    // Full screen the window or the tab already left (Esc, F11, the OS) is already where the author wants it.
    if (inDesktopApp) void api.app.setFullScreen(false).catch(() => {});
    else if (document.fullscreenElement) void document.exitFullscreen().catch(() => {}); // as above
  }, [api]);

  const enter = useCallback(() => {
    setOn(true);
    // Without full screen (refused, or no permission) the chrome still goes: the text is what matters.
    if (inDesktopApp) void api.app.setFullScreen(true).catch(() => {});
    else void document.documentElement.requestFullscreen?.().catch(() => {}); // as above
  }, [api]);

  useEffect(() => {
    const onFullScreenChange = () => {
      if (!document.fullscreenElement) setOn(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || !current.current || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      leave();
    };
    document.addEventListener('fullscreenchange', onFullScreenChange);
    window.addEventListener('keydown', onKeyDown);
    const unsubscribe = api.on('app.fullScreen', ({ on: full }) => !full && setOn(false));
    return () => {
      document.removeEventListener('fullscreenchange', onFullScreenChange);
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe();
    };
  }, [api, leave]);

  return { on, toggle: () => (current.current ? leave() : enter()), leave };
}
