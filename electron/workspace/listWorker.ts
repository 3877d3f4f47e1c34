// A worker thread that summarises shares of a workspace's posts, so that
// listing a large workspace uses every core (see parallelList.ts). Blocking
// reads are fine here, and much faster than callbacks, since nothing else runs
// on this thread.
import { parentPort } from 'node:worker_threads';
import type { PostSummary } from '../../common/types';
import type { ListRequest, ListResponse } from './parallelList';
import { summarizeFileSync } from './scan';

parentPort!.on('message', ({ id, root, relatives }: ListRequest) => {
  const summaries: PostSummary[] = [];
  for (const relative of relatives) {
    const summary = summarizeFileSync(root, relative);
    if (summary) summaries.push(summary);
  }
  parentPort!.postMessage({ id, summaries } satisfies ListResponse);
});
