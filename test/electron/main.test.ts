// The Electron glue, with `electron` replaced by a recorder (the one place a mock is allowed).
import { existsSync, mkdtempSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as electron from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient, events, methods, rawTransport, type RawApi } from '../../common/api';
import { appCsp, NONCE_PLACEHOLDER } from '../../common/csp';
import { rendererDir } from '../../electron/appPaths';
import { postId } from '../../electron/workspace/ids';
import { post, tempTree } from '../helpers/tmp';
import { onePixelPng } from '../helpers/images';
import { emitPreventable, type FakeElectron, type FakePage } from './fakeElectron';
import { WAIT } from '../helpers/wait';

vi.mock('electron', async () => {
  const { createFakeElectron } = await import('./fakeElectron');
  return createFakeElectron(mkdtempSync(join(tmpdir(), 'postwright-electron-')));
});

const fake = electron as unknown as FakeElectron;
const { recorded } = fake;

/** What each loaded page heard of `app.openPost`, as the renderer subscribes to it (through the real preload), parsed by its schema. */
const heard: { page: FakePage; payload: unknown }[] = [];

beforeAll(async () => {
  recorded.onPageLoad = (page) => {
    const api = createClient(rawTransport(recorded.exposed.postwright as RawApi));
    api.on('app.openPost', (payload) => heard.push({ page, payload: events['app.openPost'].parse(payload) }));
  };
  await import('../../electron/preload');
  await import('../../electron/main');
  await vi.waitFor(() => expect(recorded.windows[0]?.webContents.page).toBeTruthy(), { timeout: 10_000 });
});

afterAll(() => fake.app.quit());

describe('the app window', () => {
  it('is locked down: context isolation, sandbox, no Node, our preload only', () => {
    const prefs = recorded.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, webSecurity: true, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/out\/preload\/preload\.cjs$/);
  });

  it('loads the built renderer from app://, never file://', async () => {
    expect(recorded.windows[0]!.loaded).toEqual(['app://postwright/index.html']);
    expect(recorded.protocols.privileged).toContainEqual({ scheme: 'app', privileges: { standard: true, secure: true } });
    const handler = recorded.protocols.handlers.get('app')!;
    const page = await handler(new Request('app://postwright/index.html'));
    expect(page.status).toBe(200);
    // The built page, with this response's nonce where the build left the placeholder.
    const nonce = /'nonce-([^']+)'/.exec(page.headers.get('content-security-policy') ?? '')![1]!;
    expect(page.headers.get('content-security-policy')).toBe(appCsp(nonce));
    expect(await page.text()).toBe((await readFile(join(rendererDir, 'index.html'), 'utf8')).replaceAll(NONCE_PLACEHOLDER, nonce));
    expect((await handler(new Request('app://postwright/%2E%2E/%2E%2E/package.json'))).status).toBe(404);
  });

  it('opens a copy of the sample blog on first run, outside the app', () => {
    expect(existsSync(join(recorded.userDataRoot, 'documents', 'Postwright Sample Blog', 'postwright.json'))).toBe(true);
  });

  it('serves workspace images to the preview over postwright-asset:, and nothing outside the workspace', async () => {
    expect(recorded.protocols.privileged).toContainEqual({ scheme: 'postwright-asset', privileges: { standard: true, secure: true } });
    const handler = recorded.protocols.handlers.get('postwright-asset')!;
    const sample = join(recorded.userDataRoot, 'documents', 'Postwright Sample Blog');
    await writeFile(join(sample, 'pixel.png'), onePixelPng);
    const ok = await handler(new Request('postwright-asset://workspace/pixel.png'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(onePixelPng);
    expect((await handler(new Request('postwright-asset://workspace/%2E%2E/%2E%2E/etc/passwd'))).status).toBe(403);
    expect((await handler(new Request('postwright-asset://workspace/postwright.json'))).status).toBe(403);
  });

  it("keeps the CSP header of the app's own responses (it names the nonce in their page)", async () => {
    const page = await recorded.protocols.handlers.get('app')!(new Request('app://postwright/index.html'));
    const written = { 'Content-Security-Policy': [page.headers.get('content-security-policy')!], 'X-Other': ['1'] };
    let headers: Record<string, string[]> = {};
    recorded.session.headers!({ url: 'app://postwright/index.html', responseHeaders: written }, (r) => (headers = r.responseHeaders));
    expect(headers).toEqual(written);
    expect(headers['Content-Security-Policy']![0]).not.toContain('unsafe-inline');
    recorded.session.headers!({ url: 'https://example.com/', responseHeaders: { 'X-Other': ['1'] } }, (r) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'X-Other': ['1'] });
  });

  it('denies every permission the page asks for, the clipboard write included (Copy as HTML goes through the contract)', async () => {
    const page = recorded.windows[0]!.webContents.page!;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-sanitized-write']) {
      expect(await page.requestPermission(permission)).toBe(false);
      expect(page.checkPermission(permission)).toBe(false);
    }
    expect(recorded.session.devicePermission!({})).toBe(false);
  });
});

