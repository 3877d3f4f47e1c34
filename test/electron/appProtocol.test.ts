// The app:// protocol against a real folder: it serves the built renderer's
// files and nothing else, however the path is dressed up.
import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { appPageUrl, appResponse, isAppOrigin } from '../../electron/appProtocol';
import { appCsp, NONCE_PLACEHOLDER } from '../../common/csp';
import { tempDir, writeTree } from '../helpers/tmp';

let parent: string;
let renderer: string;
const get = (url: string, method = 'GET') => appResponse(renderer, { url, method });
/** The page as the build writes it: the nonce's placeholder in the tag the page reads it from. */
const builtPage = `<!doctype html><meta property="csp-nonce" nonce="${NONCE_PLACEHOLDER}"><title>app</title>`;
/** The nonce a policy names. */
const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1];

beforeEach(async () => {
  parent = await tempDir();
  renderer = path.join(parent, 'renderer');
  await writeTree(parent, {
    'renderer/index.html': builtPage,
    'renderer/assets/main-abc.js': 'console.log(1)',
    'renderer/assets/main-abc.css': 'body{}',
    'renderer/assets/font.woff2': new Uint8Array([1, 2, 3]),
    'renderer/assets/icon.svg': '<svg/>',
    'renderer/README': 'no extension',
    'canary.txt': 'SECRET outside the renderer',
    'renderer-evil/x.js': 'a sibling folder whose name starts like the root',
  });
});

describe('the app:// protocol', () => {
  it('serves the page and its assets with their MIME types, the CSP and nosniff', async () => {
    const page = await get(appPageUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const nonce = nonceOf(page.headers.get('content-security-policy'))!;
    expect(page.headers.get('content-security-policy')).toBe(appCsp(nonce));
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    // The page carries the nonce its policy names, where the build left the placeholder.
    expect(await page.text()).toBe(builtPage.replace(NONCE_PLACEHOLDER, nonce));
    expect(await (await get('app://postwright/')).text()).toContain('<title>app</title>');
    const types = await Promise.all(['assets/main-abc.js', 'assets/main-abc.css', 'assets/font.woff2', 'assets/icon.svg', 'README'].map(async (f) => (await get(`app://postwright/${f}`)).headers.get('content-type')));
    expect(types).toEqual(['text/javascript; charset=utf-8', 'text/css; charset=utf-8', 'font/woff2', 'image/svg+xml', 'application/octet-stream']);
    expect(await (await get('app://postwright/assets/main-abc.js?v=1#x')).text()).toBe('console.log(1)');
  });

  it('answers HEAD without a body', async () => {
    const head = await get(appPageUrl, 'HEAD');
    expect(head.status).toBe(200);
    const nonce = nonceOf(head.headers.get('content-security-policy'))!;
    expect(head.headers.get('content-length')).toBe(String(builtPage.replace(NONCE_PLACEHOLDER, nonce).length));
    expect(await head.text()).toBe('');
  });

  it('gives every response a fresh nonce, so no page load can reuse another one', async () => {
    const nonces = await Promise.all(Array.from({ length: 8 }, async () => nonceOf((await get(appPageUrl)).headers.get('content-security-policy'))));
    expect(nonces.every((nonce) => nonce && /^[A-Za-z0-9+/]{22}==$/.test(nonce))).toBe(true);
    expect(new Set(nonces).size).toBe(8);
  });

  it('refuses a page built without the nonce placeholder, saying why', async () => {
    await writeTree(parent, { 'renderer/other.html': '<!doctype html><title>no nonce</title>' });
    const page = await get('app://postwright/other.html');
    expect(page.status).toBe(500);
    expect(await page.text()).toContain('no CSP nonce placeholder');
  });

  it('is a 404 for anything outside the renderer folder, however it is spelt', async () => {
    await symlink(path.join(parent, 'canary.txt'), path.join(renderer, 'assets', 'link.txt'));
    await symlink(parent, path.join(renderer, 'up'));
    await mkdir(path.join(renderer, 'empty'));
    const refused = [
      'app://postwright/../canary.txt',
      'app://postwright/%2e%2e/canary.txt',
      'app://postwright/%2E%2E%2Fcanary.txt',
      'app://postwright/assets/..%2F..%2Fcanary.txt',
      'app://postwright/..%5Ccanary.txt',
      'app://postwright/%252e%252e/canary.txt',
      `app://postwright/${encodeURIComponent(path.join(parent, 'canary.txt'))}`,
      'app://postwright//etc/passwd',
      'app://postwright/assets/link.txt',
      'app://postwright/up/canary.txt',
      'app://postwright/../renderer-evil/x.js',
      'app://postwright/empty',
      'app://postwright/assets',
      'app://postwright/missing.js',
      'app://postwright/index.html%00.js',
      'app://postwright/%E0%A4%A',
      'app://elsewhere/index.html',
      'postwright-asset://workspace/index.html',
      'file:///etc/passwd',
    ];
    const answers = await Promise.all(refused.map(async (url) => [url, (await get(url)).status, await (await get(url)).text()] as const));
    expect(answers.filter(([, status]) => status !== 404)).toEqual([]);
    expect(answers.filter(([, , body]) => body.includes('SECRET') || body.includes('sibling'))).toEqual([]);
  });

  it('serves nothing but GET and HEAD', async () => {
    expect((await get(appPageUrl, 'POST')).status).toBe(404);
  });

  it("knows its own origin, and no other (file:, look-alike hosts, other schemes)", () => {
    expect(isAppOrigin('app://postwright/index.html')).toBe(true);
    expect(isAppOrigin('app://postwright/assets/x.js#y')).toBe(true);
    for (const url of ['file:///index.html', 'app://postwright.evil/index.html', 'app://evil/index.html', 'https://postwright/index.html', 'not a url', '']) {
      expect(isAppOrigin(url)).toBe(false);
    }
  });
});
