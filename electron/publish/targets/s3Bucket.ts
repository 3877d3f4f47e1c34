// The S3 operations the S3 target needs, on one bucket under one prefix: list
// the objects, read and write our own record of them, put a file, delete a
// batch. Each speaks in site paths (the prefix is added and removed here) and
// stops with the publish's abort signal; faults come out as the SDK threw
// them, for s3Faults.ts to put into words.
import { createHash } from 'node:crypto';
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { PublishTargetOf } from '../../../common/publishSettings';
import type { TargetEnv } from '../types';
import { cacheControl, contentType } from './headers';

/** Where our own record lives, under the prefix; never a site path (the build never writes dot-folders). */
const STATE = '.postwright/manifest.json';
/** DeleteObjects takes at most this many keys. */
export const DELETE_LIMIT = 1000;

/** What our manifest says we uploaded to a path, and the ETag the store gave that upload. */
export interface StoredEntry {
  sha256: string;
  size: number;
  etag: string;
}
export type Stored = Map<string, StoredEntry>;

/** An object as the bucket's listing shows it. */
export interface Listed {
  size: number;
  etag: string;
}

/** A key DeleteObjects refused (it answers 200 and lists them). */
export interface RefusedDelete {
  path: string | undefined;
  code: string | undefined;
}

export class S3Bucket {
  private client: S3Client | null = null;
  private readonly prefix: string;

  constructor(
    private readonly config: PublishTargetOf<'s3'>,
    private readonly env: TargetEnv,
  ) {
    this.prefix = config.prefix.replace(/^\/+/, '').replace(/([^/])$/, '$1/');
  }

  /** Can we list at all: the cheapest request that proves the bucket, the endpoint and the credentials. */
  async probe(signal: AbortSignal): Promise<void> {
    const s3 = await this.connect();
    await s3.send(new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix: this.prefix || undefined, MaxKeys: 1 }), { abortSignal: signal });
  }

  /** Every object under the prefix (our own record excluded), by site path. */
  async list(signal: AbortSignal): Promise<Map<string, Listed>> {
    const s3 = await this.connect();
    const listed = new Map<string, Listed>();
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix: this.prefix || undefined, ContinuationToken: token }), { abortSignal: signal });
      for (const object of page.Contents ?? []) {
        const relative = object.Key!.slice(this.prefix.length);
        if (relative && relative !== STATE) listed.set(relative, { size: object.Size ?? 0, etag: unquote(object.ETag) });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return listed;
  }

  /** Our manifest from the last publish; none yet is an empty one. */
  async readStored(signal: AbortSignal): Promise<Stored> {
    const s3 = await this.connect();
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.keyOf(STATE) }), { abortSignal: signal });
      return parseStored(await object.Body!.transformToString());
    } catch (error) {
      if (error instanceof Error && error.name === 'NoSuchKey') return new Map();
      throw error;
    }
  }

  /** Uploads one file; returns the ETag the store gave it. */
  async put(relative: string, body: Buffer, signal: AbortSignal): Promise<string> {
    const s3 = await this.connect();
    const md5 = createHash('md5').update(body).digest();
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: this.keyOf(relative),
        Body: body,
        // The store checks the bytes it got against this and refuses a damaged upload.
        ContentMD5: md5.toString('base64'),
        ContentType: contentType(relative),
        CacheControl: cacheControl(relative),
      }),
      { abortSignal: signal },
    );
    return unquote(put.ETag) || md5.toString('hex');
  }

  /** Deletes up to DELETE_LIMIT files; returns the ones the store refused. */
  async delete(paths: readonly string[], signal: AbortSignal): Promise<RefusedDelete[]> {
    const s3 = await this.connect();
    const result = await s3.send(
      new DeleteObjectsCommand({ Bucket: this.config.bucket, Delete: { Objects: paths.map((p) => ({ Key: this.keyOf(p) })), Quiet: true } }),
      { abortSignal: signal },
    );
    return (result.Errors ?? []).map((e) => ({ path: e.Key?.slice(this.prefix.length), code: e.Code }));
  }

  async writeStored(stored: Stored, signal: AbortSignal): Promise<void> {
    const s3 = await this.connect();
    await s3.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: this.keyOf(STATE),
        Body: Buffer.from(JSON.stringify({ version: 1, files: Object.fromEntries(stored) })),
        ContentType: contentType(STATE),
        CacheControl: cacheControl(STATE),
      }),
      { abortSignal: signal },
    );
  }

  close(): void {
    this.client?.destroy();
    this.client = null;
  }

  private keyOf(relative: string): string {
    return this.prefix + relative;
  }

  private async connect(): Promise<S3Client> {
    if (this.client) return this.client;
    // On Node 20 (the CLI's floor) the SDK prints a notice about its own future releases to every
    // publish's stderr; it concerns SDK versions we do not ship, so it is turned off unless set.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const { config, env } = this;
    const secret = (key: Parameters<TargetEnv['secrets']['get']>[1]) => env.secrets.get(env.name, key);
    const [accessKeyId, secretAccessKey, sessionToken] = await Promise.all([
      secret('AWS_ACCESS_KEY_ID'),
      secret('AWS_SECRET_ACCESS_KEY'),
      secret('AWS_SESSION_TOKEN'),
    ]);
    this.client = new S3Client({
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
    return this.client;
  }
}

const unquote = (etag: string | undefined): string => (etag ?? '').replace(/^(?:W\/)?"|"$/g, '');

/** A stored manifest we cannot read is no manifest: every object is then re-checked by uploading it. */
function parseStored(text: string): Stored {
  const stored: Stored = new Map();
  try {
    const files = (JSON.parse(text) as { files?: { [path: string]: Partial<StoredEntry> } }).files ?? {};
    for (const [relative, e] of Object.entries(files)) {
      if (typeof e?.sha256 === 'string' && typeof e.size === 'number' && typeof e.etag === 'string') stored.set(relative, { sha256: e.sha256, size: e.size, etag: e.etag });
    }
  } catch {
    // fall through: empty
  }
  return stored;
}
