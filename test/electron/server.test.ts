import { request } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostSummary, Reply } from '../../common/api';
import { NONCE_PLACEHOLDER } from '../../common/csp';
import { startBridge } from '../../electron/server';
import { startTestBridge, type RunningBridge } from '../helpers/bridge';
import { onePixelPng } from '../helpers/images';
import { tempTree } from '../helpers/tmp';

let running: RunningBridge;
beforeAll(async () => {
  running = await startTestBridge();
});
afterAll(() => running.stop());

/** A raw HTTP call, so tests control every header (fetch would set Host and Origin itself). */
function call(path: string, { method = 'POST', body = '[]', headers = {} as Record<string, string> } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: running.bridge.port, path, method, headers: { Host: `127.0.0.1:${running.bridge.port}`, ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (method !== 'GET') req.end(body);
    else req.end();
  });
}

const auth = () => ({ Authorization: `Bearer ${running.bridge.token}`, 'Content-Type': 'application/json' });

describe('the asset route', () => {
  it('serves an image of the workspace to a path with the token, typed and unsniffable', async () => {
    await writeFile(join(running.root, 'posts', 'pixel.png'), onePixelPng);
    const res = await call(`/asset/${running.bridge.token}/posts/pixel.png`, { method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff' });
    expect(String(res.headers['content-security-policy'])).toContain('sandbox');
    // The preview's sandboxed frames ask with an opaque origin; the API still refuses one.
    expect((await call(`/asset/${running.bridge.token}/posts/pixel.png`, { method: 'GET', headers: { Origin: 'null' } })).status).toBe(200);
    expect((await call('/api/posts.list', { headers: { ...auth(), Origin: 'null' } })).status).toBe(403);
  });

  it.each([
    ['without the token', (t: string) => `/asset/${'x'.repeat(t.length)}/posts/pixel.png`, 401],
    ['out of the workspace', (t: string) => `/asset/${t}/..%2F..%2Fetc%2Fpasswd`, 422],
    ['a file that is not an image', (t: string) => `/asset/${t}/postwright.json`, 403],
    ['a missing image', (t: string) => `/asset/${t}/posts/none.png`, 404],
  ])('refuses %s', async (_label, path, status) => {
    await writeFile(join(running.root, 'posts', 'pixel.png'), onePixelPng);
    const res = await call(path(running.bridge.token), { method: 'GET' });
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toContain('application/json');
  });
});

describe('the preview\'s resized images', () => {
  it('tell the size and srcset widths the export gives each image, and serve each width on the asset route', async () => {
    // A real photo (test/fixtures/images/README.md): the export makes it 480 and 720 px wide as WebP.
    await writeFile(join(running.root, 'posts', 'photo.jpg'), await readFile(join(import.meta.dirname, '../fixtures/images/board-photo.jpg')));
    await writeFile(join(running.root, 'posts', 'pixel.png'), onePixelPng);
    const sizes = await call('/api/assets.sizes', { headers: auth(), body: JSON.stringify([['posts/photo.jpg', 'posts/pixel.png', 'postwright.json', '../outside.png']]) });
    expect(JSON.parse(sizes.body)).toEqual({
      ok: true,
      value: [{ width: 720, height: 477, widths: [480, 720] }, { width: 1, height: 1, widths: expect.any(Array) }, null, null],
    });
    const small = await call(`/asset/${running.bridge.token}/posts/photo.jpg?w=480`, { method: 'GET', headers: { Origin: 'null' } });
    expect(small.status).toBe(200);
    expect(small.headers).toMatchObject({ 'content-type': 'image/webp', 'x-content-type-options': 'nosniff' });
    expect(Number(small.headers['content-length'])).toBeGreaterThan(1000);
    // Only the widths the export makes, and only plain numbers.
    expect((await call(`/asset/${running.bridge.token}/posts/photo.jpg?w=481`, { method: 'GET' })).status).toBe(404);
    expect((await call(`/asset/${running.bridge.token}/posts/photo.jpg?w=1e3`, { method: 'GET' })).status).toBe(400);
    expect((await call(`/asset/${running.bridge.token}/..%2Foutside.png?w=480`, { method: 'GET' })).status).toBe(422);
    expect((await call(`/asset/${'x'.repeat(running.bridge.token.length)}/posts/photo.jpg?w=480`, { method: 'GET' })).status).toBe(401);
  }, 120_000);
});

describe('the browser bridge', () => {
  it('serves the contract to a caller with the token', async () => {
    const res = await call('/api/posts.list', { headers: auth() });
    expect(res.status).toBe(200);
    const reply = JSON.parse(res.body) as Reply<PostSummary[]>;
    expect(reply.ok && reply.value.length).toBeGreaterThanOrEqual(4);
  });

  it.each([
    ['no token', { 'Content-Type': 'application/json' }],
    ['a wrong token', { Authorization: 'Bearer wrong', 'Content-Type': 'application/json' }],
    ['a token of the right length but wrong', { Authorization: `Bearer ${'x'.repeat(32)}`, 'Content-Type': 'application/json' }],
  ])('refuses %s with 401', async (_label, headers) => {
    const res = await call('/api/posts.list', { headers });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses a wrong Origin even with the token (CSRF)', async () => {
    const res = await call('/api/posts.list', { headers: { ...auth(), Origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('evil.example') } });
  });

  it('accepts its own Origin', async () => {
    const res = await call('/api/workspace.info', { headers: { ...auth(), Origin: running.origin } });
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { outputDir: '_site' } });
  });

  it('refuses a foreign Host header (DNS rebinding), even for the page', async () => {
    for (const path of ['/api/posts.list', '/']) {
      const res = await call(path, { method: path === '/' ? 'GET' : 'POST', headers: { ...auth(), Host: 'evil.example:80' } });
      expect(res.status).toBe(403);
    }
  });

  it('refuses form-encoded bodies, which browsers could send cross-site without a preflight', async () => {
    const res = await call('/api/posts.list', { headers: { ...auth(), 'Content-Type': 'text/plain' } });
    expect(res.status).toBe(415);
  });

  it('rejects bad arguments with a clear, typed error', async () => {
    const res = await call('/api/posts.read', { headers: auth(), body: JSON.stringify(['../../etc/passwd']) });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-arguments', message: expect.stringContaining('post id') } });
    const notJson = await call('/api/posts.read', { headers: auth(), body: '{nope' });
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid-arguments', message: expect.stringContaining('JSON') } });
    const unknown = await call('/api/fs.readFile', { headers: auth(), body: '["/etc/passwd"]' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('serves the app page with its CSP, and nothing outside the renderer folder', async () => {
    const page = await call('/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    // The page's nonce, written where the build left its placeholder, is the one its policy names.
    const nonce = /<meta property="csp-nonce" nonce="([^"]+)"/.exec(page.body)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(String(page.headers['content-security-policy'])).toContain(`style-src 'self' 'nonce-${nonce}';`);
    expect(page.body).not.toContain(NONCE_PLACEHOLDER);
    expect(Number(page.headers['content-length'])).toBe(Buffer.byteLength(page.body));
    // Images from this bridge only, by its exact origin: not any port of 127.0.0.1.
    const port = running.bridge.port;
    expect(String(page.headers['content-security-policy'])).toContain(`img-src 'self' data: blob: http://127.0.0.1:${port} http://localhost:${port} https:;`);
    expect(String(page.headers['content-security-policy'])).not.toContain('127.0.0.1:*');
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/../../package.json']) {
      const res = await call(path, { method: 'GET' });
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('"name": "postwright"');
    }
  });

  it('streams events to a caller with the token, and refuses one without', async () => {
    expect((await call('/api/events', { method: 'GET' })).status).toBe(401);
    const events: string[] = [];
    const stream = request({ host: '127.0.0.1', port: running.bridge.port, path: `/api/events?token=${running.bridge.token}`, method: 'GET' });
    let subscribed!: () => void;
    const connected = new Promise<void>((resolve) => (subscribed = resolve));
    const received = new Promise<void>((resolve) => {
      stream.on('response', (res) => {
        subscribed();
        res.on('data', (chunk: Buffer) => {
          events.push(chunk.toString());
          if (events.join('').includes('outside-edit.md')) resolve();
        });
      });
    });
    stream.end();
    // The server subscribes before it answers, so an answer means events will arrive.
    await connected;
    await writeFile(join(running.root, 'posts', 'outside-edit.md'), '---\ntitle: Written elsewhere\n---\nHello.\n');
    await received;
    stream.destroy();
    expect(events.join('')).toMatch(/event: posts.changed\ndata: \{"kind":"added"/);
  });

  it('gives every page response a nonce of its own', async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const page = await call('/index.html', { method: 'GET' });
      const [, nonce] = /'nonce-([^']+)'/.exec(String(page.headers['content-security-policy']))!;
      expect(page.body).toContain(`nonce="${nonce}"`);
      nonces.add(nonce!);
    }
    expect(nonces.size).toBe(5);
  });

  it('refuses to serve a page built without the nonce placeholder, saying why', async () => {
    const staticDir = await tempTree({ 'index.html': '<!doctype html><title>no nonce</title>' });
    const bridge = await startBridge({ backend: running.backend, staticDir });
    try {
      const res = await fetch(`http://127.0.0.1:${bridge.port}/`);
      expect(res.status).toBe(500);
      expect(await res.text()).toContain('no CSP nonce placeholder');
    } finally {
      await bridge.close();
    }
  });

  it('refuses to listen on anything but loopback', async () => {
    await expect(startBridge({ backend: running.backend, staticDir: '/nonexistent', host: '0.0.0.0' })).rejects.toThrow(/only listens on 127.0.0.1/);
  });
});
