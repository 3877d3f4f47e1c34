// How the one app window is built and locked down. Type-only imports: this file
// receives Electron objects from main.ts and mainWindow.ts, so it can be tested without Electron.
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { isExternalUrlAllowed } from '../../common/links';

export interface WindowBounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
}

export function windowOptions(preload: string, bounds: WindowBounds): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 640,
    minHeight: 480,
    title: 'Postwright',
    show: false,
    backgroundColor: '#00000000',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}

/** The page may never leave the app: navigation is blocked, new windows are denied, and safe links go to the OS browser. */
export function lockDownContents(contents: WebContents, isAppUrl: (url: string) => boolean, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (isExternalUrlAllowed(url)) openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalUrlAllowed(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** A writing app needs no camera, location, notifications or USB: deny every permission request and check. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
