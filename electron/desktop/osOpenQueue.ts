// Post files the OS names (a double-click in the file manager, the Dock, a second
// launch's command line). Until the first window exists they wait here: the last
// one named by then opens with the window, and the rest come after, in order.
export class OsOpenQueue {
  readonly #early: string[] = [];
  /** How many of the early files startup took; null until it has. */
  #taken: number | null = null;
  #open: ((file: string) => Promise<void>) | null = null;

  constructor(launchFile: string | null) {
    if (launchFile) this.#early.push(launchFile);
  }

  /** A file the OS named: opened now once the app has started, else held. */
  add(file: string): void {
    if (this.#open) void this.#open(file);
    else this.#early.push(file);
  }

  /** The file the first window shows: one window shows one post, so the last one named so far. */
  takeLaunchFile(): string | undefined {
    this.#taken = this.#early.length;
    return this.#early[this.#taken - 1];
  }

  /** The app has started: files named while it started open now, and later ones as they come. */
  async started(open: (file: string) => Promise<void>): Promise<void> {
    this.#open = open;
    for (const file of this.#early.splice(this.#taken ?? 0)) await open(file);
  }
}
