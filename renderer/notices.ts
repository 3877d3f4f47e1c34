// Toasts: errors stay until dismissed (they need attention); news fades on its own.
import { Store } from './store';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: string;
  /** One thing the author can do about it (the toast shows a button, which also dismisses it). */
  action?: NoticeAction;
}

export interface NoticeAction {
  label: string;
  run: () => void;
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
    if (kind === 'info') setTimeout(() => this.dismiss(id), infoLifetime);
    return id;
  };

  dismiss = (id: number): void => {
    const list = this.store.get();
    if (list.some((n) => n.id === id)) this.store.set(list.filter((n) => n.id !== id));
  };
}
