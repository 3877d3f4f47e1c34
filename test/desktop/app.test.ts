// The built desktop app in the real Electron, driven as the author drives it
// (`npm run test:desktop`; README "Desktop tests"). Each test starts the app on
// its own temp profile and temp copy of the sample blog.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RawApi } from '../../common/api';
import { appCsp } from '../../common/csp';
import { bareRepo, branchTree } from '../helpers/gitRemote';
import { answerDialogs, askedDialogs, clickMenu, freshProfile, launchDesktop, openPost, typeAtEnd, withoutAutosave, type Desktop } from './desktopApp';

const wait = { timeout: 20_000 };
const TITLE = 'How I price a rewrite (notes, not finished)';
const FILE = join('posts', 'pricing-a-rewrite.md');
const running: Desktop[] = [];

/** Where Electron is not installed, every test fails here with the reason (the binary is looked for once). */
async function start(place?: { profile: string; blog: string }): Promise<Desktop> {
  const desktop = await launchDesktop(place);
  running.push(desktop);
  return desktop;
}

afterEach(async () => {
  for (const { app } of running.splice(0)) await app.close().catch(() => {});
});

async function journal(profile: string): Promise<string[]> {
  const root = join(profile, 'recovery');
  const folders = await readdir(root).catch(() => []);
  return (await Promise.all(folders.map((f) => readdir(join(root, f))))).flat().filter((n) => n.endsWith('.json'));
}

describe('the desktop app', () => {
  it('opens its window on the sample blog', async () => {
    const { page } = await start();
    await expect.poll(() => page.getByRole('listbox', { name: 'Posts' }).textContent(), wait).toContain(TITLE);
    await expect.poll(() => page.title(), wait).toContain('Postwright');
  });

  it('opens, edits and saves a post: the file on disk changes', async () => {
    const { page, blog } = await start();
    await openPost(page, TITLE);
    await typeAtEnd(page, '\nSaved from the desktop test.');
    await page.keyboard.press(process.platform === 'darwin' ? 'Meta+S' : 'Control+S');
    await expect.poll(() => readFile(join(blog, FILE), 'utf8'), wait).toContain('Saved from the desktop test.');
  });

  it('asks before closing with unsaved text; Cancel keeps it, Save writes it and closes', async () => {
    const { app, page, blog } = await start();
    await withoutAutosave(page);
    await openPost(page, TITLE);
    await typeAtEnd(page, '\nUnsaved when the window closed.');
    await answerDialogs(app, ['Cancel', 'Save']);
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    await expect.poll(() => askedDialogs(app), wait).toHaveLength(1);
    expect([...(await askedDialogs(app))[0]!].sort()).toEqual(['Cancel', "Don't Save", 'Save']);
    expect(await readFile(join(blog, FILE), 'utf8')).not.toContain('Unsaved when the window closed.');

    const closed = app.waitForEvent('close');
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    await closed;
    expect(await readFile(join(blog, FILE), 'utf8')).toContain('Unsaved when the window closed.');
  });

  it('recovers unsaved text after the app is killed', async () => {
    const place = await freshProfile();
    const first = await start(place);
    await withoutAutosave(first.page);
    await openPost(first.page, TITLE);
    await typeAtEnd(first.page, '\nTyped just before the kill.');
    await expect.poll(() => journal(place.profile), wait).toHaveLength(1);
    first.app.process().kill('SIGKILL');
    running.splice(0);

    const second = await start(place);
    const dialog = second.page.getByRole('dialog', { name: 'Recover unsaved text' });
    await expect.poll(() => dialog.textContent(), wait).toContain(FILE.replaceAll('\\', '/'));
  });

  it('Copy Post as HTML puts the page on the clipboard as HTML and as plain text', async () => {
    const { app, page } = await start();
    await openPost(page, TITLE);
    await app.evaluate(({ clipboard }) => clipboard.writeText(''));
    await clickMenu(app, 'Copy Post as HTML');
    await expect.poll(() => app.evaluate(({ clipboard }) => clipboard.readText()), wait).toContain('<!doctype html>');
    expect(await app.evaluate(({ clipboard }) => clipboard.has('text/html'))).toBe(true);
  });

  it('right-click on a misspelled word offers suggestions, Add to Dictionary and the editing commands', async () => {
    const { app, page } = await start();
    await openPost(page, TITLE);
    await typeAtEnd(page, '\nThis sentance is misspelled');
    // Native menus are outside the page: record what the main process would show.
    await app.evaluate(({ Menu }) => {
      Menu.prototype.popup = function popup(this: Electron.Menu) {
        (globalThis as { shownMenu?: string[] }).shownMenu = this.items.map((i) => i.label || i.role || i.type);
      };
    });
    await expect
      .poll(async () => {
        await page.getByText('sentance').click({ button: 'right' });
        return app.evaluate(() => (globalThis as { shownMenu?: string[] }).shownMenu ?? []);
      }, wait)
      .toEqual(expect.arrayContaining(['Add to Dictionary', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it('publishes the sample blog to a local bare git repository', async () => {
    const { page } = await start();
    const remote = await bareRepo();
    const outcome = await page.evaluate(async (url) => {
      const api = (window as unknown as { postwright: RawApi }).postwright;
      await api.publish.saveTarget('pages', { type: 'git', remote: url, branch: 'gh-pages' });
      return api.publish.run({ target: 'pages' });
    }, remote.url);
    expect(outcome).toMatchObject({ ok: true });
    const tree = await branchTree(remote.dir, 'gh-pages');
    expect(tree.has('index.html')).toBe(true);
  });

  it('serves its page over app:// with the Content-Security-Policy header', async () => {
    const { page } = await start();
    const header = await page.evaluate(async () => (await fetch('app://postwright/index.html')).headers.get('content-security-policy'));
    const nonce = /'nonce-([^']+)'/.exec(header ?? '')?.[1] ?? '';
    expect(header).toBe(appCsp(nonce));
    // The page that is showing was served with a nonce of its own, which it reads through the property.
    const shown = await page.evaluate(() => document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce);
    expect(shown).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(shown).not.toBe(nonce);
  });
});
