// Autosave: once the author has stopped typing for the configured time, save
// through the session, exactly as Mod-S would. It stands back whenever a save
// could not settle anything on its own: while a conflict is open, after one was
// put off (every save would ask again), and while the disk has moved on
// (the note above the editor lets the author choose when).
import type { PostSession, SessionState } from './session';
import type { Settings } from './preferences/appPreferences';
import type { Store } from './store';

export class Autosave {
  readonly #session: PostSession;
  readonly #settings: Store<Settings>;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** A conflict was met; stay off until the post is clean again or another one is opened. */
  #held = false;
  readonly #stop: (() => void)[] = [];

  constructor(session: PostSession, settings: Store<Settings>) {
    this.#session = session;
    this.#settings = settings;
    let before = session.state;
    this.#stop.push(
      session.store.subscribe(() => {
        const now = session.state;
        this.#sessionChanged(before, now);
        before = now;
      }),
    );
    let enabled = settings.get().autosave;
    this.#stop.push(
      settings.subscribe(() => {
        const on = settings.get().autosave;
        if (on === enabled) return;
        enabled = on;
        // Switched on with changes pending: they count as just typed.
        if (on && session.state.dirty) this.edited();
        else if (!on) this.#cancel();
      }),
    );
  }

  /** The author changed the text: (re)start the idle timer. */
  edited(): void {
    this.#cancel();
    const { autosave, autosaveDelayMs } = this.#settings.get();
    if (autosave) this.#timer = setTimeout(() => this.#fire(), autosaveDelayMs);
  }

  dispose(): void {
    this.#cancel();
    for (const stop of this.#stop.splice(0)) stop();
  }

  #sessionChanged(before: SessionState, now: SessionState): void {
    if (now.opened !== before.opened || !now.dirty) this.#held = false;
    if (now.conflict && !before.conflict) {
      this.#held = true;
      this.#cancel();
    }
    // A post left or closed takes its pending save with it (the session saved it on the way out).
    if (now.opened !== before.opened) this.#cancel();
  }

  #fire(): void {
    this.#timer = undefined;
    const state = this.#session.state;
    if (!this.#settings.get().autosave || this.#held || !state.post || !state.dirty) return;
    if (state.conflict || state.resolving || state.diskNote) return;
    // A save is in flight: the edits after it get their own turn.
    if (state.saving) return this.edited();
    void this.#session.save();
  }

  #cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
