// A built site opened in Debian's Chromium without a server: every request to
// the site's origin is answered from the output folder (Playwright's routing),
// so pages load their CSS, images and icons exactly as a static host serves them.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lookup } from 'mime-types';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumPath } from '../e2e/browser';

/** The origin the site is served at (the sample blog's baseUrl). */
export const SITE_ORIGIN = 'https://example.com';

export async function openSite(out: string, viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is not installed at ${chromiumPath}; .ci/run installs it (apt-get install chromium).`);
  const context = await chromium.launchPersistentContext(await mkdtemp(path.join(tmpdir(), 'postwright-chromium-')), {
    executablePath: chromiumPath,
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== SITE_ORIGIN) return route.abort();
    const relative = decodeURIComponent(url.pathname).replace(/^\//, '');
    const file = path.join(out, relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative);
    if (!file.startsWith(out) || !existsSync(file)) return route.fulfill({ status: 404, path: path.join(out, '404.html'), contentType: 'text/html' });
    return route.fulfill({ status: 200, body: await readFile(file), contentType: lookup(file) || 'application/octet-stream' });
  });
  return context;
}
