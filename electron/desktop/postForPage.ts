// A post the OS asked to open, held until the window's page has loaded (and
// subscribed to events) and can take it as `app.openPost`.
import { sendEvent, type EventReceiver } from './sendEvent';

export class PostForPage {
  #pending: string | null = null;
  /** False while a load we started runs: a post sent then would reach the page that is going. */
  #pageLoaded = false;

  /** A load started (a new window, a reload for another workspace): hold posts until it finishes. */
  pageLoading(): void {
    this.#pageLoaded = false;
  }

  /** The page has loaded: it takes the post that waited for it. */
  pageLoaded(contents: EventReceiver): void {
    this.#pageLoaded = true;
    this.#deliver(contents);
  }

  /** The page stays (the author kept it instead of switching workspace): the post meant for the other one is dropped. */
  pageStayed(): void {
    this.#pending = null;
    this.#pageLoaded = true;
  }

  /** Shows post `id` in the page now if it has loaded, else once it has. */
  show(id: string, contents: EventReceiver | null): void {
    this.#pending = id;
    if (this.#pageLoaded && contents) this.#deliver(contents);
  }

  #deliver(contents: EventReceiver): void {
    if (!this.#pending) return;
    sendEvent(contents, 'app.openPost', { id: this.#pending });
    this.#pending = null;
  }
}
