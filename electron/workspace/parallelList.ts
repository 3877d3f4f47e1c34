// Listing 10,000 posts is mostly YAML parsing and read callbacks, both CPU-bound
// on one thread. Above a threshold the files are split between worker threads,
// kept for the life of the process so their compiled code stays warm.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { PostSummary } from '../../common/types';
import { packageRoot, unpackedPath } from '../appPaths';
import { WorkerPool } from '../workerPool';
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

const pool = new WorkerPool<Omit<ListRequest, 'id'>, ListResponse>(workerScript);

/** Summaries of the given posts, in the worker pool when that pays off. */
export async function summarizeInParallel(root: string, relatives: readonly string[]): Promise<PostSummary[]> {
  if (relatives.length < PARALLEL_THRESHOLD || availableParallelism() < 2 || !existsSync(workerScript)) return summarizeAll(root, relatives);
  const threads = pool.workers();
  const size = Math.ceil(relatives.length / threads.length);
  const shares = threads.map(async (worker, i) => {
    const share = relatives.slice(i * size, (i + 1) * size);
    const response = await pool.request(worker, { root, relatives: share });
    return response instanceof Error ? summarizeAll(root, share) : response.summaries;
  });
  return (await Promise.all(shares)).flat();
}
