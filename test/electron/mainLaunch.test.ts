// Launching the app by opening a post file, before Electron is `ready`: the
// file comes on argv (Windows, Linux) or as an open-file event (macOS). Each
// launch imports main.ts afresh against its own recorder for `electron`.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { postId } from '../../electron/workspace/ids';
import { emitPreventable, type FakeElectron } from './fakeElectron';

let blogs: string;
const launched: FakeElectron[] = [];

beforeAll(() => {
  blogs = mkdtempSync(join(tmpdir(), 'postwright-launch-'));
  for (const [file, text] of Object.entries({
    'first/postwright.json': '{}',
    'first/posts/a.md': '---\ntitle: A\n---\n',
    'second/postwright.json': '{}',
    'second/notes/b.md': '---\ntitle: B\n---\n',
  })) {
    mkdirSync(dirname(join(blogs, file)), { recursive: true });
    writeFileSync(join(blogs, file), text);
  }
});

afterAll(() => {
  for (const fake of launched) fake.recorded.appEvents.emit('before-quit');
  rmSync(blogs, { recursive: true, force: true });
});

/** Starts main.ts with `argv`, lets `beforeReady` act, then makes the app ready; resolves once the window exists. */
async function launch(argv: string[], beforeReady: (fake: FakeElectron) => void = () => {}): Promise<FakeElectron> {
  vi.resetModules();
  vi.doMock('electron', async () => {
    const { createFakeElectron } = await import('./fakeElectron');
    return createFakeElectron(mkdtempSync(join(tmpdir(), 'postwright-electron-')), { deferReady: true });
  });
  const fake = (await import('electron')) as unknown as FakeElectron;
  launched.push(fake);
  const saved = process.argv;
  process.argv = argv;
  try {
    await import('../../electron/main');
  } finally {
    process.argv = saved;
  }
  beforeReady(fake);
  fake.recorded.becomeReady();
  await vi.waitFor(() => expect(fake.recorded.windows).toHaveLength(1), { timeout: 10_000 });
  return fake;
}

async function workspaceRoot(fake: FakeElectron): Promise<string> {
  const frame = { url: fake.recorded.windows[0]!.loaded[0]! };
  const reply = (await fake.recorded.ipcHandlers.get('workspace.info')!({ senderFrame: frame, sender: { mainFrame: frame } })) as { value: { root: string } };
  return reply.value.root;
}

const openPosts = (fake: FakeElectron) =>
  fake.recorded.windows[0]!.webContents.sent.filter(([channel]) => channel === 'app.openPost').map(([, payload]) => payload);

describe('launching with a post file', () => {
  it('Windows and Linux: the file on argv opens its blog, not the sample blog, and the post once the page loads', async () => {
    const fake = await launch(['/opt/Postwright/postwright', join(blogs, 'first', 'posts', 'a.md')]);
    expect(await workspaceRoot(fake)).toBe(join(blogs, 'first'));
    expect(existsSync(join(fake.recorded.userDataRoot, 'documents', 'Postwright Sample Blog'))).toBe(false);
    expect(openPosts(fake)).toEqual([]);
    fake.recorded.windows[0]!.webContents.emit('did-finish-load');
    expect(openPosts(fake)).toEqual([{ id: postId('posts/a.md') }]);
  });

  it('macOS: an open-file event before ready does the same, and the blog joins the recent folders', async () => {
    const fake = await launch(['/Applications/Postwright.app/Contents/MacOS/Postwright'], (f) => {
      expect(emitPreventable(f.recorded.appEvents, 'open-file', join(blogs, 'second', 'notes', 'b.md'))).toBe(true);
    });
    expect(await workspaceRoot(fake)).toBe(join(blogs, 'second'));
    fake.recorded.windows[0]!.webContents.emit('did-finish-load');
    expect(openPosts(fake)).toEqual([{ id: postId('notes/b.md') }]);
    const template = fake.Menu.setApplicationMenu.mock.calls.at(-1)![0] as unknown as { label?: string; submenu?: { label?: string; submenu?: { label?: string }[] }[] }[];
    const recent = template.find((m) => m.label === 'File')!.submenu!.find((i) => i.label === 'Open Recent');
    expect(recent?.submenu?.map((i) => i.label)).toEqual([join(blogs, 'second')]);
  });

  it('a plain launch opens the sample blog and selects nothing', async () => {
    const fake = await launch(['/opt/Postwright/postwright']);
    expect(await workspaceRoot(fake)).toBe(join(fake.recorded.userDataRoot, 'documents', 'Postwright Sample Blog'));
    fake.recorded.windows[0]!.webContents.emit('did-finish-load');
    expect(openPosts(fake)).toEqual([]);
  });
});
