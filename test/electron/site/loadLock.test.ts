// Node 20 aborts the process when a worker is terminated inside a require() of
// an ES module (loadLock.ts), so the DOM thread and the render workers are
// stopped only outside their loads. Real worker threads, running our lock.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { adoptLoadLock, createLoadLock, guardedLoad, stopOutsideLoad } from '../../../electron/site/loadLock';

const entry = fileURLToPath(new URL('../../helpers/tsWorker.mjs', import.meta.url));
const loader = pathToFileURL(fileURLToPath(new URL('../../helpers/loadLockWorker.ts', import.meta.url))).href;

async function loadingWorker(holdMs: number) {
  const loadLock = createLoadLock();
  const state = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(entry, { workerData: { entry: loader, loadLock, state, holdMs } });
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  await expect.poll(() => Atomics.load(state, 0), { timeout: 60_000 }).toBe(1);
  return { worker, loadLock, state, exited };
}

describe('a worker that loads under its load lock', () => {
  it('is stopped only once its load has ended', { timeout: 90_000 }, async () => {
    const { worker, loadLock, state, exited } = await loadingWorker(400);
    await stopOutsideLoad(worker, loadLock, 60_000);
    expect(Atomics.load(state, 0)).toBe(2);
    await exited;
  });

  it('is stopped anyway when its load outlasts the patience', { timeout: 90_000 }, async () => {
    const { worker, loadLock, state, exited } = await loadingWorker(120_000);
    await stopOutsideLoad(worker, loadLock, 200);
    await exited;
    expect(Atomics.load(state, 0)).toBe(1);
  });
});

describe('a thread whose parent has begun to stop it', () => {
  it('loads nothing more', () => {
    const lock = createLoadLock();
    adoptLoadLock(lock);
    Atomics.store(lock, 0, 2);
    let loaded = false;
    expect(() => guardedLoad(() => (loaded = true))).toThrow('This thread is stopping.');
    expect(loaded).toBe(false);
  });
});
