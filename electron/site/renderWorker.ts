// A worker thread that renders shares of a site's posts (see renderPool.ts).
// It keeps the bodies it rendered and writes their pages itself, so only small
// records cross back to the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../common/errors';
import { OutputFolder } from './outputFolder';
import { createPostRenderer, PostWorkshop } from './postRenderer';
import type { RenderRequest, RenderResponse, RenderWorkerData } from './renderPool';

const { context, outputRoot } = workerData as RenderWorkerData;
const workshop = new PostWorkshop(createPostRenderer(context), OutputFolder.reopen(outputRoot));

parentPort!.on('message', (request: RenderRequest) => {
  try {
    const results = request.kind === 'scan' ? request.tasks.map((task) => workshop.scan(task)) : request.tasks.map((task) => workshop.page(task));
    parentPort!.postMessage({ id: request.id, results } satisfies RenderResponse);
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: ApiError.from(error).toJSON() } satisfies RenderResponse);
  }
});
