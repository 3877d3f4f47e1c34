// Rendering 10,000 posts is CPU-bound (marked and highlight.js), so posts are
// shared out to one worker thread per core, a few at a time so a worker that
// draws long posts does not hold the others up. Each worker keeps the bodies
// it rendered until the site model has given every post its URL; then the
// same worker writes those pages. Small rebuilds (one changed post) run on
// this thread: starting workers would cost more than it saves, unless the
// change reaches every page's header.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiError, type ErrorData } from '../../common/errors';
import { packageRoot, unpackedPath } from '../appPaths';
import { createLoadLock, stopOutsideLoad, type LoadLock } from './loadLock';
import type { OutputFolder } from './outputFolder';
import { createPostRenderer, PostWorkshop, type PageNav, type PageResult, type PageTask, type RenderContext, type ScanResult, type ScanTask } from './postRenderer';

export interface RenderWorkerData {
  context: RenderContext;
  outputRoot: string;
  /** Held by the worker while it loads jsdom: it is stopped only outside that (loadLock.ts). */
  loadLock: LoadLock;
}
export type RenderRequest = { id: number; kind: 'scan'; tasks: ScanTask[] } | { id: number; kind: 'page'; tasks: PageTask[]; nav: PageNav };
export type RenderResponse = { id: number; results: (ScanResult | PageResult | null)[] } | { id: number; error: ErrorData };

/** Below this many posts to render, one thread is quicker than starting workers. */
export const PARALLEL_THRESHOLD = 200;
/** Posts per message: large enough to amortise messaging, small enough to balance the load. */
const CHUNK = 32;
/**
 * The bundled worker (`npm run build`); without it rendering stays on this thread. Packaged, it runs from
 * app.asar.unpacked with the modules it imports (jsdom for raw HTML included), as the listing worker does.
 */
export const renderWorkerScript = unpackedPath(path.join(packageRoot, 'out', 'main', 'renderWorker.mjs'));

type Progress = (done: number) => void;

export interface RenderPool {
  scan(tasks: readonly ScanTask[], progress: Progress): Promise<(ScanResult | null)[]>;
  /** Writes the pages, each with the site's nav in its header. */
  pages(tasks: readonly PageTask[], nav: PageNav, progress: Progress): Promise<(PageResult | null)[]>;
  close(): Promise<void>;
}

/** A worker thread could not start or died: the build can still be made on this thread. */
export class RenderWorkerFailed extends ApiError {
  constructor(reason: string) {
    super('internal', `A render worker failed: ${reason}`);
  }
}

/** Worker threads running `script` when `expected` posts are worth them, else this thread. */
export function openRenderPool(context: RenderContext, out: OutputFolder, expected: number, script: string | null = renderWorkerScript): RenderPool {
  const threads = Math.min(availableParallelism(), 4);
  const local = () => localPool(new PostWorkshop(createPostRenderer(context), out));
  if (threads < 2 || script === null || !existsSync(script)) return local();
  if (expected >= PARALLEL_THRESHOLD) return threadPool(context, out, threads, script);
  return pagesOnThreads(local(), () => threadPool(context, out, threads, script));
}

/**
 * Few posts to scan, but a change every page shows (a new page in the nav)
 * can still mean rewriting every post page, each rendered again from its
 * source: when that is worth the workers, they write the pages.
 */
function pagesOnThreads(local: RenderPool, openThreads: () => RenderPool): RenderPool {
  let threads: RenderPool | null = null;
  return {
    scan: (tasks, progress) => local.scan(tasks, progress),
    pages(tasks, nav, progress) {
      if (tasks.length < PARALLEL_THRESHOLD) return local.pages(tasks, nav, progress);
      threads ??= openThreads();
      return threads.pages(tasks, nav, progress);
    },
    close: async () => {
      await local.close();
      await threads?.close();
    },
  };
}

function localPool(workshop: PostWorkshop): RenderPool {
  // One at a time: a post waits only for the images it shows.
  const run = async <T, R>(tasks: readonly T[], step: (task: T) => Promise<R>, progress: Progress) => {
    const results: R[] = [];
    for (const task of tasks) {
      results.push(await step(task));
      progress(results.length);
    }
    return results;
  };
  return {
    scan: (tasks, progress) => run(tasks, (task) => workshop.scan(task), progress),
    pages: (tasks, nav, progress) => run(tasks, (task) => workshop.page(task, nav), progress),
    close: async () => {},
  };
}

function threadPool(context: RenderContext, out: OutputFolder, threads: number, script: string): RenderPool {
  const locks = Array.from({ length: threads }, createLoadLock);
  // Plain bundled JS: it needs none of the parent's loaders (tsx under tests and benchmarks).
  const workers = locks.map((loadLock) => new Worker(script, { workerData: { context, outputRoot: out.root, loadLock } satisfies RenderWorkerData, execArgv: [] }));
  /** Which worker holds each rendered body. */
  const holder = new Map<string, number>();
  let nextId = 0;

  /** Sends each worker its queue in chunks (one shared queue: whichever worker is free takes the next chunk). */
  const run = async <T extends ScanTask | PageTask, R>(kind: RenderRequest['kind'], queues: T[][], progress: Progress, onResult: (worker: number, result: R) => void, nav?: PageNav) => {
    const results = new Map<T, R>();
    let done = 0;
    await Promise.all(
      workers.map(
        (worker, w) =>
          new Promise<void>((resolve, reject) => {
            const queue = queues.length === 1 ? queues[0]! : queues[w]!;
            let batch: T[] = [];
            const id = nextId++;
            const send = () => {
              batch = queue.splice(0, CHUNK);
              if (!batch.length) {
                worker.off('message', onMessage);
                worker.off('error', onError);
                return resolve();
              }
              worker.postMessage({ id, kind, tasks: batch, nav } as RenderRequest);
            };
            const onMessage = (response: RenderResponse) => {
              if (response.id !== id) return;
              if ('error' in response) return reject(ApiError.fromJSON(response.error));
              response.results.forEach((result, i) => {
                results.set(batch[i]!, result as R);
                if (result) onResult(w, result as R);
              });
              done += batch.length;
              progress(done);
              send();
            };
            const onError = (error: Error) => reject(new RenderWorkerFailed(error.message));
            worker.on('message', onMessage);
            worker.on('error', onError);
            send();
          }),
      ),
    );
    return results;
  };

  return {
    async scan(tasks, progress) {
      const results = await run<ScanTask, ScanResult>('scan', [[...tasks]], progress, (w, result) => {
        if (result.rendered) holder.set(result.record.relative, w);
      });
      return tasks.map((task) => results.get(task) ?? null);
    },
    async pages(tasks, nav, progress) {
      const queues: PageTask[][] = workers.map(() => []);
      let spread = 0;
      for (const task of tasks) queues[holder.get(task.relative) ?? spread++ % workers.length]!.push(task);
      const results = await run<PageTask, PageResult>('page', queues, progress, () => {}, nav);
      return tasks.map((task) => results.get(task) ?? null);
    },
    close: async () => {
      await Promise.all(workers.map((worker, w) => stopOutsideLoad(worker, locks[w]!)));
    },
  };
}
