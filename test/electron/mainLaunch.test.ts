// Launching the app: with a post file named before Electron is `ready` (argv on
// Windows and Linux, an open-file event on macOS), and with nothing to open at
// all. Each launch imports main.ts afresh against its own fake `electron`.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { postId } from '../../electron/workspace/ids';
import { openFolderUrl, welcomeUrl } from '../../electron/welcome';
import { launchApp, rememberFolders, type LaunchedApp } from './launchApp';
import { WAIT } from '../helpers/wait';

let blogs: string;
const launched: LaunchedApp[] = [];

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
  for (const app of launched) app.fake.app.quit();
  rmSync(blogs, { recursive: true, force: true });
});

async function launch(options: Parameters<typeof launchApp>[0]): Promise<LaunchedApp> {
  const app = await launchApp(options);
  launched.push(app);
  return app;
}

const root = async (app: LaunchedApp) => (await app.page().api.workspace.info()).root;
const heardPosts = (app: LaunchedApp) => app.pages.flatMap((p) => p.heard.filter(([event]) => event === 'app.openPost').map(([, payload]) => payload));
const sampleIn = (app: LaunchedApp, folder: string) => join(app.fake.recorded.userDataRoot, folder, folder === 'documents' ? 'Postwright Sample Blog' : 'Sample Blog');

describe('launching with a post file', () => {
  it('Windows and Linux: the file on argv opens its blog, not the sample blog, and the page selects the post', async () => {
    const app = await launch({ argv: ['/opt/Postwright/postwright', join(blogs, 'first', 'posts', 'a.md')] });
    expect(await root(app)).toBe(join(blogs, 'first'));
    expect(existsSync(sampleIn(app, 'documents'))).toBe(false);
    await vi.waitFor(() => expect(heardPosts(app)).toEqual([{ id: postId('posts/a.md') }]), WAIT);
  });

  it('macOS: an open-file event before ready does the same, and the blog joins the recent folders', async () => {
    const app = await launch({
      argv: ['/Applications/Postwright.app/Contents/MacOS/Postwright'],
      beforeReady: (fake) => expect(fake.recorded.osOpensFile(join(blogs, 'second', 'notes', 'b.md'))).toBe(true),
    });
    expect(await root(app)).toBe(join(blogs, 'second'));
    await vi.waitFor(() => expect(heardPosts(app)).toEqual([{ id: postId('notes/b.md') }]), WAIT);
    const menu = app.fake.Menu.setApplicationMenu.mock.calls.at(-1)![0]!;
    expect(menu.find('Open Recent')?.submenu).toEqual([expect.objectContaining({ label: join(blogs, 'second') })]);
  });

  it('a plain launch opens the sample blog and selects nothing', async () => {
    const app = await launch({});
    expect(await root(app)).toBe(sampleIn(app, 'documents'));
    expect(heardPosts(app)).toEqual([]);
  });
});

// Issue 13, defect 3: a failed first workspace left the app with no window, holding the single-instance lock.
describe('startup always ends with a window', () => {
  it('the last folder is gone: the sample blog opens, not the next remembered folder', async () => {
    const app = await launch({ prepare: (profile) => rememberFolders(profile, [join(blogs, 'unplugged'), join(blogs, 'first')]) });
    expect(await root(app)).toBe(sampleIn(app, 'documents'));
  });

  it('Documents cannot be written: the sample blog is copied to the app data folder instead', async () => {
    const app = await launch({
      prepare: (profile) => {
        rememberFolders(profile, [join(blogs, 'gone-1'), join(blogs, 'gone-2')]);
        // A file where the Documents folder should be: nothing can be created inside it.
        writeFileSync(join(profile, 'documents'), 'not a folder');
      },
    });
    expect(await root(app)).toBe(join(app.fake.recorded.userDataRoot, 'userData', 'Sample Blog'));
    expect(existsSync(join(app.fake.recorded.userDataRoot, 'userData', 'Sample Blog', 'postwright.json'))).toBe(true);
  });

  it('nothing can be opened: a welcome screen says why and offers Open Folder…, which opens the chosen blog', async () => {
    const app = await launch({
      waitForAppPage: false,
      prepare: (profile) => {
        rememberFolders(profile, [join(blogs, 'gone')]);
        writeFileSync(join(profile, 'documents'), 'not a folder');
        // The app data folder is writable (electron-store keeps its state there) but its sample copy is not.
        mkdirSync(join(profile, 'userData'), { recursive: true });
        writeFileSync(join(profile, 'userData', 'Sample Blog'), 'not a folder');
      },
    });
    expect(app.fake.recorded.state.lockHeld).toBe(true);
    await vi.waitFor(() => expect(app.window().webContents.page?.url).toBe(welcomeUrl), WAIT);
    const page = await app.fake.recorded.protocols.handlers.get('app')!(new Request(welcomeUrl));
    const html = await page.text();
    expect(html).toContain('Open Folder…');
    expect(html).toContain(join(blogs, 'gone'));
    expect(html).toContain('The sample blog in');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    // Its one <style> carries the nonce its policy names (the policy allows no other).
    const nonce = /'nonce-([^']+)'/.exec(page.headers.get('content-security-policy') ?? '')?.[1];
    expect(html.match(/<style[^>]*>/g)).toEqual([`<style nonce="${nonce}">`]);

    app.fake.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [join(blogs, 'first')] });
    expect(await app.window().webContents.page!.followLink(openFolderUrl)).toBe(false);
    await vi.waitFor(() => expect(app.pages).toHaveLength(1), WAIT);
    expect(await root(app)).toBe(join(blogs, 'first'));
  });
});

describe('a profile of its own', () => {
  it('--user-data-dir keeps the app state there', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'postwright-profile-'));
    const app = await launch({ argv: ['/opt/Postwright/postwright', `--user-data-dir=${profile}`] });
    expect(app.fake.app.getPath('userData')).toBe(profile);
    await vi.waitFor(() => expect(existsSync(join(profile, 'state.json'))).toBe(true), WAIT);
  });
});