describe('navigation', () => {
  const page = () => recorded.windows[0]!.webContents.page!;

  it('blocks navigation away from the app and hands safe links to the OS browser', async () => {
    expect(await page().followLink('https://example.com/post')).toBe(false);
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://example.com/post');
  });

  it('never opens file:, javascript: or custom-protocol links', async () => {
    fake.shell.openExternal.mockClear();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'vscode://x']) {
      expect(await page().followLink(url)).toBe(false);
      expect(page().openWindow(url)).toEqual({ action: 'deny' });
    }
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });

  it('denies new windows, even for safe links (which open outside instead)', () => {
    expect(page().openWindow('mailto:me@example.com')).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).toHaveBeenCalledWith('mailto:me@example.com');
  });

  it('blocks file:// pages and webviews', async () => {
    const contents = recorded.windows[0]!.webContents;
    expect(await page().followLink(pathToFileURL(join(rendererDir, 'index.html')).href)).toBe(false);
    expect(emitPreventable(contents, 'will-attach-webview')).toBe(true);
  });
});

describe('IPC', () => {
  const ownUrl = () => recorded.windows[0]!.loaded[0]!;
  const event = (url: string, top = true) => {
    const frame = { url };
    return { senderFrame: frame, sender: { mainFrame: top ? frame : { url } } };
  };

  it('registers exactly the contract methods', () => {
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual(methods.map((m) => m.channel).sort());
  });

  it('answers our own page', async () => {
    const reply = (await recorded.ipcHandlers.get('posts.list')!(event(ownUrl()))) as { ok: boolean; value: unknown[] };
    expect(reply.ok).toBe(true);
    expect(reply.value.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses other frames and pages', async () => {
    const fileUrl = pathToFileURL(join(rendererDir, 'index.html')).href;
    // Each refusal says which rule the call broke.
    const others: [unknown, string][] = [
      [event('https://evil.example/'), "posts.list was refused: it came from https://evil.example/, which is not Postwright's page."],
      // The preview's frames and a page that navigated to file:// or a look-alike host.
      [event(ownUrl(), false), `posts.list was refused: it came from a frame inside the page (${ownUrl()}), not the page itself.`],
      [event('about:srcdoc', false), 'posts.list was refused: it came from a frame inside the page (about:srcdoc), not the page itself.'],
      [event(fileUrl), `posts.list was refused: it came from ${fileUrl}, which is not Postwright's page.`],
      [event('app://postwright.evil/index.html'), "posts.list was refused: it came from app://postwright.evil/index.html, which is not Postwright's page."],
      [{ senderFrame: null, sender: { mainFrame: {} } }, 'posts.list was refused: its frame is gone (the page navigated away or closed).'],
    ];
    for (const [e, message] of others) {
      expect(await recorded.ipcHandlers.get('posts.list')!(e)).toEqual({ ok: false, error: { code: 'forbidden', message } });
    }
  });

  it('rejects bad arguments with a typed error', async () => {
    expect(await recorded.ipcHandlers.get('posts.read')!(event(ownUrl()), '../../etc/passwd')).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', message: expect.stringContaining('post id') },
    });
  });

  it('forwards backend events to the window', async () => {
    const { writeFile } = await import('node:fs/promises');
    const root = join(recorded.userDataRoot, 'documents', 'Postwright Sample Blog');
    await writeFile(join(root, 'posts', 'from-outside.md'), '---\ntitle: From outside\n---\nHi\n');
    const sent = recorded.windows[0]!.webContents.sent;
    await vi.waitFor(() => expect(sent.some(([channel, p]) => channel === 'posts.changed' && JSON.stringify(p).includes('from-outside'))).toBe(true), { timeout: 5000 });
  });
});

