// A CONTRACT FAKE of Netlify's deploy API. No real Netlify can run here (the
// machine has no network beyond npm and apt), so this small node:http server
// on 127.0.0.1 implements exactly the documented endpoints the Netlify target
// uses, and checks what the documentation asks of a client:
//   GET  /api/v1/sites/{site_id}                         the site, or 404
//   GET  /api/v1/sites/{site_id}/files?page=&per_page=   the published deploy's files (path, sha1, size)
//   POST /api/v1/sites/{site_id}/deploys                 {files: {"/path": sha1}} → {id, state, required: [sha1…]}
//   PUT  /api/v1/deploys/{deploy_id}/files/{path}        application/octet-stream; the bytes must hash to the digest sent
//   GET  /api/v1/deploys/{deploy_id}                     "uploading" → "processing" → "ready" (then it is live)
//   POST /api/v1/deploys/{deploy_id}/cancel
// Every request must carry `Authorization: Bearer <token>`, or gets 401.
// Like Netlify, it keeps content by SHA-1: a file it already holds (from any
// deploy, finished or not) is never asked for again. It records each upload.
//
// The Netlify target's API address is fixed in code; the only way to point it
// here is the test-only environment variable POSTWRIGHT_TEST_NETLIFY_API, which
// startNetlifyFake() sets in this process for the test (and `env` carries to a
// child process), never a setting in postwright.json.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

interface FakeDeploy {
  id: string;
  siteId: string;
  files: Map<string, string>;
  state: 'uploading' | 'processing' | 'ready' | 'error';
}

export interface NetlifyFake {
  /** The fake's API address (what POSTWRIGHT_TEST_NETLIFY_API is set to). */
  readonly apiUrl: string;
  /** The environment a `postwright` child process needs to publish here. */
  readonly env: { readonly POSTWRIGHT_TEST_NETLIFY_API: string };
  readonly token: string;
  readonly siteId: string;
  /** Paths PUT to a deploy, in arrival order (without the leading "/"). */
  readonly uploads: string[];
  /** Ids of deploys a client cancelled. */
  readonly cancelled: string[];
  /** The live site: path (without "/") → bytes. */
  live(): Map<string, Buffer>;
  /** Stops at once, dropping requests in flight. */
  stop(): Promise<void>;
  /** Listens again on the same port, with everything it held. */
  restart(): Promise<void>;
}

/** A fake stopped when the current test finishes; until then the Netlify target in this process talks to it. */
export async function startNetlifyFake(options: { token?: string; siteId?: string } = {}): Promise<NetlifyFake> {
  const fake = await runNetlifyFake(options);
  const before = process.env.POSTWRIGHT_TEST_NETLIFY_API;
  process.env.POSTWRIGHT_TEST_NETLIFY_API = fake.apiUrl;
  onTestFinished(async () => {
    if (before === undefined) delete process.env.POSTWRIGHT_TEST_NETLIFY_API;
    else process.env.POSTWRIGHT_TEST_NETLIFY_API = before;
    await fake.stop();
  });
  return fake;
}

