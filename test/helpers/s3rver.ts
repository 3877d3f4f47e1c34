// A real S3 server for publish tests: s3rver on 127.0.0.1, in its own process
// (stopped by its PID), storing its buckets in a folder; plus an SDK client
// (not our target) to look at or tamper with what it holds.
//
// Targets reach it through a loopback TCP relay, which a test can cut mid-upload:
// every connection in flight drops and new ones are refused until it listens
// again on the same port. Killing s3rver itself would not model a lost
// connection: it writes an object's bytes, MD5 and metadata as three files one
// after another, so a kill between them leaves a half object (HTTP 500 on the
// next listing) that S3, whose PUTs are atomic, never holds.
//
// s3rver knows one account, S3RVER/S3RVER. It checks the access key id, but
// not a v4 signature (it says so in its source), so only a wrong key id is
// refused. It makes ListObjectsV2 continuation tokens with DES, which Node 20's
// OpenSSL 3 keeps in its legacy provider: without --openssl-legacy-provider,
// listing past 1,000 objects fails with HTTP 500.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { onTestFinished } from 'vitest';

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

/** A relay from a loopback port to s3rver's; cut() drops every connection and stops listening. */
async function relay(to: number, port = 0): Promise<{ port: number; cut(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(to, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {}).on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    async cut() {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

export const S3RVER_KEYS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' } as const;

export interface S3Server {
  readonly endpoint: string;
  readonly port: number;
  readonly bucket: string;
  readonly client: S3Client;
  /** Drops every connection in flight and refuses new ones, as a lost network does. */
  disconnect(): Promise<void>;
  /** Answers again on the same port, with everything the bucket held. */
  reconnect(): Promise<void>;
  /** Stops s3rver for good. */
  stop(): Promise<void>;
  /** Every object key in the bucket, sorted. */
  keys(): Promise<string[]>;
  get(key: string): Promise<{ body: Buffer; contentType?: string; cacheControl?: string }>;
  head(key: string): Promise<{ contentType?: string; cacheControl?: string }>;
  put(key: string, body: string | Buffer): Promise<void>;
  remove(key: string): Promise<void>;
}

/** An s3rver with one empty bucket in a fresh folder, stopped and removed when the current test finishes. */
export async function startS3rver(bucket = 'site-bucket'): Promise<S3Server> {
  const directory = await mkdtemp(path.join(tmpdir(), 'postwright-s3rver-'));
  const server = await runS3rver(directory, bucket);
  onTestFinished(async () => {
    await server.stop();
    server.client.destroy();
    await rm(directory, { recursive: true, force: true });
  });
  return server;
}

/** An s3rver keeping its buckets in `directory`, for tests and benchmarks; stop() it when done. */
export async function runS3rver(directory: string, bucket = 'site-bucket'): Promise<S3Server> {
  const { child, port: direct } = await launch(directory, 0, bucket);
  let link: Awaited<ReturnType<typeof relay>> | null = await relay(direct);
  const { port } = link;
  // The helper's own client goes straight to s3rver, so a test can look while the relay is cut.
  const client = new S3Client({
    endpoint: `http://127.0.0.1:${direct}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: S3RVER_KEYS.AWS_ACCESS_KEY_ID, secretAccessKey: S3RVER_KEYS.AWS_SECRET_ACCESS_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  let running = true;
  const handle: S3Server = {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    bucket,
    client,
    async disconnect() {
      await link?.cut();
      link = null;
    },
    async reconnect() {
      link ??= await relay(direct, port);
    },
    async stop() {
      if (!running) return;
      running = false;
      await handle.disconnect();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(child.pid!, 'SIGKILL');
      await exited;
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
  return handle;
}
