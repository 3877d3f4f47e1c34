// A real S3 server for publish tests: s3rver on 127.0.0.1, in its own process
// (stopped by its PID, which drops every connection as a lost network would),
// storing its buckets in a temporary folder; plus an SDK client (not our
// target) to look at or tamper with what it holds.
//
// s3rver knows one account, S3RVER/S3RVER. It checks the access key id, but
// not a v4 signature (it says so in its source), so only a wrong key id is
// refused. It makes ListObjectsV2 continuation tokens with DES, which Node 20's
// OpenSSL 3 keeps in its legacy provider: without --openssl-legacy-provider,
// listing past 1,000 objects fails with HTTP 500.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterEach } from 'vitest';
import { tempDir } from './tmp';

const bin = path.join(path.dirname(createRequire(import.meta.url).resolve('s3rver/package.json')), 'bin', 's3rver.js');

/** Starts s3rver; resolves with its process once it listens, and the port it chose. */
function launch(directory: string, port: number, bucket: string): Promise<{ child: ChildProcess; port: number }> {
  const args = ['--openssl-legacy-provider', bin, '-d', directory, '-a', '127.0.0.1', '-p', String(port), '-s', '--configure-bucket', bucket];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on [\d.]+:(\d+)/.exec(output);
      if (match) resolve({ child, port: Number(match[1]) });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`s3rver exited (${code}) before listening: ${output.slice(-2000)}`)));
  });
}

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
  let { child, port } = await launch(directory, 0, bucket);
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
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(child.pid!, 'SIGKILL');
      await exited;
    },
    async restart() {
      ({ child } = await launch(directory, port, bucket));
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
