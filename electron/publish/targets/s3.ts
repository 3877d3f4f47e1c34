// The S3-compatible target: AWS, Cloudflare R2, Backblaze B2, MinIO.
//
// The remote state is a manifest object we keep beside the site
// (<prefix>.postwright/manifest.json: path → sha256, size and the ETag the store
// gave our upload), trusted only where the bucket's own listing agrees: an
// object listed with another size or ETag was changed behind our back, one not
// listed was deleted, and both come out of the plan as uploads. An object the
// manifest does not vouch for (no manifest yet, or a publish cut off before it
// was written) is compared by its ETag, the MD5 of a single-part upload, with
// the built file's MD5; with another ETag (or a multipart one) it is sent again.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { ApiError } from '../../../common/errors';
import type { PublishTargetOf } from '../../../common/publishSettings';
import { digestOf } from './digest';
import { cacheControl, contentType } from './headers';
import { inRankOrder } from './inOrder';
import { isAbort, isUnreachable } from './netFaults';
import { planFrom } from '../plan';
import type { Manifest, PublishPlan, RemoteEntry, Target, TargetEnv } from '../types';

/** Where our own record lives, under the prefix; never a site path (the build never writes dot-folders). */
const STATE = '.postwright/manifest.json';
/** DeleteObjects takes at most this many keys. */
const DELETE_BATCH = 1000;

interface StoredEntry {
  sha256: string;
  size: number;
  etag: string;
}
type Stored = Map<string, StoredEntry>;

