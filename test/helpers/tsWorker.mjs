// The entry of a worker thread that runs a TypeScript module (workerData.entry,
// a file URL): worker threads get none of vitest's transforms, so tsx's loader
// is registered on the thread first.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
