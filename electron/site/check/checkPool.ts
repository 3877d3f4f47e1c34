// Examining 10,000 posts is mostly marked's lexer, CPU-bound on one thread.
// Above a threshold the posts are shared out to worker threads in chunks (one
// queue: whichever worker is free takes the next), while this thread checks
// what comes back against the whole site. The pool lives as long as the
// process, so the workers' compiled code stays warm between checks.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { PostSummary } from '../../../common/types';
import { packageRoot, unpackedPath } from '../../appPaths';
import { WorkerPool } from '../../workerPool';
import type { ExaminedPost } from './examine';
import type { FileStamp } from './factsCache';

export interface CheckRequest {
  id: number;
  root: string;
  posts: PostSummary[];
}
export interface CheckResponse {
  id: number;
  /** null for a post the worker could not read or examine. */
  results: (ExaminedPost | null)[];
  /** The file each result was read from, for the facts cache. */
  stamps: (FileStamp | null)[];
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

const pool = new WorkerPool<Omit<CheckRequest, 'id'>, CheckResponse>(checkWorkerScript);

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
  use: (post: PostSummary, examined: ExaminedPost | null, stamp: FileStamp | null) => Promise<void>,
): Promise<void> {
  const queue = [...posts];
  // The checks run while the workers go on; one that fails is rethrown at the end, not left unhandled meanwhile.
  const using: Promise<unknown>[] = [];
  const failures: unknown[] = [];
  const track = (checks: Promise<unknown>) => using.push(checks.catch((error: unknown) => failures.push(error)));
  const drain = async (worker: unknown) => {
    for (let chunk = queue.splice(0, CHUNK); chunk.length > 0; chunk = queue.splice(0, CHUNK)) {
      const response = await pool.request(worker, { root, posts: chunk });
      // Without a worker, this chunk is examined here before the next is taken, which bounds the reads at once.
      if (response instanceof Error) await Promise.all(chunk.map((post) => use(post, null, null)));
      else track(Promise.all(chunk.map((post, i) => use(post, response.results[i] ?? null, response.stamps[i] ?? null))));
    }
  };
  await Promise.all(pool.workers().map(drain));
  await Promise.all(using);
  if (failures.length > 0) throw failures[0];
}
