// Launches the built desktop app (out/, `npm run build`) in the real Electron
// binary through Playwright's Electron driver, on a temp profile and a temp
// copy of the sample blog. Needs a machine where `npm install` could download
// Electron: without the binary every test fails at launch, saying why.
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { bundledSampleBlog, packageRoot } from '../../electron/appPaths';

let binary: string | Error | undefined;

/** The Electron binary the `electron` package downloaded; a loud error where there is none (asked once per run). */
export function electronBinary(): string {
  binary ??= findBinary();
  if (binary instanceof Error) throw binary;
  return binary;
}

function findBinary(): string | Error {
  try {
    // In plain Node, the package's main export is the binary's path (and throws if it was never downloaded).
    const found: unknown = createRequire(import.meta.url)('electron');
    if (typeof found === 'string') return found;
    return new Error(`require('electron') gave ${typeof found}, not a path`);
  } catch (error) {
    return new Error(
      `npm run test:desktop needs the Electron binary, and it is not installed here (${error instanceof Error ? error.message : String(error)}). ` +
        'Run it on a machine where `npm install` can download Electron (macOS, Windows, or Linux with a display or xvfb-run).',
    );
  }
}

export interface Desktop {
  app: ElectronApplication;
  page: Page;
  /** The app's profile (its userData): state, journal, history. */
  profile: string;
  /** The temp copy of the sample blog the app opened. */
  blog: string;
}

/** A fresh profile whose last folder is a fresh copy of the sample blog. */
export async function freshProfile(): Promise<{ profile: string; blog: string }> {
  const root = await mkdtemp(join(tmpdir(), 'postwright-desktop-'));
  const profile = join(root, 'profile');
  const blog = join(root, 'Sample Blog');
  await cp(bundledSampleBlog, blog, { recursive: true });
  await mkdir(profile, { recursive: true });
  // electron-store's file: the app reopens the last folder it had open.
  await writeFile(join(profile, 'state.json'), JSON.stringify({ recentWorkspaces: [blog] }));
  return { profile, blog };
}

export async function launchDesktop(place?: { profile: string; blog: string }): Promise<Desktop> {
  const { profile, blog } = place ?? (await freshProfile());
  const app = await _electron.launch({
    executablePath: electronBinary(),
    args: [packageRoot, `--user-data-dir=${profile}`],
    env: { ...process.env, ELECTRON_RENDERER_URL: '' },
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  await page.getByRole('listbox', { name: 'Posts' }).waitFor();
  return { app, page, profile, blog };
}

/** Turns autosave off (a setting the page keeps in localStorage), so text stays unsaved until the author saves. */
export async function withoutAutosave(page: Page): Promise<void> {
  await page.evaluate(() => {
    const key = 'postwright.settings';
    const settings: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    localStorage.setItem(key, JSON.stringify({ ...(typeof settings === 'object' ? settings : {}), autosave: false }));
  });
  await page.reload();
  await page.getByRole('listbox', { name: 'Posts' }).waitFor();
}

export async function openPost(page: Page, title: string): Promise<void> {
  await page.getByRole('listbox', { name: 'Posts' }).getByText(title, { exact: true }).click();
  await page.locator('.cm-content').click();
}

export async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+ArrowDown' : 'Control+End');
  await page.keyboard.type(text);
}

/** Answers the main process's next message boxes with these button labels (Playwright cannot click native dialogs). */
export async function answerDialogs(app: ElectronApplication, labels: string[]): Promise<void> {
  await app.evaluate(({ dialog }, answers) => {
    const asked: string[][] = [];
    (globalThis as { askedDialogs?: string[][] }).askedDialogs = asked;
    dialog.showMessageBoxSync = ((...args: unknown[]) => {
      const options = args.at(-1) as { buttons?: string[]; cancelId?: number };
      const buttons = options.buttons ?? [];
      asked.push(buttons);
      const label = answers.shift();
      return label === undefined ? (options.cancelId ?? 0) : buttons.indexOf(label);
    }) as typeof dialog.showMessageBoxSync;
  }, labels);
}

export function askedDialogs(app: ElectronApplication): Promise<string[][]> {
  return app.evaluate(() => (globalThis as { askedDialogs?: string[][] }).askedDialogs ?? []);
}

/** Clicks an item of the application menu by its label, as the author would. */
export async function clickMenu(app: ElectronApplication, label: string): Promise<void> {
  await app.evaluate(({ Menu, BrowserWindow }, wanted) => {
    const search = (items: Electron.MenuItem[]): Electron.MenuItem | undefined => {
      for (const item of items) {
        if (item.label === wanted) return item;
        const inner = item.submenu ? search(item.submenu.items) : undefined;
        if (inner) return inner;
      }
      return undefined;
    };
    const item = search(Menu.getApplicationMenu()?.items ?? []);
    if (!item) throw new Error(`No menu item "${wanted}"`);
    item.click(undefined, BrowserWindow.getAllWindows()[0], undefined);
  }, label);
}
