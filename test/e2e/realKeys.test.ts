// Every shortcut the app advertises in a browser tab, typed as real key presses
// into a headful Chromium: Xvfb is the display and xdotool the keyboard, so each
// press goes through the browser's own accelerator handling, as a person's
// does. (Playwright's keyboard sends keys into the page over the DevTools
// protocol, past the browser's accelerators: a key Chromium keeps for itself
// would still reach the page in every other e2e test.)
//
// Chromium keeps only tab and window keys from pages (BrowserCommandController::
// IsReservedCommandOrKey: new tab/window/incognito, close, restore tab, next and
// previous tab, exit). Ctrl+N is one, so New post is Ctrl+Alt+N here; Ctrl+Shift+B
// (the bookmarks bar) is not, so Publish keeps it, and the page's preventDefault
// stops the bookmarks bar. The Ctrl+N row is the control that shows the test can
// tell the difference.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestBridge, type RunningBridge } from '../helpers/bridge';
import { WAIT } from '../helpers/wait';
import { chromiumPath, skipE2e } from './browser';

const haveX = existsSync('/usr/bin/Xvfb') && existsSync('/usr/bin/xdotool');
/** Locally a machine without Xvfb and xdotool skips this file; in CI (CI=true) that is a failure. */
const skip = skipE2e || (!haveX && !process.env.CI);

/** A display number no other X server holds. */
function freeDisplay(): number {
  for (let n = 90; n < 200; n++) if (!existsSync(`/tmp/.X11-unix/X${n}`) && !existsSync(`/tmp/.X${n}-lock`)) return n;
  throw new Error('No free X display number between :90 and :199.');
}

/** The window shortcuts of a browser tab, as xdotool names the keys, with what each must do. */
const shortcuts: { keys: string; does: string; shows: (page: Page) => Promise<boolean> }[] = [
  { keys: 'ctrl+shift+b', does: 'Publish', shows: (page) => page.getByRole('region', { name: 'Publish' }).isVisible() },
  { keys: 'ctrl+alt+n', does: 'New post', shows: (page) => page.getByRole('dialog', { name: 'New post' }).isVisible() },
  { keys: 'ctrl+shift+p', does: 'the command palette', shows: (page) => page.getByRole('dialog', { name: 'Command palette' }).isVisible() },
  { keys: 'ctrl+shift+o', does: 'the outline', shows: (page) => page.getByRole('dialog', { name: 'Outline' }).isVisible() },
  { keys: 'ctrl+shift+f', does: 'Find in all posts', shows: (page) => page.getByRole('dialog', { name: 'Find in all posts' }).isVisible() },
  { keys: 'ctrl+comma', does: 'Settings', shows: (page) => page.getByRole('dialog', { name: 'Settings' }).isVisible() },
  { keys: 'ctrl+shift+y', does: 'History', shows: (page) => page.getByRole('dialog', { name: /History/ }).isVisible() },
  { keys: 'ctrl+shift+Return', does: 'distraction-free writing', shows: async (page) => (await page.locator('.app.distraction-free').count()) === 1 },
];

describe.skipIf(skip)('shortcuts typed as real keys in a headful Chromium', () => {
  let xvfb: ChildProcess;
  let display: string;
  let app: RunningBridge;
  let context: BrowserContext;
  let profile: string;
  let page: Page;
  /** What the editor area said before a post was opened. */
  let emptyState: string | null;

  beforeAll(async () => {
    if (!haveX) throw new Error('Xvfb and xdotool are not installed; .ci/run installs them (apt-get install xvfb xdotool).');
    const n = freeDisplay();
    display = `:${n}`;
    xvfb = spawn('/usr/bin/Xvfb', [display, '-screen', '0', '1400x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    await vi.waitFor(() => expect(existsSync(`/tmp/.X11-unix/X${n}`)).toBe(true), WAIT);
    app = await startTestBridge();
    profile = await mkdtemp(join(tmpdir(), 'postwright-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: false,
      viewport: null,
      env: { ...process.env, DISPLAY: display },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--window-size=1280,800'],
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(app.bridge.url);
    emptyState = await page.locator('.empty-state').textContent();
    await page.getByRole('listbox', { name: 'Posts' }).getByText('Retries are not a strategy', { exact: true }).click();
    await vi.waitFor(async () => expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true), WAIT);
    // Every keydown the page receives, and whether the app handled it (read once the event has been dispatched).
    await page.evaluate(() => {
      const seen: KeyboardEvent[] = [];
      window.addEventListener('keydown', (event) => seen.push(event), true);
      (window as unknown as { keysSeen: () => { key: string; handled: boolean }[] }).keysSeen = () =>
        seen.splice(0).map((event) => ({ key: event.key.toLowerCase(), handled: event.defaultPrevented }));
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await app?.stop();
    if (profile) await rm(profile, { recursive: true, force: true });
    xvfb?.kill();
  });

  const press = (keys: string) => execFileSync('xdotool', ['key', '--clearmodifiers', keys], { env: { ...process.env, DISPLAY: display } });
  const keysSeen = () => page.evaluate(() => (window as unknown as { keysSeen: () => { key: string; handled: boolean }[] }).keysSeen());
  const bookmarksBarShown = async (height: number) => (await page.evaluate(() => window.innerHeight)) !== height;

  it('the empty editor advertises the keys that work here', () => {
    expect(emptyState).toContain('Ctrl+Alt+NNew post');
    expect(emptyState).not.toContain('Ctrl+NNew post');
  });

  it('Ctrl+N never reaches the page: Chromium opens a window (the control)', async () => {
    const pages = context.pages().length;
    press('ctrl+n');
    await expect.poll(() => context.pages().length, { timeout: 15_000 }).toBe(pages + 1);
    await context.pages().at(-1)!.close();
    expect((await keysSeen()).map((k) => k.key)).not.toContain('n');
    expect(await page.getByRole('dialog', { name: 'New post' }).count()).toBe(0);
  });

  for (const { keys, does, shows } of shortcuts) {
    it(`${keys} reaches the page and opens ${does}`, async () => {
      await page.bringToFront();
      await page.locator('.cm-content').focus();
      const height = await page.evaluate(() => window.innerHeight);
      press(keys);
      await expect.poll(() => shows(page), { timeout: 15_000 }).toBe(true);
      const key = keys.split('+').at(-1)!.replace('comma', ',').replace('Return', 'enter');
      expect((await keysSeen()).filter((k) => k.key === key)).toEqual([{ key, handled: true }]);
      // Nothing of the browser's own happened beside it (for Ctrl+Shift+B: no bookmarks bar).
      expect(await bookmarksBarShown(height)).toBe(false);
      expect(context.pages()).toHaveLength(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => shows(page)).toBe(false);
    });
  }
});