describe('menu', () => {
  it('has File → New Post, Open Folder… and Save', () => {
    const menu = fake.Menu.setApplicationMenu.mock.calls.at(-1)![0]!;
    for (const label of ['New Post', 'Open Folder…', 'Save']) expect(menu.find(label)).toBeDefined();
  });
});

describe('opening a post file from the OS', () => {
  const contents = () => recorded.windows[0]!.webContents;
  const sampleRoot = () => join(recorded.userDataRoot, 'documents', 'Postwright Sample Blog');
  const info = async () => {
    const frame = { url: recorded.windows[0]!.loaded[0]! };
    return ((await recorded.ipcHandlers.get('workspace.info')!({ senderFrame: frame, sender: { mainFrame: frame } })) as { value: { root: string } }).value;
  };

  it('macOS open-file: a post in the open workspace is selected without reloading', async () => {
    const reloads = contents().reloads;
    expect(recorded.osOpensFile(join(sampleRoot(), 'posts', 'pricing-a-rewrite.md'))).toBe(true);
    await vi.waitFor(() => expect(heard.map((h) => h.payload)).toEqual([{ id: postId('posts/pricing-a-rewrite.md') }]), WAIT);
    expect(heard[0]!.page).toBe(contents().page);
    expect(contents().reloads).toBe(reloads);
  });

  it('second instance: a post in another blog opens that blog, then the reloaded page selects the post', async () => {
    const elsewhere = await tempTree({ 'blog/postwright.json': '{}', 'blog/posts/far.md': post({ title: 'Far' }) });
    const before = contents().page;
    recorded.secondInstance(['/opt/Postwright/postwright', '--allow-file-access-from-files', 'posts/far.md'], join(elsewhere, 'blog'));
    await vi.waitFor(() => expect(heard.at(-1)?.payload).toEqual({ id: postId('posts/far.md') }), WAIT);
    // Heard by the new page, never sent to the old one on its way out.
    expect(heard.at(-1)!.page).not.toBe(before);
    expect(heard.at(-1)!.page).toBe(contents().page);
    expect(heard.filter((h) => h.page === before)).toHaveLength(1);
    expect((await info()).root).toBe(join(elsewhere, 'blog'));
    const menu = fake.Menu.setApplicationMenu.mock.calls.at(-1)![0]!;
    expect(menu.find('Open Recent')?.submenu).toMatchObject([{ label: join(elsewhere, 'blog') }]);
  });

  it('second instance without a file only brings the window forward', async () => {
    const count = heard.length;
    const reloads = contents().reloads;
    recorded.secondInstance(['/opt/Postwright/postwright'], '/');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toHaveLength(count);
    expect(contents().reloads).toBe(reloads);
  });

  it('a file that cannot be opened is explained, and nothing changes', async () => {
    const before = await info();
    fake.dialog.showErrorBox.mockClear();
    recorded.osOpensFile(join(recorded.userDataRoot, 'nowhere', 'gone.md'));
    await vi.waitFor(() => expect(fake.dialog.showErrorBox).toHaveBeenCalledWith('Could not open that file', expect.stringContaining('does not exist')), WAIT);
    expect(await info()).toEqual(before);
  });
});
