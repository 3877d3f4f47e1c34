// Telling a dead network from a host's answer, for targets that speak HTTP.
// Node's sockets, fetch (undici) and the AWS SDK each wrap the same system
// error differently, so the error and its causes are searched for its code.

/** System error codes that mean the host was never reached, or stopped answering. */
const UNREACHABLE = new Set([
  'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT',
]);

function* chain(error: unknown): Generator<Record<string, unknown>> {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    yield e as Record<string, unknown>;
  }
}

export function isUnreachable(error: unknown): boolean {
  for (const e of chain(error)) {
    if (typeof e.code === 'string' && UNREACHABLE.has(e.code)) return true;
    if (e.name === 'TimeoutError') return true;
  }
  return false;
}

export function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || [...chain(error)].some((e) => e.name === 'AbortError');
}
