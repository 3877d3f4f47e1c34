// The DOM thread (see domThread.ts): loads jsdom and the sanitizers as soon as
// it starts, then answers the main thread's calls one at a time, in order.
import { workerData } from 'node:worker_threads';
import { errorMessage } from '../../common/errors';
import type { DomAnswer, DomCall, DomThreadData } from './domThread';
import { feedItemHtml, sanitizePostHtml } from './domWindow';
import { adoptLoadLock } from './loadLock';
import { createPartialSanitizer } from './partialSanitizer';

const { port, signal, loadLock } = workerData as DomThreadData;
adoptLoadLock(loadLock);
/** The partials' sanitizer, made on the first partial. */
let sanitizePartial: ReturnType<typeof createPartialSanitizer> | undefined;

function answer(call: DomCall): DomAnswer {
  try {
    switch (call.op) {
      case 'post':
        return { ok: true, value: sanitizePostHtml(...call.args) };
      case 'partial':
        return { ok: true, value: (sanitizePartial ??= createPartialSanitizer())(...call.args) };
      case 'feedItem':
        return { ok: true, value: feedItemHtml(...call.args) };
    }
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
}

port.on('message', (call: DomCall) => {
  port.postMessage(answer(call));
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});

// Warm up now, while the main thread is busy elsewhere: the calls queue on the port meanwhile.
try {
  sanitizePostHtml('<p>warm</p>');
} catch {
  // The first call reports it: it goes through the same sanitizer and fails the same way.
}
