// Errors cross process and network boundaries as plain data: a code the UI can
// act on and a message a person can read.

/** Every error code, each with what it means: the type and the runtime check come from this one table. */
const errorCodes = {
  'invalid-arguments': 'The arguments did not match the contract.',
  'not-found': 'No such post, method or file.',
  'exists': 'A name that is already taken.',
  'outside-workspace': 'A path that would leave the workspace, directly or through a symlink.',
  'not-utf8': 'A file that is not valid UTF-8; it is left untouched.',
  'read-only': 'The file or its folder cannot be written.',
  'disk-full': 'The disk is full; the original file is intact.',
  'unauthorized': 'The bridge refused the caller: missing or wrong token.',
  'forbidden': 'The bridge refused the caller: wrong Host or Origin, or a frame that is not ours.',
  'unsupported': 'This environment cannot do that (e.g. no folder picker in the CLI).',
  'unreachable': 'A host that cannot be reached: offline, a wrong address, a closed port or a dropped connection.',
  'auth-failed': 'The host refused the credentials.',
  'host-key': 'An SSH host whose key is not yet trusted, or no longer matches; the message shows the fingerprint.',
  'untrusted-endpoint': 'A publish target would send credentials to an address the author has not confirmed on this computer; the message names it.',
  'cancelled': 'The author cancelled the work; nothing was left half-done on their side.',
  'io': 'Any other I/O failure.',
  'internal': 'A bug: the message says what failed.',
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface ErrorData {
  code: ErrorCode;
  message: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/** What went wrong, in words, whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorCodes, code);
}

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
    return new ApiError(isErrorCode(data.code) ? data.code : 'internal', String(data.message));
  }

  /** Wraps anything thrown, so a transport never leaks a stack or an untyped error. */
  static from(error: unknown): ApiError {
    if (error instanceof ApiError) return error;
    return new ApiError('internal', errorMessage(error));
  }
}
