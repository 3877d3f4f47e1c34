// Shared e2e fixtures: Debian's Chromium driven by playwright-core, pointed at a
// real bridge on a temp copy of the sample blog.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { packageRoot } from '../../electron/appPaths';
import { startTestBridge, type RunningBridge } from '../helpers/bridge';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Locally a missing browser skips the e2e suite; in CI (CI=true) it is a failure. */
export const skipE2e = !existsSync(chromiumPath) && !process.env.CI;

export interface E2e {
  app: RunningBridge;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Opens the app on a temp copy of `source` (default: the sample blog). */
export async function openApp(viewport = { width: 1280, height: 800 }, source?: string): Promise<E2e> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is not installed at ${chromiumPath}; .ci/run installs it (apt-get install chromium).`);
  const app = await startTestBridge(source);
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

/**
 * The editor's whole text. Its DOM holds only the lines near the viewport (a
 * long post, or a narrow split-view editor, has lines out of it), so this
 * reads the document as CodeMirror's EditorView.findFromDOM finds the view.
 */
export function editorDoc(page: Page): Promise<string> {
  type Tiled = { cmTile: { root: { view: { state: { doc: { toString(): string } } } } } };
  return page.locator('.cm-content').evaluate((content) => (content as unknown as Tiled).cmTile.root.view.state.doc.toString());
}
