// A real S3 server for publish tests: s3rver on 127.0.0.1, storing its
// buckets in a temporary folder, plus an SDK client (not our target) to look
// at or tamper with what it holds. s3rver knows one account, S3RVER/S3RVER; it
// checks the access key id, but not a v4 signature (it says so in its source),
// so only a wrong key id is refused.
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterEach } from 'vitest';
import { tempDir } from './tmp';

export const S3RVER_KEYS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' } as const;

export interface S3Server {
  readonly endpoint: string;
  readonly port: number;
  readonly bucket: string;
  readonly client: S3Client;
  /** Stops at once, dropping uploads in flight, as a lost connection would. */
  stop(): Promise<void>;
  /** Starts again on the same port and folder: the bucket and its objects are still there. */
  restart(): Promise<void>;
  /** Every object key in the bucket, sorted. */
  keys(): Promise<string[]>;
  get(key: string): Promise<{ body: Buffer; contentType?: string; cacheControl?: string }>;
  head(key: string): Promise<{ contentType?: string; cacheControl?: string }>;
  put(key: string, body: string | Buffer): Promise<void>;
  remove(key: string): Promise<void>;
}

const started: S3Server[] = [];
afterEach(async () => {
  for (const server of started.splice(0)) {
    await server.stop();
    server.client.destroy();
  }
});

/** An s3rver with one empty bucket, stopped after the current test. */
export async function startS3rver(bucket = 'site-bucket'): Promise<S3Server> {
  const directory = await tempDir('postwright-s3rver-');
  let server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: S3RVER_KEYS.AWS_ACCESS_KEY_ID, secretAccessKey: S3RVER_KEYS.AWS_SECRET_ACCESS_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  let running = true;
  const handle: S3Server = {
    endpoint,
    port,
    bucket,
    client,
    async stop() {
      if (!running) return;
      running = false;
      const closed = server.close();
      server.httpServer?.closeAllConnections();
      await closed;
    },
    async restart() {
      server = new S3rver({ address: '127.0.0.1', port, directory, silent: true });
      await server.run();
      running = true;
    },
    async keys() {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
        keys.push(...(page.Contents ?? []).map((o) => o.Key!));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return keys.sort();
    },
    async get(key) {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return { body: Buffer.from(await object.Body!.transformToByteArray()), contentType: object.ContentType, cacheControl: object.CacheControl };
    },
    async head(key) {
      const object = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { contentType: object.ContentType, cacheControl: object.CacheControl };
    },
    async put(key, body) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: typeof body === 'string' ? Buffer.from(body) : body }));
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
  started.push(handle);
  return handle;
}
