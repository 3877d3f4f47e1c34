// Which workspace the window's page talks to, and how another one takes over.
// The page holds the old workspace's posts, maybe unsaved: the new one waits
// until the page has agreed to go (its reload starts), or is dropped on Cancel.
import type { WebContents } from 'electron';
import type { Unsubscribe } from '../../common/api';
import type { Backend } from '../backend';
import { reportUnexpected } from '../reportUnexpected';
import { forwardEvents } from './ipc';
import type { MainWindow } from './mainWindow';
import type { PostForPage } from './postForPage';

export class WorkspaceSwitch {
  /** Null while none is open (the welcome screen). */
  #current: Backend | null = null;
  /** A workspace opened while the page still shows the old one: it takes over once the page starts to reload. */
  #incoming: Backend | null = null;
  /** The page the current workspace's events go to, while there is a window. */
  #page: WebContents | null = null;
  #stopForwarding: Unsubscribe = () => {};

  constructor(private readonly posts: PostForPage) {}

  get current(): Backend | null {
    return this.#current;
  }

  /** A window's page: it hears the current workspace's events from now on. */
  attach(page: WebContents): void {
    this.#page = page;
    if (this.#current) this.#stopForwarding = forwardEvents(this.#current, page);
  }

  /** The window closed. */
  detach(): void {
    this.#stopForwarding();
    this.#page = null;
  }

  /** Makes `next` the workspace the page talks to, closing the one before. */
  async adopt(next: Backend): Promise<void> {
    this.#stopForwarding();
    const previous = this.#current;
    this.#current = next;
    this.#stopForwarding = this.#page ? forwardEvents(next, this.#page) : () => {};
    await previous?.close();
  }

  /** Puts `next` in the window, asking the page first if it holds a workspace already. */
  async switchTo(next: Backend, window: MainWindow): Promise<void> {
    const page = window.current?.webContents;
    if (!page || !this.#current) {
      // The welcome screen (or no window): nothing unsaved to ask about.
      await this.adopt(next);
      window.showPage();
      return;
    }
    await this.#incoming?.close();
    this.#incoming = next;
    // A post named for the new workspace must wait for its page, not reach the old one.
    this.posts.pageLoading();
    window.guard?.unload(
      () => page.reload(),
      () => {
        if (this.#incoming === next) this.#incoming = null;
        void next.close().catch(reportUnexpected('closing the folder the author chose not to switch to'));
        this.posts.pageStayed();
      },
    );
  }

  /** The old page is going: a workspace waiting for it takes over before the new page's first call. */
  pageLeaving(): void {
    const next = this.#incoming;
    this.#incoming = null;
    if (next) void this.adopt(next).catch(reportUnexpected('closing the folder the window switched away from'));
  }

  /** The app quits: the workspace closes (its watcher, its journal). */
  close(): void {
    void this.#current?.close().catch(reportUnexpected('closing the folder as the app quits'));
  }
}
