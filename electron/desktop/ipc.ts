// The Electron transport, derived from the contract: one handler per method,
// each checking who is calling before validating and dispatching.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { dispatch, methods, type Reply, type Unsubscribe } from '../../common/api';
import type { Backend } from '../backend';
import { sendEvent } from './sendEvent';

/**
 * Only our own page's top frame may call the backend; never the preview iframe or a navigated-away page.
 * Null for such a call, else why it is refused, so a refusal in the log says which rule it broke.
 */
function untrustedSender(event: IpcMainInvokeEvent, isAppUrl: (url: string) => boolean): string | null {
  const frame = event.senderFrame;
  if (frame === null) return 'its frame is gone (the page navigated away or closed)';
  if (frame !== event.sender.mainFrame) return `it came from a frame inside the page (${frame.url}), not the page itself`;
  if (!isAppUrl(frame.url)) return `it came from ${frame.url}, which is not Postwright's page`;
  return null;
}

/** `backend` is null while no workspace is open (the welcome screen). */
export function registerIpc(backend: () => Backend | null, isAppUrl: (url: string) => boolean): Unsubscribe {
  for (const { channel } of methods) {
    ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<Reply<unknown>> => {
      const refusal = untrustedSender(event, isAppUrl);
      if (refusal !== null) return { ok: false, error: { code: 'forbidden', message: `${channel} was refused: ${refusal}.` } };
      const open = backend();
      if (!open) return { ok: false, error: { code: 'unsupported', message: 'No folder of posts is open: choose File → Open Folder….' } };
      return dispatch(open.handlers, channel, args);
    });
  }
  return () => {
    for (const { channel } of methods) ipcMain.removeHandler(channel);
  };
}

/** Pushes every backend event to one window's page. */
export function forwardEvents(backend: Backend, contents: WebContents): Unsubscribe {
  return backend.subscribe((event, payload) => sendEvent(contents, event, payload));
}
