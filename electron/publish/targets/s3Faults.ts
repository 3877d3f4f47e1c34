// What went wrong talking to an S3-compatible store, in words that name the
// target and say what to do, never with a secret in them. The SDK reports the
// store's answer as an S3ServiceException named for its error code, and a dead
// network as a system error somewhere in the causes (netFaults.ts).
import { S3ServiceException } from '@aws-sdk/client-s3';
import { ApiError } from '../../../common/errors';
import { isAbort, isUnreachable } from './netFaults';

const REFUSED_CREDENTIALS = new Set(['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'InvalidToken', 'ExpiredToken', 'CredentialsProviderError']);

/** `where` names the target: `S3 target "site" (bucket blog at http://…)`. */
export function s3Cancelled(where: string): ApiError {
  return new ApiError('cancelled', `Publishing to ${where} was cancelled. Publish again to finish; the files already sent are kept.`);
}

/** Every fault as an ApiError that names the target and says what to do. */
export function s3Fault(error: unknown, signal: AbortSignal, where: string): ApiError {
  if (error instanceof ApiError) return error;
  if (isAbort(error, signal)) return s3Cancelled(where);
  const name = error instanceof Error ? error.name : '';
  const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
  if (name === 'NoSuchBucket') return new ApiError('not-found', `${where}: the bucket does not exist. Create it, or correct the bucket name and region in the target's settings.`);
  if (REFUSED_CREDENTIALS.has(name)) {
    return new ApiError('auth-failed', `${where}: the store refused the credentials (${name}). Check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN, if you use one).`);
  }
  if (name === 'AccessDenied' || name === 'AllAccessDisabled' || status === 403) {
    return new ApiError('forbidden', `${where}: access denied. The credentials work but may not list, write or delete objects in this bucket; grant s3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject.`);
  }
  if (isUnreachable(error)) return new ApiError('unreachable', `${where} cannot be reached: check the endpoint or your connection, then publish again.`);
  const detail = error instanceof S3ServiceException ? `${name}${status ? `, HTTP ${status}` : ''}` : name || 'unknown error';
  return new ApiError('io', `${where} failed (${detail}). Publish again; if it keeps failing, check the target's settings.`);
}

/** A DeleteObjects answer that refused some keys (it answers 200 with a list of errors). */
export function s3DeleteRefused(where: string, refused: number, firstPath: string | undefined, code: string | undefined): ApiError {
  return new ApiError(code === 'AccessDenied' ? 'forbidden' : 'io', `${where} refused to delete ${refused} file(s), such as ${firstPath} (${code}). Check that the credentials may delete objects.`);
}
