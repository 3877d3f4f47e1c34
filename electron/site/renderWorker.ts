// A worker thread that renders shares of a site's posts (see renderPool.ts).
// It writes each page itself, so only small results cross back to the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../common/errors';
import { OutputFolder } from './outputFolder';
import { createPostRenderer, renderPostFile } from './postRenderer';
import type { RenderRequest, RenderResponse, RenderWorkerData } from './renderPool';

const { context, outputRoot } = workerData as RenderWorkerData;
const renderer = createPostRenderer(context);
const out = OutputFolder.reopen(outputRoot);

parentPort!.on('message', ({ id, tasks }: RenderRequest) => {
  try {
    const results = tasks.map((task) => renderPostFile(renderer, out, task));
    parentPort!.postMessage({ id, results } satisfies RenderResponse);
  } catch (error) {
    parentPort!.postMessage({ id, error: ApiError.from(error).toJSON() } satisfies RenderResponse);
  }
});
