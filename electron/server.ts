// The browser bridge: the same contract over HTTP on 127.0.0.1, so the UI runs
// in any browser (`npm run serve`, the e2e tests) without Electron.
//
// A local HTTP server is reachable by every web page the user visits, so each
// API request must carry the random token (which only the printed URL has), and
// the Host and Origin headers must name this server (DNS-rebinding and CSRF).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { dispatch, eventNames, type Reply } from '../common/api';
import { bridgeCsp } from '../common/csp';
import { ApiError, type ErrorCode } from '../common/errors';
import { assetHeaders } from './workspace/assets';
import type { Backend } from './backend';
import { newNonce, withNonce } from './pageNonce';

export interface BridgeOptions {
  backend: Backend;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Only loopback is allowed; anything else is refused. */
  host?: string;
  token?: string;
}

export interface Bridge {
  readonly port: number;
  readonly token: string;
  /** Open this in a browser; the token travels in the fragment, which is never sent or logged. */
  readonly url: string;
  close(): Promise<void>;
}

const MAX_BODY = 40 * 1024 * 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const statusOf: Partial<Record<ErrorCode, number>> = {
  'invalid-arguments': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
};


export async function startBridge({ backend, staticDir, port = 0, host = '127.0.0.1', token = randomBytes(24).toString('base64url') }: BridgeOptions): Promise<Bridge> {
  if (host !== '127.0.0.1') throw new Error(`The bridge only listens on 127.0.0.1, not ${host}: it gives full access to the workspace.`);

  const expectedToken = Buffer.from(token);
  const tokenMatches = (candidate: string | null | undefined) => {
    const given = Buffer.from(candidate ?? '');
    return given.length === expectedToken.length && timingSafeEqual(given, expectedToken);
  };
  let origins: Set<string> = new Set();
  let hosts: Set<string> = new Set();
  const streams = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendReply(res, { ok: false, error: ApiError.from(error).toJSON() });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!hosts.has(req.headers.host ?? '')) return refuse(res, 'forbidden', `This bridge answers only to ${[...hosts][0]}, not to Host "${req.headers.host ?? ''}".`);
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const origin = req.headers.origin;
    // The preview's sandboxed frames have an opaque origin: their image requests say "Origin: null".
    const previewImage = origin === 'null' && url.pathname.startsWith('/asset/');
    if (origin !== undefined && !origins.has(origin) && !previewImage) return refuse(res, 'forbidden', `Requests from ${origin} are not allowed.`);

    if (url.pathname === '/api/events') {
      if (!tokenMatches(url.searchParams.get('token'))) return refuse(res, 'unauthorized', 'A valid token is required.');
      return openEventStream(res);
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 'invalid-arguments', 'API calls use POST.', 405);
      const auth = req.headers.authorization ?? '';
      if (!auth.startsWith('Bearer ') || !tokenMatches(auth.slice(7))) return refuse(res, 'unauthorized', 'A valid token is required.');
      // A JSON content type forces a CORS preflight, which this server never grants.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 'invalid-arguments', 'API calls must send application/json.', 415);
      const args = parseJson(await readBody(req));
      return sendReply(res, await dispatch(backend.handlers, url.pathname.slice(5), args));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 'invalid-arguments', 'Only GET is served here.', 405);
    if (url.pathname.startsWith('/asset/')) return serveAsset(url.pathname, req, res);
    return serveStatic(url.pathname, res);
  }

  function openEventStream(res: ServerResponse) {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = backend.subscribe((event, payload) => {
      if (eventNames.includes(event)) res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    res.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      streams.delete(res);
    });
  }

  /**
   * The preview's images: `/asset/<token>/<workspace path>`. The token is in the
   * path because <img> requests carry no header of ours; the workspace checks
   * the path (inside, no links out) and only images are served.
   */
  async function serveAsset(pathname: string, req: IncomingMessage, res: ServerResponse) {
    const [, , given = '', ...parts] = pathname.split('/');
    if (!tokenMatches(safeDecode(given))) return refuse(res, 'unauthorized', 'A valid token is required.');
    const relative = parts.map(safeDecode).join('/');
    const file = await backend.workspace.asset(relative);
    res.writeHead(200, assetHeaders(file));
    if (req.method === 'HEAD') return res.end();
    createReadStream(file.real).pipe(res);
  }

  async function serveStatic(pathname: string, res: ServerResponse) {
    const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)).replace(/^[/\\]+/, '');
    const file = join(staticDir, relative);
    const info = await stat(file).catch(() => null);
    if (relative.startsWith('..') || !file.startsWith(staticDir + sep) || !info?.isFile()) {
      return refuse(res, 'not-found', `Nothing is served at ${pathname}.`);
    }
    const type = contentTypes[extname(file)] ?? 'application/octet-stream';
    // Each response its own nonce; a page gets it written where its build left the placeholder.
    const nonce = newNonce();
    const headers = { 'Content-Type': type, 'Content-Security-Policy': bridgeCsp([...origins], nonce), 'Cache-Control': 'no-cache' };
    if (type.startsWith('text/html')) {
      const page = Buffer.from(withNonce(await readFile(file, 'utf8'), nonce));
      res.writeHead(200, { ...headers, 'Content-Length': page.length });
      return res.end(page);
    }
    res.writeHead(200, { ...headers, 'Content-Length': info.size });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  hosts = new Set([`127.0.0.1:${actualPort}`, `localhost:${actualPort}`]);
  origins = new Set([...hosts].map((h) => `http://${h}`));

  return {
    port: actualPort,
    token,
    url: `http://127.0.0.1:${actualPort}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function httpStatus(code: ErrorCode): number {
  return statusOf[code] ?? (code === 'internal' ? 500 : 422);
}

function refuse(res: ServerResponse, code: ErrorCode, message: string, status = httpStatus(code)) {
  sendReply(res, { ok: false, error: { code, message } }, status);
}

function sendReply(res: ServerResponse, reply: Reply<unknown>, status?: number) {
  const body = JSON.stringify(reply);
  res.writeHead(status ?? (reply.ok ? 200 : httpStatus(reply.error.code)), {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ApiError('invalid-arguments', 'The request is larger than 40 MiB.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new ApiError('invalid-arguments', `"${part}" is not a valid URL path segment.`);
  }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new ApiError('invalid-arguments', 'The request body is not valid JSON.');
  }
}
