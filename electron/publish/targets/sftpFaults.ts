// What went wrong talking to an SFTP server, in words that name the target and
// say what to do. ssh2 and ssh2-sftp-client report faults as plain Errors with
// a Node errno code, an SFTP status number, or only a message; all three are
// read here so the target itself stays about publishing.
import { ApiError, errorMessage } from '../../../common/errors';

/** SFTP status codes (draft-ietf-secsh-filexfer-02) that ssh2 puts on `code`. */
const NO_SUCH_FILE = 2;
const PERMISSION_DENIED = 3;

const OFFLINE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN']);
const NO_ANSWER = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'EHOSTDOWN']);
const DROPPED = /ECONNRESET|EPIPE|No SFTP connection|not connected|Unexpected (?:end|close) event|Connection lost|socket hang up|closed/i;

export interface FaultContext {
  /** `SFTP target "vps" (me@example.org:22)` */
  readonly label: string;
  readonly host: string;
  readonly port: number;
  /** Files were being changed when it happened. */
  readonly publishing: boolean;
  /** The connection closed without our asking. */
  readonly dropped: boolean;
}

export function sftpFault(error: unknown, context: FaultContext): ApiError {
  if (error instanceof ApiError) return error;
  const { label, host, port } = context;
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = errorMessage(error);

  if (OFFLINE.has(String(code))) {
    return new ApiError('unreachable', `${label}: cannot find the host ${host}. Check the host name in the target's settings and that you are online.`);
  }
  if (NO_ANSWER.has(String(code)) || /Timed out while waiting for handshake/i.test(message)) {
    return new ApiError('unreachable', `${label}: nothing answers on ${host} port ${port}. Check the host and port, that the server is up, and that no firewall is in the way.`);
  }
  if (/Cannot parse privateKey/i.test(message)) {
    return new ApiError(
      'auth-failed',
      /passphrase/i.test(message)
        ? `${label}: the key file is protected by a passphrase. Add it to your ssh agent (ssh-add FILE) and remove "keyFile" from the target's settings.`
        : `${label}: the key file is not a private key ssh can read. Check "keyFile" in the target's settings.`,
    );
  }
  if (/authentication methods failed/i.test(message)) {
    return new ApiError(
      'auth-failed',
      `${label}: the server refused the login. Check the user name and that the server accepts your key file, ssh agent key or password (POSTWRIGHT_SFTP_PASSWORD).`,
    );
  }
  if (code === PERMISSION_DENIED || code === 'EACCES' || /permission denied/i.test(message)) {
    return new ApiError('forbidden', `${label}: permission denied on the server (${stripPrefix(message)}). Give the user write access to the remote folder, or choose a folder it owns.`);
  }
  if (code === NO_SUCH_FILE || code === 'ENOENT') {
    return new ApiError('not-found', `${label}: not found on the server (${stripPrefix(message)}). Check the remote path in the target's settings.`);
  }
  if (context.dropped || DROPPED.test(message)) {
    const after = context.publishing
      ? 'Every file is replaced whole, so the live site is whole; publish again to finish.'
      : 'Check your connection and try again.';
    return new ApiError('unreachable', `${label}: the connection dropped. ${after}`);
  }
  return new ApiError('io', `${label}: ${stripPrefix(message)}`);
}

/** ssh2-sftp-client prefixes each message with the method names it passed through ("put->_put: …"). */
function stripPrefix(message: string): string {
  return message.replace(/^(?:[\w-]+(?:->)?)+:\s*/, '');
}
