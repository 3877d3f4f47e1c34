// The one way the main process speaks to the page: an event the contract
// declares (common/api.ts `events`), with the payload its schema describes.
import type { WebContents } from 'electron';
import type { EventName, EventPayload } from '../../common/api';

/** What an event needs of a window's web contents. */
export type EventReceiver = Pick<WebContents, 'send' | 'isDestroyed'>;

export function sendEvent<E extends EventName>(contents: EventReceiver, event: E, payload: EventPayload<E>): void {
  // A page that is gone (its window closed while a build or a publish ran) hears nothing; Electron would throw.
  if (!contents.isDestroyed()) contents.send(event, payload);
}
