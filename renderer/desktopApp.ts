// Whether this page runs in the desktop app, where the preload exposes the
// contract as `window.postwright`, or in a browser tab on the HTTP bridge.
import type { RawApi } from '../common/api';

declare global {
  interface Window {
    postwright?: RawApi;
  }
}

/** True in the desktop app; false in a browser tab on the bridge, where the browser owns some keys, links and downloads. */
export const inDesktopApp = window.postwright !== undefined;
