// Rendering 10,000 posts is CPU-bound (marked and highlight.js): the posts are
// shared out to one worker thread per core, a few at a time so a worker that
// draws long posts does not hold the others up. Small rebuilds (one changed
// post) render on this thread: starting workers would cost more than it saves.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiError, type ErrorData } from '../../common/errors';
import { packageRoot } from '../appPaths';
import { OutputFolder } from './outputFolder';
import { createPostRenderer, renderPostFile, type PostResult, type PostTask, type RenderContext } from './postRenderer';

export interface RenderWorkerData {
  context: RenderContext;
  outputRoot: string;
}
export interface RenderRequest {
  id: number;
  tasks: PostTask[];
}
export type RenderResponse = { id: number; results: (PostResult | null)[] } | { id: number; error: ErrorData };

/** Below this many posts to render, one thread is quicker than starting workers. */
export const PARALLEL_THRESHOLD = 200;
/** Posts per message: large enough to amortise messaging, small enough to balance the load. */
const CHUNK = 24;
/** The bundled worker (`npm run build`); without it rendering stays on this thread. */
export const renderWorkerScript = path.join(packageRoot, 'out', 'main', 'renderWorker.js');

/** Renders `tasks` (results in the same order); `progress` is told how many are done. */
export async function renderPosts(
  tasks: readonly PostTask[],
  context: RenderContext,
  out: OutputFolder,
  progress: (done: number) => void,
): Promise<(PostResult | null)[]> {
  const threads = Math.min(availableParallelism(), 4);
  if (tasks.length < PARALLEL_THRESHOLD || threads < 2 || !existsSync(renderWorkerScript)) {
    const renderer = createPostRenderer(context);
    return tasks.map((task, i) => {
      const result = renderPostFile(renderer, out, task);
      progress(i + 1);
      return result;
    });
  }

  const results: (PostResult | null)[] = new Array(tasks.length).fill(null);
  let next = 0;
  let done = 0;
  const workerData: RenderWorkerData = { context, outputRoot: out.root };
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: threads }, () => {
        // Plain bundled JS: it needs none of the parent's loaders (tsx under tests and benchmarks).
        const worker = new Worker(renderWorkerScript, { workerData, execArgv: [] });
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          let start = 0;
          const send = () => {
            if (next >= tasks.length) return resolve();
            start = next;
            next = Math.min(tasks.length, next + CHUNK);
            worker.postMessage({ id: start, tasks: tasks.slice(start, next) } satisfies RenderRequest);
          };
          worker.on('message', (response: RenderResponse) => {
            if ('error' in response) return reject(ApiError.fromJSON(response.error));
            response.results.forEach((result, i) => (results[start + i] = result));
            done += response.results.length;
            progress(done);
            send();
          });
          worker.on('error', (error) => reject(new ApiError('internal', `A render worker failed: ${error.message}`)));
          send();
        });
      }),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
