// A worker thread that examines shares of a workspace's posts for the check
// (see checkPool.ts): it reads each file itself, so only small records cross
// back. Blocking reads are fine here, since nothing else runs on this thread.
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { fromDisk, versionOf } from '../../workspace/encoding';
import { readFileBytesSync } from '../../workspace/files';
import type { CheckRequest, CheckResponse } from './checkPool';
import { examinePost, type ExaminedPost } from './examine';
import type { FileStamp } from './factsCache';

parentPort!.on('message', ({ id, root, posts }: CheckRequest) => {
  const results: (ExaminedPost | null)[] = [];
  const stamps: (FileStamp | null)[] = [];
  for (const post of posts) {
    try {
      const { bytes, stats } = readFileBytesSync(path.join(root, post.path), post.path);
      results.push(examinePost(post, fromDisk(bytes, post.path).text));
      stamps.push({ hash: versionOf(bytes), size: stats.size, mtime: Math.floor(stats.mtimeMs) });
    } catch {
      results.push(null); // read again on the main thread, which words the problem as the workspace does
      stamps.push(null);
    }
  }
  parentPort!.postMessage({ id, results, stamps } satisfies CheckResponse);
});
