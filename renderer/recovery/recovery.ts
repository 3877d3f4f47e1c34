// What the crash-recovery journal had for this workspace at start, and the
// author's choice for each text: restore it, discard it, or decide later.
import { ApiError, type BlogApi, type RecoveredText } from '../../common/api';
import type { PostSession } from '../session';
import { Store } from '../store';

export interface RecoveryState {
  /** Offered now, the first one in the dialog. */
  queue: RecoveredText[];
  /** Put off: offered again on the next start, or from the note above their post. */
  later: RecoveredText[];
  /** A choice is being carried out. */
  busy: boolean;
}

export interface RecoveryOptions {
  api: Pick<BlogApi, 'recovery'>;
  session: PostSession;
  notify: (kind: 'error' | 'info', message: string) => void;
  /** Journals the editor's text at once (a restored text is unsaved again and must stay safe). */
  journalNow: () => Promise<void>;
}

export class Recovery {
  readonly store = new Store<RecoveryState>({ queue: [], later: [], busy: false });
  readonly #o: RecoveryOptions;

  constructor(options: RecoveryOptions) {
    this.#o = options;
  }

  get state(): RecoveryState {
    return this.store.get();
  }

  /** Reads what a crash left in the journal. */
  async load(): Promise<void> {
    try {
      this.store.set({ queue: await this.#o.api.recovery.list(), later: [], busy: false });
    } catch (error) {
      this.#o.notify('error', `Couldn't read the crash-recovery journal: ${ApiError.from(error).message}`);
    }
  }

  /** True while a post has a recovered text the author has not decided on: the journal must keep it. */
  isHeld = (postId: string): boolean => [...this.state.queue, ...this.state.later].some((e) => e.postId === postId);

  /**
   * Opens the post with the recovered text as unsaved changes, as it was before
   * the crash; a post deleted since becomes a new post holding the text.
   */
  async restore(entry: RecoveredText): Promise<boolean> {
    return this.#choose(entry, async () => {
      const { session, api } = this.#o;
      if (entry.disk) return session.restoreRecovered(entry.postId, entry.text, entry.baseVersion);
      if (!(await session.restoreAsNew(entry.title, entry.text))) return false;
      // Safe in its new file now; the old post's entry has served its purpose.
      await api.recovery.discard(entry.postId);
      this.#o.notify('info', `${entry.path} no longer exists, so the recovered text is now saved as ${session.state.post?.path ?? 'a new post'}.`);
      return true;
    });
  }

  async discard(entry: RecoveredText): Promise<boolean> {
    return this.#choose(entry, async () => {
      await this.#o.api.recovery.discard(entry.postId);
      return true;
    });
  }

  /** Closes the dialog for this text; the journal keeps it. */
  later(entry: RecoveredText): void {
    const { queue, later } = this.state;
    this.store.update({ queue: queue.filter((e) => e !== entry), later: [...later, entry] });
  }

  /** Offers a put-off text again. */
  review(entry: RecoveredText): void {
    const { queue, later } = this.state;
    this.store.update({ queue: [entry, ...queue], later: later.filter((e) => e !== entry) });
  }

  async #choose(entry: RecoveredText, act: () => Promise<boolean>): Promise<boolean> {
    this.store.update({ busy: true });
    let done = false;
    try {
      done = await act();
    } catch (error) {
      this.#o.notify('error', ApiError.from(error).message);
    }
    if (done) {
      const { queue, later } = this.state;
      this.store.set({ queue: queue.filter((e) => e !== entry), later: later.filter((e) => e !== entry), busy: false });
      await this.#o.journalNow();
    } else {
      this.store.update({ busy: false });
    }
    return done;
  }
}
