// Toasts: errors stay until dismissed (they need attention); news fades on its
// own, unless its action asks to stay (Undo after a delete: a keyboard user
// needs time to reach its button).
import { Store } from './store';

export interface NoticeAction {
  label: string;
  run: () => void;
  /** The toast stays until used or dismissed, rather than fading (Undo: a keyboard user needs time to reach it). */
  stays?: boolean;
}

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: string;
  /** One thing the author can do about it (the toast shows a button, which also dismisses it). */
  action?: NoticeAction;
}

const infoLifetime = 8000;
/** Older notices give way; a burst of errors should not bury the editor. */
const maxShown = 4;

export class Notices {
  readonly store = new Store<readonly Notice[]>([]);
  #next = 1;

  push = (kind: Notice['kind'], message: string, action?: NoticeAction): number => {
    const id = this.#next++;
    this.store.set([...this.store.get(), { id, kind, message, ...(action ? { action } : {}) }].slice(-maxShown));
    if (kind === 'info' && !action?.stays) setTimeout(() => this.dismiss(id), infoLifetime);
    return id;
  };

  dismiss = (id: number): void => {
    const list = this.store.get();
    if (list.some((n) => n.id === id)) this.store.set(list.filter((n) => n.id !== id));
  };

  /** Runs a notice's action once: the notice goes as it is used. */
  act = (id: number): void => {
    const notice = this.store.get().find((n) => n.id === id);
    if (!notice?.action) return;
    this.dismiss(id);
    notice.action.run();
  };

  /** The newest notice offering Undo, if one is shown (Mod-Z outside the editor runs it). */
  latestUndo(): Notice | undefined {
    return this.store.get().findLast((n) => n.action?.label === 'Undo');
  }
}