export function createTarget(config: PublishTargetOf<'s3'>, env: TargetEnv): Target {
  const where = `S3 target "${env.name}" (bucket ${config.bucket}${config.endpoint ? ` at ${config.endpoint}` : ''})`;
  const prefix = config.prefix.replace(/^\/+/, '').replace(/([^/])$/, '$1/');
  const keyOf = (relative: string) => prefix + relative;
  let client: S3Client | null = null;
  /** What plan() found on the host and could vouch for: the base of the manifest apply() writes. */
  let known: Stored = new Map();

  const connect = async (): Promise<S3Client> => {
    if (client) return client;
    // On Node 20 (the CLI's floor) the SDK prints a notice about its own future releases to every
    // publish's stderr; it concerns SDK versions we do not ship, so it is turned off unless set.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const secret = (key: Parameters<TargetEnv['secrets']['get']>[1]) => env.secrets.get(env.name, key);
    const [accessKeyId, secretAccessKey, sessionToken] = await Promise.all([
      secret('AWS_ACCESS_KEY_ID'),
      secret('AWS_SECRET_ACCESS_KEY'),
      secret('AWS_SESSION_TOKEN'),
    ]);
    client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      // Other stores mostly need path-style addressing; AWS itself prefers virtual hosts.
      forcePathStyle: config.forcePathStyle ?? Boolean(config.endpoint),
      // Without the keys in our secret source, the SDK's own chain: env, ~/.aws, SSO, instance roles.
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, sessionToken } : undefined,
      // Checksums only where S3 demands them: the default frames bodies as aws-chunked, which some stores keep as content.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000 },
    });
    return client;
  };

  const cancelled = () => new ApiError('cancelled', `Publishing to ${where} was cancelled. Publish again to finish; the files already sent are kept.`);

  /** Every fault as an ApiError that names the target and says what to do; never a secret. */
  const fault = (error: unknown, signal: AbortSignal): ApiError => {
    if (error instanceof ApiError) return error;
    if (isAbort(error, signal)) return cancelled();
    const name = error instanceof Error ? error.name : '';
    const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
    if (name === 'NoSuchBucket') return new ApiError('not-found', `${where}: the bucket does not exist. Create it, or correct the bucket name and region in the target's settings.`);
    if (name === 'InvalidAccessKeyId' || name === 'SignatureDoesNotMatch' || name === 'InvalidToken' || name === 'ExpiredToken' || name === 'CredentialsProviderError') {
      return new ApiError('auth-failed', `${where}: the store refused the credentials (${name}). Check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN, if you use one).`);
    }
    if (name === 'AccessDenied' || name === 'AllAccessDisabled' || status === 403) {
      return new ApiError('forbidden', `${where}: access denied. The credentials work but may not list, write or delete objects in this bucket; grant s3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject.`);
    }
    if (isUnreachable(error)) return new ApiError('unreachable', `${where} cannot be reached: check the endpoint or your connection, then publish again.`);
    const detail = error instanceof S3ServiceException ? `${name}${status ? `, HTTP ${status}` : ''}` : name || 'unknown error';
    return new ApiError('io', `${where} failed (${detail}). Publish again; if it keeps failing, check the target's settings.`);
  };

  const guarded = async <T>(signal: AbortSignal, work: (s3: S3Client) => Promise<T>): Promise<T> => {
    try {
      return await work(await connect());
    } catch (error) {
      throw fault(error, signal);
    }
  };

  /** Every object under the prefix (our own record excluded), by site path. */
  const list = async (s3: S3Client, signal: AbortSignal) => {
    const listed = new Map<string, { size: number; etag: string }>();
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: config.bucket, Prefix: prefix || undefined, ContinuationToken: token }), { abortSignal: signal });
      for (const object of page.Contents ?? []) {
        const relative = object.Key!.slice(prefix.length);
        if (relative && relative !== STATE) listed.set(relative, { size: object.Size ?? 0, etag: unquote(object.ETag) });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return listed;
  };

  const readStored = async (s3: S3Client, signal: AbortSignal): Promise<Stored> => {
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: config.bucket, Key: keyOf(STATE) }), { abortSignal: signal });
      return parseStored(await object.Body!.transformToString());
    } catch (error) {
      if (error instanceof Error && error.name === 'NoSuchKey') return new Map();
      throw error;
    }
  };

  return {
    test: (signal) => guarded(signal, (s3) => s3.send(new ListObjectsV2Command({ Bucket: config.bucket, Prefix: prefix || undefined, MaxKeys: 1 }), { abortSignal: signal }).then(() => {})),

    plan: (local, signal, siteDir) =>
      guarded(signal, async (s3) => {
        const [listed, stored] = await Promise.all([list(s3, signal), readStored(s3, signal)]);
        const remote = new Map<string, RemoteEntry>();
        known = new Map();
        for (const [relative, object] of listed) {
          const entry = stored.get(relative);
          if (entry && entry.size === object.size && entry.etag === object.etag) {
            remote.set(relative, { path: relative, size: object.size, sha256: entry.sha256 });
            known.set(relative, entry);
            continue;
          }
          const built = local.get(relative);
          const same = built && built.size === object.size && (await digestOf(siteDir, relative, 'md5')) === object.etag;
          remote.set(relative, { path: relative, size: object.size, sha256: same ? built.sha256 : undefined });
          if (same) known.set(relative, { sha256: built.sha256, size: built.size, etag: object.etag });
        }
        return planFrom(local, remote);
      }),

    apply: async (plan: PublishPlan, _local: Manifest, context) => {
      const { signal } = context;
      const state = new Map(known);
      await guarded(signal, async (s3) => {
        await inRankOrder(plan.uploads, signal, cancelled, async (entry) => {
          const body = await readFile(path.join(context.siteDir, ...entry.path.split('/')));
          const md5 = createHash('md5').update(body).digest();
          const put = await s3.send(
            new PutObjectCommand({
              Bucket: config.bucket,
              Key: keyOf(entry.path),
              Body: body,
              // The store checks the bytes it got against this and refuses a damaged upload.
              ContentMD5: md5.toString('base64'),
              ContentType: contentType(entry.path),
              CacheControl: cacheControl(entry.path),
            }),
            { abortSignal: signal },
          );
          state.set(entry.path, { sha256: entry.sha256, size: body.length, etag: unquote(put.ETag) || md5.toString('hex') });
          context.fileDone(entry.path, body.length);
        });
        for (let i = 0; i < plan.deletes.length; i += DELETE_BATCH) {
          if (signal.aborted) throw cancelled();
          const batch = plan.deletes.slice(i, i + DELETE_BATCH);
          const result = await s3.send(
            new DeleteObjectsCommand({ Bucket: config.bucket, Delete: { Objects: batch.map((p) => ({ Key: keyOf(p) })), Quiet: true } }),
            { abortSignal: signal },
          );
          const refused = result.Errors ?? [];
          if (refused.length) {
            const first = refused[0]!;
            throw new ApiError(first.Code === 'AccessDenied' ? 'forbidden' : 'io', `${where} refused to delete ${refused.length} file(s), such as ${first.Key?.slice(prefix.length)} (${first.Code}). Check that the credentials may delete objects.`);
          }
          for (const p of batch) {
            state.delete(p);
            context.fileDone(p, 0);
          }
        }
        // Last: a publish cut off before this leaves the old record, which the next plan checks against the listing.
        await s3.send(
          new PutObjectCommand({
            Bucket: config.bucket,
            Key: keyOf(STATE),
            Body: Buffer.from(JSON.stringify({ version: 1, files: Object.fromEntries(state) })),
            ContentType: contentType(STATE),
            CacheControl: cacheControl(STATE),
          }),
          { abortSignal: signal },
        );
      });
    },

    close: async () => {
      client?.destroy();
      client = null;
    },
  };
}

const unquote = (etag: string | undefined): string => (etag ?? '').replace(/^(?:W\/)?"|"$/g, '');

/** A stored manifest we cannot read is no manifest: every object is then re-checked by uploading it. */
function parseStored(text: string): Stored {
  const stored: Stored = new Map();
  try {
    const files = (JSON.parse(text) as { files?: Record<string, Partial<StoredEntry>> }).files ?? {};
    for (const [relative, e] of Object.entries(files)) {
      if (typeof e?.sha256 === 'string' && typeof e.size === 'number' && typeof e.etag === 'string') stored.set(relative, { sha256: e.sha256, size: e.size, etag: e.etag });
    }
  } catch {
    // fall through: empty
  }
  return stored;
}
