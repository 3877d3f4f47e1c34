// A target's read of its host (a git fetch, a bucket listing) that prefetch()
// starts while the check and the build run, and the next plan() takes. Each
// plan compares with the host as it is then, so the plan after it reads again.

export interface HostRead<T> {
  /** Starts the read, unless one is waiting; settles with it and never rejects (plan() reports its failure). */
  start(signal: AbortSignal): Promise<void>;
  /** The read started early, or a new one; the next take reads again. */
  take(signal: AbortSignal): Promise<T>;
}

export function hostRead<T>(read: (signal: AbortSignal) => Promise<T>): HostRead<T> {
  let waiting: Promise<T> | null = null;
  return {
    start: (signal) => (waiting ??= read(signal)).then(
      () => {},
      () => {},
    ),
    take: (signal) => {
      const reading = waiting ?? read(signal);
      waiting = null;
      return reading;
    },
  };
}
