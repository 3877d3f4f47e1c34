// A worker thread that renders shares of a site's posts (see renderPool.ts).
// It keeps the bodies it rendered and writes their pages itself, so only small
// records cross back to the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../common/errors';
import { adoptLoadLock } from './loadLock';
import { OutputFolder } from './outputFolder';
import { createPostRenderer, PostWorkshop, type PageResult, type ScanResult } from './postRenderer';
import type { RenderRequest, RenderResponse, RenderWorkerData } from './renderPool';

const { context, outputRoot, loadLock } = workerData as RenderWorkerData;
adoptLoadLock(loadLock);
const workshop = new PostWorkshop(createPostRenderer(context), OutputFolder.reopen(outputRoot));

parentPort!.on('message', async (request: RenderRequest) => {
  try {
    const results: (ScanResult | PageResult | null)[] = [];
    // In order, one at a time: the pool counts on answers in the order it asked.
    if (request.kind === 'scan') for (const task of request.tasks) results.push(await workshop.scan(task));
    else for (const task of request.tasks) results.push(await workshop.page(task, request.nav));
    parentPort!.postMessage({ id: request.id, results } satisfies RenderResponse);
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: ApiError.from(error).toJSON() } satisfies RenderResponse);
  }
});
