// Shared e2e fixtures: Debian's Chromium driven by playwright-core, pointed at a
// real bridge on a temp copy of the sample blog.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { PostSummary } from '../../common/api';
import { packageRoot } from '../../electron/appPaths';
import { startTestBridge, type RunningBridge, type TestBridgeOptions } from '../helpers/bridge';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Locally a missing browser skips the e2e suite; in CI (CI=true) it is a failure. */
export const skipE2e = !existsSync(chromiumPath) && !process.env.CI;

export interface E2e {
  app: RunningBridge;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
  /** Ends the app abruptly: the bridge goes first (so nothing the closing page sends arrives), then the browser. Folders are kept. */
  crash(): Promise<void>;
}

/** Opens the app on a temp copy of `source` (default: the sample blog); `bridge` can keep folders or replace backend services. */
export async function openApp(viewport = { width: 1280, height: 800 }, source?: string, bridge?: TestBridgeOptions): Promise<E2e> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is not installed at ${chromiumPath}; .ci/run installs it (apt-get install chromium).`);
  const app = await startTestBridge(source, bridge);
  const profile = await mkdtemp(join(tmpdir(), 'postwright-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.bridge.url);
  return {
    app,
    context,
    page,
    async close() {
      await context.close();
      await app.stop();
      await rm(profile, { recursive: true, force: true });
      if (errors.length) throw new Error(`The page threw: ${errors.join('\n')}`);
    },
    async crash() {
      await app.crash();
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * One app for the enclosing describe's tests: opened (by `open`, default the
 * sample blog) before the first and closed after the last. The result reads
 * through to that app, so a test takes `const { page, app } = e2e` as it would
 * from openApp's own result.
 */
export function appForSuite(open: () => Promise<E2e> = () => openApp()): E2e {
  let opened: E2e | undefined;
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(() => opened?.close());
  const current = (): E2e => {
    if (!opened) throw new Error('The app is not open: appForSuite opens it in beforeAll, so read it inside a test or a later hook.');
    return opened;
  };
  return {
    get app() {
      return current().app;
    },
    get context() {
      return current().context;
    },
    get page() {
      return current().page;
    },
    close: () => current().close(),
    crash: () => current().crash(),
  };
}

/** Screenshots go to .screenshots/ (git-ignored) for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(packageRoot, '.screenshots');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

type View = {
  state: { doc: { toString(): string; length: number }; selection: { main: { anchor: number; head: number } } };
  dispatch(spec: { selection: { anchor: number }; scrollIntoView: boolean }): void;
  focus(): void;
  contentDOM: HTMLElement;
  posAtDOM(node: Node, offset: number): number;
};

/**
 * The page's CodeMirror view, found from the DOM the way EditorView.findFromDOM
 * does, since the page exposes no test hook.
 */
async function withEditorView<T>(page: Page, act: (view: View, arg: string) => T, arg = ''): Promise<T> {
  const view = await page.evaluateHandle(() => {
    const content = document.querySelector('.cm-content') as (Element & { cmTile?: { root?: { view?: unknown } } }) | null;
    const found = content?.cmTile?.root?.view;
    if (!found) throw new Error('No CodeMirror view on .cm-content: has @codemirror/view changed where findFromDOM looks?');
    return found as View;
  });
  try {
    return await view.evaluate(act, arg);
  } finally {
    await view.dispose();
  }
}

/** The editor's exact text and main selection, read from CodeMirror's own state (the DOM's text doubles line breaks). */
export function editorState(page: Page): Promise<{ doc: string; anchor: number; head: number }> {
  return withEditorView(page, (view) => {
    const { anchor, head } = view.state.selection.main;
    return { doc: view.state.doc.toString(), anchor, head };
  });
}

/**
 * Presses `key` and reads, in the page's next task, where a key typed then would go: the page's
 * caret as an editor position (null when it is not in the editor), beside the editor's own caret.
 * A quick typist's next key can come that soon; Playwright's usually comes a few milliseconds later.
 */
export async function caretsAfterPress(page: Page, key: string): Promise<{ focused: boolean; page: number | null; editor: number }> {
  await withEditorView(page, (view, key) => {
    const w = window as unknown as { caretsAfterPress?: Promise<unknown> };
    w.caretsAfterPress = new Promise((resolve) => {
      const read = () => {
        const selection = getSelection();
        const inEditor = selection?.focusNode && view.contentDOM.contains(selection.focusNode);
        resolve({ focused: document.activeElement === view.contentDOM, page: inEditor ? view.posAtDOM(selection.focusNode!, selection.focusOffset) : null, editor: view.state.selection.main.head });
      };
      const onKey = (event: KeyboardEvent) => {
        if (event.key !== key) return;
        document.removeEventListener('keydown', onKey, true);
        setTimeout(read, 0);
      };
      document.addEventListener('keydown', onKey, true);
    });
  }, key);
  await page.keyboard.press(key);
  return page.evaluate(() => (window as unknown as { caretsAfterPress: Promise<{ focused: boolean; page: number | null; editor: number }> }).caretsAfterPress);
}

/** The editor's text as CodeMirror holds it. */
export async function editorDoc(page: Page): Promise<string> {
  return (await editorState(page)).doc;
}

/** Opens the first listed post in the editor; its file's path and text on disk. */
export async function openFirstPost({ page, app }: E2e): Promise<{ post: PostSummary; file: string; original: string }> {
  const [post] = await app.backend.handlers.posts.list();
  const file = join(app.root, post!.path);
  const original = await readFile(file, 'utf8');
  await page.getByRole('listbox', { name: 'Posts' }).getByText(post!.title, { exact: true }).click();
  await expect.poll(() => editorDoc(page)).toBe(original);
  return { post: post!, file, original };
}

/**
 * Puts the editor's cursor at the end of the first line holding `text` and gives
 * the editor the keyboard. Set through CodeMirror's state: clicking and pressing
 * End would stop at the end of a wrapped line's first visual row.
 */
export async function cursorAtEndOfLine(page: Page, text: string): Promise<void> {
  await withEditorView(
    page,
    (view, wanted) => {
      const lines = view.state.doc.toString().split('\n');
      const index = lines.findIndex((line) => line.includes(wanted));
      if (index < 0) throw new Error(`No line in the editor holds ${JSON.stringify(wanted)}.`);
      const end = lines.slice(0, index + 1).reduce((sum, line) => sum + line.length + 1, -1);
      view.dispatch({ selection: { anchor: end }, scrollIntoView: true });
      view.focus();
    },
    text,
  );
}
