// A worker thread that examines shares of a workspace's posts for the check
// (see checkPool.ts): it reads each file itself, so only small records cross
// back. Blocking reads are fine here, since nothing else runs on this thread.
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { fromDisk } from '../../workspace/encoding';
import { readFileBytesSync } from '../../workspace/files';
import type { CheckRequest, CheckResponse } from './checkPool';
import { examinePost, type ExaminedPost } from './examine';

parentPort!.on('message', ({ id, root, posts }: CheckRequest) => {
  const results = posts.map((post): ExaminedPost | null => {
    try {
      const { bytes } = readFileBytesSync(path.join(root, post.path), post.path);
      return examinePost(post, fromDisk(bytes, post.path).text);
    } catch {
      return null; // read again on the main thread, which words the problem as the workspace does
    }
  });
  parentPort!.postMessage({ id, results } satisfies CheckResponse);
});