/** A fake for tests and benchmarks; stop() it when done. */
export async function runNetlifyFake(options: { token?: string; siteId?: string } = {}): Promise<NetlifyFake> {
  const token = options.token ?? 'fake-netlify-token';
  const siteId = options.siteId ?? '5c0ffee0-site';
  const blobs = new Map<string, Buffer>();
  const deploys = new Map<string, FakeDeploy>();
  let published: FakeDeploy | null = null;
  const uploads: string[] = [];
  const cancelled: string[] = [];

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  };
  const fail = (res: ServerResponse, status: number, message: string) => reply(res, status, { code: status, message });
  const read = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const missing = (deploy: FakeDeploy) => [...new Set(deploy.files.values())].filter((sha) => !blobs.has(sha));

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.headers.authorization !== `Bearer ${token}`) return fail(res, 401, 'Access Denied: your token is invalid');
    const url = new URL(req.url!, 'http://fake');
    const route = `${req.method} ${url.pathname}`;
    let m: RegExpExecArray | null;
    if ((m = /^GET \/api\/v1\/sites\/([^/]+)$/.exec(route))) {
      if (decodeURIComponent(m[1]!) !== siteId) return fail(res, 404, 'Not Found');
      return reply(res, 200, { id: siteId, url: 'https://fake.netlify.app', published_deploy: published && { id: published.id } });
    }
    if ((m = /^GET \/api\/v1\/sites\/([^/]+)\/files$/.exec(route))) {
      if (decodeURIComponent(m[1]!) !== siteId) return fail(res, 404, 'Not Found');
      const all = [...(published?.files ?? [])].map(([path, sha]) => ({ id: path, path, sha, size: blobs.get(sha)!.length }));
      const page = Number(url.searchParams.get('page') ?? 1);
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 100));
      return reply(res, 200, all.slice((page - 1) * perPage, page * perPage));
    }
    if ((m = /^POST \/api\/v1\/sites\/([^/]+)\/deploys$/.exec(route))) {
      if (decodeURIComponent(m[1]!) !== siteId) return fail(res, 404, 'Not Found');
      if (req.headers['content-type'] !== 'application/json') return fail(res, 415, 'Expected JSON');
      const { files } = JSON.parse((await read(req)).toString()) as { files?: Record<string, string> };
      if (!files || Object.entries(files).some(([path, sha]) => !path.startsWith('/') || !/^[0-9a-f]{40}$/.test(sha))) return fail(res, 422, 'files must map "/path" to a SHA-1');
      const deploy: FakeDeploy = { id: `deploy-${deploys.size + 1}`, siteId, files: new Map(Object.entries(files)), state: 'uploading' };
      deploys.set(deploy.id, deploy);
      const required = missing(deploy);
      if (required.length === 0) deploy.state = 'processing';
      return reply(res, 200, { id: deploy.id, state: deploy.state, required });
    }
    if ((m = /^PUT \/api\/v1\/deploys\/([^/]+)\/files\/(.+)$/.exec(route))) {
      const deploy = deploys.get(decodeURIComponent(m[1]!));
      if (!deploy) return fail(res, 404, 'Not Found');
      if (req.headers['content-type'] !== 'application/octet-stream') return fail(res, 422, 'Expected application/octet-stream');
      const path = `/${m[2]!.split('/').map(decodeURIComponent).join('/')}`;
      const bytes = await read(req);
      const sha = createHash('sha1').update(bytes).digest('hex');
      if (deploy.files.get(path) !== sha) return fail(res, 422, `${path} does not match the digest sent for it`);
      if (deploy.state !== 'uploading') return fail(res, 422, `deploy is ${deploy.state}`);
      blobs.set(sha, bytes);
      uploads.push(path.slice(1));
      if (missing(deploy).length === 0) deploy.state = 'processing';
      return reply(res, 200, { id: path, path, sha, size: bytes.length });
    }
    if ((m = /^GET \/api\/v1\/deploys\/([^/]+)$/.exec(route))) {
      const deploy = deploys.get(decodeURIComponent(m[1]!));
      if (!deploy) return fail(res, 404, 'Not Found');
      const shown = deploy.state;
      // Processing takes one poll: a client that does not wait for "ready" is caught.
      if (deploy.state === 'processing') {
        deploy.state = 'ready';
        published = deploy;
      }
      return reply(res, 200, { id: deploy.id, state: shown, required: missing(deploy) });
    }
    if ((m = /^POST \/api\/v1\/deploys\/([^/]+)\/cancel$/.exec(route))) {
      const deploy = deploys.get(decodeURIComponent(m[1]!));
      if (!deploy) return fail(res, 404, 'Not Found');
      if (deploy.state !== 'ready') deploy.state = 'error';
      cancelled.push(deploy.id);
      return reply(res, 200, { id: deploy.id, state: deploy.state });
    }
    return fail(res, 404, `no route ${route}`);
  };

  let server: Server = createServer((req, res) => void handle(req, res).catch((error: unknown) => fail(res, 500, String(error))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let listening = true;

  const fake: NetlifyFake = {
    apiUrl: `http://127.0.0.1:${port}/api/v1/`,
    env: { POSTWRIGHT_TEST_NETLIFY_API: `http://127.0.0.1:${port}/api/v1/` },
    token,
    siteId,
    uploads,
    cancelled,
    live: () => new Map([...(published?.files ?? [])].map(([path, sha]) => [path.slice(1), blobs.get(sha)!])),
    async stop() {
      if (!listening) return;
      listening = false;
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
    },
    async restart() {
      server = createServer((req, res) => void handle(req, res).catch((error: unknown) => fail(res, 500, String(error))));
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      listening = true;
    },
  };
  return fake;
}
