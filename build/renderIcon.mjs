#!/usr/bin/env node
// Rasterises the one icon source, assets/icon.svg, into build/icon.png (1024 px),
// from which electron-builder derives the macOS .icns, the Windows .ico and the
// Linux icon set. Run `npm run icons` after editing the SVG and commit the PNG:
// it needs Chromium (no ImageMagick here), which a machine running `npm run dist` may lack.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const source = fileURLToPath(new URL('../assets/icon.svg', import.meta.url));
const target = fileURLToPath(new URL('./icon.png', import.meta.url));
const profile = await mkdtemp(join(tmpdir(), 'postwright-icon-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1024, height: 1024 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(pathToFileURL(source).href);
  // Transparent around the tile, as every platform's icon grid expects.
  await page.screenshot({ path: target, omitBackground: true });
  console.log(`Wrote ${target}`);
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
}
