// Loading jsdom and making a window cost a fresh process about a second of
// CPU before it can sanitize its first post (domWindow.ts), and after a
// one-line edit `postwright build` or `publish` renders just that one post.
// So those commands start this thread first: it loads the DOM on the other
// core while the main thread loads the rest of the command, lists the posts
// and checks them, and the main thread's DOM work is then done there.
//
// The markdown pipeline is synchronous (marked's hooks call the sanitizer),
// so a call blocks on Atomics.wait until the thread has answered and then
// takes the answer with receiveMessageOnPort; Node allows both on the main
// thread (https://nodejs.org/api/worker_threads.html#workerreceivemessageonportport).
// A thread that never answers is given up on, and the work is done here.
//
// The render workers import this module too (through domWindow.ts), so it
// imports nothing that looks for the app's files: the caller names the worker.
import { existsSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { createLoadLock, stopOutsideLoad, type LoadLock } from './loadLock';

/** The DOM work the thread does, by name, with its arguments and its answer. */
export interface DomCalls {
  /** A post's HTML through the posts' sanitizer. */
  post: { args: [html: string]; result: string };
  /** A theme partial through the partials' sanitizer. */
  partial: { args: [html: string]; result: { html: string; removed: number } };
  /** A post's HTML sanitized, then every URL in it made absolute against `base`, for a feed. */
  feedItem: { args: [html: string, base: string]; result: string };
}
export type DomCall = { [K in keyof DomCalls]: { op: K; args: DomCalls[K]['args'] } }[keyof DomCalls];
export type DomAnswer = { ok: true; value: DomCalls[keyof DomCalls]['result'] } | { ok: false; message: string };

export interface DomThreadData {
  port: MessagePort;
  /** Set to 1 by the thread, with Atomics.notify, when an answer is on the port. */
  signal: Int32Array;
  /** Held by the thread while it loads jsdom: it is stopped only outside that (loadLock.ts). */
  loadLock: LoadLock;
}

/** How long one call may wait: loading jsdom on a machine under heavy load has taken 6 s; this is far beyond it. */
const PATIENCE_MS = 120_000;

export interface DomThread {
  /** The thread's answer; undefined when the thread is gone or gave no answer in time, so the caller does the work itself. */
  call<K extends keyof DomCalls>(op: K, ...args: DomCalls[K]['args']): DomCalls[K]['result'] | undefined;
  /** How many calls the thread answered. */
  readonly answered: number;
  /** The worker it runs. */
  readonly script: string;
  stop(): Promise<void>;
}

let current: DomThread | null = null;

/** The thread this process started, if any (never inside a worker: only the main thread starts one). */
export function domThread(): DomThread | null {
  return current;
}

/** Starts this process's DOM thread running `script`, unless one runs already or the worker was never built. */
export function startDomThread(script: string, patienceMs = PATIENCE_MS): DomThread | null {
  if (!current && existsSync(script)) current = spawn(script, patienceMs);
  return current;
}

/** Stops this process's DOM thread; the DOM work goes back to this thread. */
export async function stopDomThread(): Promise<void> {
  const thread = current;
  current = null;
  await thread?.stop();
}

function spawn(script: string, patienceMs: number): DomThread {
  const { port1: port, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const loadLock = createLoadLock();
  const worker = new Worker(script, { workerData: { port: port2, signal, loadLock } satisfies DomThreadData, transferList: [port2] });
  // The thread must never keep a finished command's process alive.
  worker.unref();
  port.unref();
  let alive = true;
  let answered = 0;
  // A thread that fails to start reports it here only once this thread is free again, so a call
  // also gives up after patienceMs; a failed thread is never asked again.
  worker.once('error', () => (alive = false));
  worker.once('exit', () => (alive = false));
  const giveUp = () => {
    alive = false;
    void stopOutsideLoad(worker, loadLock, 0);
    return undefined;
  };
  return {
    script,
    get answered() {
      return answered;
    },
    call(op, ...args) {
      if (!alive) return undefined;
      Atomics.store(signal, 0, 0);
      port.postMessage({ op, args } as DomCall);
      if (Atomics.wait(signal, 0, 0, patienceMs) === 'timed-out') return giveUp();
      const answer = receiveMessageOnPort(port)?.message as DomAnswer | undefined;
      if (!answer) return giveUp();
      if (!answer.ok) throw new Error(answer.message);
      answered++;
      return answer.value as DomCalls[typeof op]['result'];
    },
    async stop() {
      alive = false;
      port.close();
      await stopOutsideLoad(worker, loadLock, patienceMs);
    },
  };
}
