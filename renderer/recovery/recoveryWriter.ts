// Keeps the crash-recovery journal in step with the editor: while the open
// post has unsaved changes, its text is written to the journal at most every
// few seconds (and only when it changed since the last write); once the post
// is clean again (saved, or undone back to the saved text) its entry is dropped.
import type { Text } from '@codemirror/state';
import { ApiError, type BlogApi } from '../../common/api';
import type { PostSession } from '../session';

export interface RecoveryWriterOptions {
  api: Pick<BlogApi, 'recovery'>;
  session: PostSession;
  /** The editor's text now. */
  doc: () => Text;
  /** Posts whose earlier, still undecided entry must not be overwritten. */
  isHeld: (postId: string) => boolean;
  notify: (kind: 'error' | 'info', message: string) => void;
  /** At most this long between a change and its journal write. */
  delayMs?: number;
}

export class RecoveryWriter {
  readonly #o: RecoveryWriterOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** What each journaled post's entry holds now. */
  readonly #written = new Map<string, Text>();
  /** Journal calls go one at a time, so a discard never overtakes the write before it. */
  #queue: Promise<void> = Promise.resolve();
  /** One toast per run of failures, not one every few seconds. */
  #failing = false;
  readonly #stop: () => void;

  constructor(options: RecoveryWriterOptions) {
    this.#o = options;
    this.#stop = options.session.store.subscribe(() => this.#sessionChanged());
  }

  /** The text changed: write it within the delay. Not restarted by further typing, so a long burst is journaled too. */
  edited(): void {
    this.#timer ??= setTimeout(() => this.flush(), this.#o.delayMs ?? 2000);
  }

  /** Writes the open post's text now if it is unsaved and not yet in the journal; resolves once written. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const { post, dirty } = this.#o.session.state;
    const version = this.#o.session.version;
    const doc = this.#o.doc();
    if (!post || !dirty || !version || this.#o.isHeld(post.id) || this.#written.get(post.id) === doc) return this.#queue;
    this.#written.set(post.id, doc);
    return this.#enqueue(() => this.#o.api.recovery.write(post.id, doc.toString(), version));
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#stop();
  }

  /** Drops the entry of every journaled post that is no longer open with unsaved changes. */
  #sessionChanged(): void {
    const { post, dirty } = this.#o.session.state;
    for (const id of this.#written.keys()) {
      if (id === post?.id && dirty) continue;
      this.#written.delete(id);
      void this.#enqueue(() => this.#o.api.recovery.discard(id));
    }
  }

  #enqueue(call: () => Promise<void>): Promise<void> {
    this.#queue = this.#queue.then(call).then(
      () => {
        this.#failing = false;
      },
      (error: unknown) => {
        if (!this.#failing) this.#o.notify('error', ApiError.from(error).message);
        this.#failing = true;
      },
    );
    return this.#queue;
  }
}
