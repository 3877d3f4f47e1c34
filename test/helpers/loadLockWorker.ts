// A worker thread that loads something slow under its load lock, as the DOM
// thread and the render workers load jsdom. It writes to `state`: 1 when the
// load began, 2 when it ended.
import { workerData } from 'node:worker_threads';
import { adoptLoadLock, guardedLoad, type LoadLock } from '../../electron/site/loadLock';

const { loadLock, state, holdMs } = workerData as { loadLock: LoadLock; state: Int32Array; holdMs: number };
adoptLoadLock(loadLock);
guardedLoad(() => {
  Atomics.store(state, 0, 1);
  // Busy, as a module's instantiation is: terminate() cuts running JavaScript short.
  const end = performance.now() + holdMs;
  while (performance.now() < end);
  Atomics.store(state, 0, 2);
});
