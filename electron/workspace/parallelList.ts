// Listing 10,000 posts is mostly YAML parsing and read callbacks, both CPU-bound
// on one thread. Above a threshold the files are split between worker threads,
// kept for the life of the process so their compiled code stays warm.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PostSummary } from '../../common/types';
import { packageRoot, unpackedPath } from '../appPaths';
import { summarizeAll } from './scan';

export interface ListRequest {
  id: number;
  root: string;
  relatives: string[];
}
export interface ListResponse {
  id: number;
  summaries: PostSummary[];
}

/** Below this, handing work to threads costs more than it saves. */
export const PARALLEL_THRESHOLD = 400;
/**
 * The bundled worker (`npm run build`); without it listing stays on one thread.
 * Packaged, it is read from app.asar.unpacked: a worker thread loads its script
 * through Node's own module loader, so it is kept a real file on disk.
 */
export const workerScript = unpackedPath(path.join(packageRoot, 'out', 'main', 'listWorker.mjs'));

interface PooledWorker {
  worker: Worker;
  pending: Map<number, (summaries: PostSummary[] | Error) => void>;
}

let pool: PooledWorker[] | null = null;
let nextId = 0;

function startWorker(): PooledWorker {
  // The worker is plain bundled JS: it needs none of the parent's loaders (tsx under tests and benchmarks).
  const worker = new Worker(workerScript, { execArgv: [] });
  const pooled: PooledWorker = { worker, pending: new Map() };
  worker.on('message', ({ id, summaries }: ListResponse) => {
    pooled.pending.get(id)?.(summaries);
    pooled.pending.delete(id);
    if (pooled.pending.size === 0) worker.unref();
  });
  worker.on('error', (error) => {
    // A broken worker leaves the pool; its callers fall back to this thread.
    pool = null;
    for (const settle of pooled.pending.values()) settle(error);
    pooled.pending.clear();
  });
  // Referenced only while it has work: an idle pool must not keep the CLI alive.
  worker.unref();
  return pooled;
}

function workers(): PooledWorker[] {
  pool ??= Array.from({ length: Math.min(availableParallelism(), 4) }, startWorker);
  return pool;
}

/** Summaries of the given posts, in the worker pool when that pays off. */
export async function summarizeInParallel(root: string, relatives: readonly string[]): Promise<PostSummary[]> {
  if (relatives.length < PARALLEL_THRESHOLD || availableParallelism() < 2 || !existsSync(workerScript)) return summarizeAll(root, relatives);
  const threads = workers();
  const size = Math.ceil(relatives.length / threads.length);
  const shares = threads.map(async (pooled, i) => {
    const share = relatives.slice(i * size, (i + 1) * size);
    const result = await new Promise<PostSummary[] | Error>((settle) => {
      const id = nextId++;
      pooled.pending.set(id, settle);
      pooled.worker.ref();
      pooled.worker.postMessage({ id, root, relatives: share } satisfies ListRequest);
    });
    return result instanceof Error ? summarizeAll(root, share) : result;
  });
  return (await Promise.all(shares)).flat();
}
