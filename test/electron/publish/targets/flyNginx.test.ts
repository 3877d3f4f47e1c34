// The nginx server Postwright stages for Fly, run for real: Debian's nginx on
// 127.0.0.1 with the staged nginx.conf (only its port and folders changed) over
// the staged folder of the sample blog. Every page is fetched as a browser
// fetches it (asking for gzip) and must come back byte for byte, with the
// Content-Type and Cache-Control the S3 target stores (headers.ts).
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePath } from '../../../../common/theme/site';
import { stage } from '../../../../electron/publish/targets/flyStage';
import { cacheControl, contentType } from '../../../../electron/publish/targets/headers';
import { buildManifest } from '../../../../electron/publish/manifest';
import type { Manifest } from '../../../../electron/publish/types';
import { skipNginx, startNginx, type RunningNginx } from '../../../helpers/nginx';
import { sampleSite } from '../../../helpers/publishSite';
import { tempDir } from '../../../helpers/tmp';

const config = { type: 'fly' as const, app: 'my-blog', region: 'ams' };

describe.skipIf(skipNginx)('the staged nginx, served by Debian nginx', () => {
  let nginx: RunningNginx;
  let local: Manifest;
  let siteDir: string;

  // One server for the suite: starting nginx per test would only repeat the same start.
  let suiteDir: string;
  beforeAll(async () => {
    // tempDir() folders go after each test; the build and the staged folder must last the suite.
    suiteDir = await mkdtemp(path.join(tmpdir(), 'postwright-flynginx-'));
    const site = await sampleSite();
    siteDir = path.join(suiteDir, 'build');
    await cp(site.out, siteDir, { recursive: true });
    local = await buildManifest(siteDir);
    const dir = path.join(suiteDir, 'staged');
    await stage({ root: site.root, siteDir, local, dir, config, target: 'fly' });
    nginx = await startNginx(dir);
  }, 60_000);
  afterAll(async () => {
    await nginx?.stop();
    await rm(suiteDir, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = { 'accept-encoding': 'gzip' }) => fetch(`${nginx.url}${url}`, { headers, redirect: 'manual' });

  it('serves every file of the build byte for byte, with the S3 target’s Content-Type and Cache-Control', async () => {
    expect(local.size).toBeGreaterThan(10);
    for (const entry of local.values()) {
      const response = await get(`/${encodePath(entry.path)}`);
      expect(response.status, entry.path).toBe(200);
      expect(response.headers.get('content-type'), entry.path).toBe(contentType(entry.path));
      expect(response.headers.get('cache-control'), entry.path).toBe(cacheControl(entry.path));
      expect(Buffer.from(await response.arrayBuffer()).equals(await readFile(path.join(siteDir, entry.path))), entry.path).toBe(true);
    }
  }, 120_000);

  it('serves a folder’s index.html at the folder’s address, and redirects the address without "/" relatively', async () => {
    const pages = [...local.keys()].filter((file) => file.endsWith('/index.html'));
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      const folder = page.slice(0, -'index.html'.length);
      const response = await get(`/${encodePath(folder)}`);
      expect(response.status, folder).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(await readFile(path.join(siteDir, page), 'utf8'));
      const bare = await get(`/${encodePath(folder.slice(0, -1))}`);
      expect(bare.status).toBe(301);
      // Relative, so the port nginx listens on behind Fly's proxy never shows.
      expect(bare.headers.get('location')).toBe(`/${encodePath(folder)}`);
    }
  });

  it('answers a miss with the site’s own 404.html and status 404, read again on each visit', async () => {
    const notFound = await readFile(path.join(siteDir, '404.html'), 'utf8');
    for (const miss of ['/no/such/page/', '/missing.png', '/posts/nope']) {
      const response = await get(miss);
      expect(response.status, miss).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(notFound);
    }
  });

  it('never lists a folder: one without an index is a 404 with the site’s page', async () => {
    const folders = new Set([...local.keys()].map((file) => path.posix.dirname(file)).filter((dir) => dir !== '.'));
    const bare = [...folders].filter((dir) => !local.has(`${dir}/index.html`));
    expect(bare.length).toBeGreaterThan(0);
    for (const dir of bare) {
      const response = await get(`/${encodePath(dir)}/`);
      expect(response.status, dir).toBe(404);
      const body = await response.text();
      expect(body).toBe(await readFile(path.join(siteDir, '404.html'), 'utf8'));
      expect(body).not.toContain('Index of');
    }
  });

  it('compresses text for a browser that asks (gzip, Vary: Accept-Encoding), and neither images nor a client that does not ask', async () => {
    const html = [...local.values()].find((entry) => entry.path.endsWith('.html') && entry.size > 1000)!;
    const css = [...local.values()].find((entry) => entry.path.endsWith('.css') && entry.size > 1000)!;
    for (const entry of [html, css]) {
      const zipped = await get(`/${encodePath(entry.path)}`);
      expect(zipped.headers.get('content-encoding'), entry.path).toBe('gzip');
      expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
      // fetch undoes the gzip as a browser does: what the reader gets is the file.
      expect(Buffer.from(await zipped.arrayBuffer()).equals(await readFile(path.join(siteDir, entry.path)))).toBe(true);
      const plain = await get(`/${encodePath(entry.path)}`, { 'accept-encoding': 'identity' });
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(Number(plain.headers.get('content-length'))).toBe(entry.size);
    }
    const image = [...local.values()].find((entry) => /\.(png|jpe?g|webp)$/.test(entry.path));
    if (image) expect((await get(`/${encodePath(image.path)}`)).headers.get('content-encoding')).toBeNull();
  });

  it('names no version in its answers', async () => {
    expect((await get('/')).headers.get('server')).toBe('nginx');
  });
});

describe.skipIf(skipNginx)('the staged nginx for files the sample blog lacks', () => {
  it('gives a feed, an unknown extension and a file without one the types headers.ts gives them', async () => {
    const siteDir = await tempDir('postwright-flysite-');
    const files = { 'index.html': '<!doctype html><title>x</title>', '404.html': 'gone', 'feed.xml': '<rss/>', 'atom.xml': '<feed/>', 'feed.json': '{}', 'notes.weird': 'x', 'LICENSE': 'x', 'doc.pdf': '%PDF' };
    const { writeTree } = await import('../../../helpers/tmp');
    await writeTree(siteDir, files);
    const local = await buildManifest(siteDir);
    const dir = await tempDir('postwright-flystage-');
    await stage({ root: undefined, siteDir, local, dir, config, target: 'fly' });
    const nginx = await startNginx(dir);
    try {
      for (const file of Object.keys(files)) {
        const response = await fetch(`${nginx.url}/${file}`);
        expect(response.status, file).toBe(200);
        expect(response.headers.get('content-type'), file).toBe(contentType(file));
        expect(response.headers.get('cache-control'), file).toBe(cacheControl(file));
      }
    } finally {
      await nginx.stop();
    }
  });
});
