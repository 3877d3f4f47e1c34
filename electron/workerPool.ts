// A pool of long-lived worker threads that answer requests, shared by the
// listing and the check. The workers live as long as the process, so their
// compiled code stays warm; each is referenced only while it has work, so an
// idle pool never keeps the CLI alive. A worker that breaks takes the whole
// pool down: its callers get an Error and do that share on their own thread.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

interface Pooled<Res> {
  worker: Worker;
  pending: Map<number, (response: Res | Error) => void>;
}

export class WorkerPool<Req extends object, Res extends { id: number }> {
  #workers: Pooled<Res>[] | null = null;
  #nextId = 0;

  constructor(private readonly script: string) {}

  /** The workers, started on first use: one per core, at most four. */
  workers(): readonly unknown[] {
    this.#workers ??= Array.from({ length: Math.min(availableParallelism(), 4) }, () => this.#start());
    return this.#workers;
  }

  /** Sends a request to the given worker; resolves with its answer, or an Error if the pool broke. */
  request(worker: unknown, request: Req): Promise<Res | Error> {
    const pooled = worker as Pooled<Res>;
    return new Promise((settle) => {
      if (!this.#workers?.includes(pooled)) return settle(new Error('the worker pool stopped'));
      const id = this.#nextId++;
      pooled.pending.set(id, settle);
      pooled.worker.ref();
      pooled.worker.postMessage({ ...request, id });
    });
  }

  #start(): Pooled<Res> {
    // Plain bundled JS: it needs none of the parent's loaders (tsx under tests and benchmarks).
    const worker = new Worker(this.script, { execArgv: [] });
    const pooled: Pooled<Res> = { worker, pending: new Map() };
    worker.on('message', (response: Res) => {
      pooled.pending.get(response.id)?.(response);
      pooled.pending.delete(response.id);
      if (pooled.pending.size === 0) worker.unref();
    });
    worker.on('error', (error) => {
      this.#workers = null;
      for (const settle of pooled.pending.values()) settle(error);
      pooled.pending.clear();
    });
    worker.unref();
    return pooled;
  }
}
