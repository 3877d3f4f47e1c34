// Examining 10,000 posts is mostly marked's lexer, CPU-bound on one thread.
// Above a threshold the posts are shared out to worker threads in chunks (one
// queue: whichever worker is free takes the next), while this thread checks
// what comes back against the whole site. The pool lives as long as the
// process, so the workers' compiled code stays warm between checks.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PostSummary } from '../../../common/types';
import { packageRoot, unpackedPath } from '../../appPaths';
import type { ExaminedPost } from './examine';

export interface CheckRequest {
  id: number;
  root: string;
  posts: PostSummary[];
}
export interface CheckResponse {
  id: number;
  /** null for a post the worker could not read or examine. */
  results: (ExaminedPost | null)[];
}

/** Below this many posts, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;
/** Posts per message: large enough to amortise messaging, small enough to balance the load. */
const CHUNK = 64;
/**
 * The bundled worker (`npm run build`); without it the check stays on this thread.
 * Packaged, it is read from app.asar.unpacked: a worker thread loads its script
 * through Node's own module loader, so it is kept a real file on disk.
 */
export const checkWorkerScript = unpackedPath(path.join(packageRoot, 'out', 'main', 'checkWorker.mjs'));

interface PooledWorker {
  worker: Worker;
  pending: Map<number, (results: CheckResponse['results'] | Error) => void>;
}

let pool: PooledWorker[] | null = null;
let nextId = 0;

function startWorker(): PooledWorker {
  // Plain bundled JS: it needs none of the parent's loaders (tsx under tests and benchmarks).
  const worker = new Worker(checkWorkerScript, { execArgv: [] });
  const pooled: PooledWorker = { worker, pending: new Map() };
  worker.on('message', ({ id, results }: CheckResponse) => {
    pooled.pending.get(id)?.(results);
    pooled.pending.delete(id);
    if (pooled.pending.size === 0) worker.unref();
  });
  worker.on('error', (error) => {
    // A broken worker leaves the pool; its posts are examined on this thread.
    pool = null;
    for (const settle of pooled.pending.values()) settle(error);
    pooled.pending.clear();
  });
  // Referenced only while it has work: an idle pool must not keep the CLI alive.
  worker.unref();
  return pooled;
}

/** Whether `count` posts are worth the worker threads, and they can be had. */
export function workersPay(count: number): boolean {
  return count >= PARALLEL_THRESHOLD && availableParallelism() >= 2 && existsSync(checkWorkerScript);
}

/**
 * Examines every post on the worker threads, handing each result to `use` as
 * its chunk comes back; `null` when a worker could not examine the post (or
 * died), for the caller to examine it here. Resolves once every `use` has.
 */
export async function examineInWorkers(
  root: string,
  posts: readonly PostSummary[],
  use: (post: PostSummary, examined: ExaminedPost | null) => Promise<void>,
): Promise<void> {
  pool ??= Array.from({ length: Math.min(availableParallelism(), 4) }, startWorker);
  const queue = [...posts];
  // The checks run while the workers go on; one that fails is rethrown at the end, not left unhandled meanwhile.
  const using: Promise<unknown>[] = [];
  const failures: unknown[] = [];
  const track = (checks: Promise<unknown>) => using.push(checks.catch((error: unknown) => failures.push(error)));
  const drain = async (pooled: PooledWorker) => {
    for (let chunk = queue.splice(0, CHUNK); chunk.length > 0; chunk = queue.splice(0, CHUNK)) {
      const results = await new Promise<CheckResponse['results'] | Error>((settle) => {
        if (!pool?.includes(pooled)) return settle(new Error('the check worker stopped'));
        const id = nextId++;
        pooled.pending.set(id, settle);
        pooled.worker.ref();
        pooled.worker.postMessage({ id, root, posts: chunk } satisfies CheckRequest);
      });
      // Without a worker, this chunk is examined here before the next is taken, which bounds the reads at once.
      if (results instanceof Error) await Promise.all(chunk.map((post) => use(post, null)));
      else track(Promise.all(chunk.map((post, i) => use(post, results[i] ?? null))));
    }
  };
  await Promise.all(pool.map(drain));
  await Promise.all(using);
  if (failures.length > 0) throw failures[0];
}
