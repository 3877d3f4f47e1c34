// Node 20 aborts the whole process, with the V8 fatal error "v8::Module::
// IsGraphAsync must be used on an instantiated module", when a worker is
// terminated while CommonJS require()s an ES module: the termination breaks the
// instantiation, and Node goes on to ask the broken module whether its graph is
// async. jsdom requires @asamuzakjp/dom-selector that way. CI met it: a
// `postwright publish` that failed before its DOM thread had loaded jsdom died
// of SIGABRT on exit instead of returning 1 (about 1 exit in 160 under load).
// process.exit() terminates every worker just as worker.terminate() does.
//
// So a thread that loads jsdom holds a lock shared with its parent while it
// does, and the parent stops it only outside that lock. The lock is a word in
// shared memory: free, loading (the worker has it) or stopping (the parent has
// it, for good: the worker loads nothing more).
import type { Worker } from 'node:worker_threads';

const FREE = 0;
const LOADING = 1;
const STOPPING = 2;

/** Made by the parent, passed to the worker in its workerData. */
export type LoadLock = Int32Array;

export function createLoadLock(): LoadLock {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** This thread's lock: set by a worker's entry; the main thread has none, since nothing terminates it. */
let held: LoadLock | undefined;

export function adoptLoadLock(lock: LoadLock): void {
  held = lock;
}

/** Runs a module load that must not be cut short; throws, loading nothing, once the thread is being stopped. */
export function guardedLoad<T>(load: () => T): T {
  if (!held) return load();
  if (Atomics.compareExchange(held, 0, FREE, LOADING) !== FREE) throw new Error('This thread is stopping.');
  try {
    return load();
  } finally {
    Atomics.store(held, 0, FREE);
  }
}

/** How often a stop looks at the lock again while the worker loads. */
const POLL_MS = 10;
/** How long a stop waits for a load by default: loading jsdom has taken 6 s under heavy load; this is far beyond it. */
const PATIENCE_MS = 120_000;

/**
 * Terminates `worker` once it holds no load, waiting at most `patienceMs` for one to end (a load that
 * never ends is cut anyway). Waits by polling, not Atomics.wait, so the app's main thread is never blocked.
 */
export async function stopOutsideLoad(worker: Worker, lock: LoadLock, patienceMs = PATIENCE_MS): Promise<void> {
  const deadline = performance.now() + patienceMs;
  while (Atomics.compareExchange(lock, 0, FREE, STOPPING) === LOADING && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  await worker.terminate();
}
