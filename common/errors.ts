// Errors cross process and network boundaries as plain data: a code the UI can
// act on and a message a person can read.

export type ErrorCode =
  /** The arguments did not match the contract. */
  | 'invalid-arguments'
  /** No such post, method or file. */
  | 'not-found'
  /** A name that is already taken. */
  | 'exists'
  /** A path that would leave the workspace, directly or through a symlink. */
  | 'outside-workspace'
  /** A file that is not valid UTF-8; it is left untouched. */
  | 'not-utf8'
  /** The file or its folder cannot be written. */
  | 'read-only'
  /** The disk is full; the original file is intact. */
  | 'disk-full'
  /** The bridge refused the caller: missing or wrong token. */
  | 'unauthorized'
  /** The bridge refused the caller: wrong Host or Origin, or a frame that is not ours. */
  | 'forbidden'
  /** This environment cannot do that (e.g. no folder picker in the CLI). */
  | 'unsupported'
  /** A host that cannot be reached: offline, a wrong address, a closed port or a dropped connection. */
  | 'unreachable'
  /** The host refused the credentials. */
  | 'auth-failed'
  /** An SSH host whose key is not yet trusted, or no longer matches; the message shows the fingerprint. */
  | 'host-key'
  /** A publish target would send credentials to an address the author has not confirmed on this computer; the message names it. */
  | 'untrusted-endpoint'
  /** The author cancelled the work; nothing was left half-done on their side. */
  | 'cancelled'
  /** Any other I/O failure. */
  | 'io'
  /** A bug: the message says what failed. */
  | 'internal';

export interface ErrorData {
  code: ErrorCode;
  message: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

const codes = new Set<string>([
  'invalid-arguments', 'not-found', 'exists', 'outside-workspace', 'not-utf8', 'read-only',
  'disk-full', 'unauthorized', 'forbidden', 'unsupported', 'unreachable', 'auth-failed', 'host-key', 'untrusted-endpoint', 'cancelled', 'io', 'internal',
]);

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  toJSON(): ErrorData {
    return { code: this.code, message: this.message };
  }

  static fromJSON(data: ErrorData): ApiError {
    return new ApiError(codes.has(data.code) ? data.code : 'internal', String(data.message));
  }

  /** Wraps anything thrown, so a transport never leaks a stack or an untyped error. */
  static from(error: unknown): ApiError {
    if (error instanceof ApiError) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new ApiError('internal', message);
  }
}
