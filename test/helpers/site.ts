// Helpers for site-build tests: build with a fixed clock, read an output tree,
// compare a rebuild with a clean build, and crawl it for links that lead nowhere.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { buildSite, type BuildOptions } from '../../electron/site/build';
import { tempDir, tempTree } from './tmp';

/** The clock every test build uses: posts dated after it are "future". */
export const NOW = Date.UTC(2025, 0, 1);

export function build(root: string, out: string, options: Partial<BuildOptions> = {}) {
  return buildSite({ root, out, now: NOW, ...options });
}

/** Every file under `dir`, by relative path (forward slashes), sorted. */
export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(dir, f))] as const)));
}

/** A blog of `files` in a fresh folder, built into another: its root, output, summary and output tree. */
export async function buildTree(files: Record<string, string | Uint8Array>) {
  const root = await tempTree(files);
  const out = path.join(await tempDir(), 'site');
  const summary = await build(root, out);
  return { root, out, summary, tree: await readTree(out) };
}

/** An incremental build's output is the clean build's, file for file and byte for byte. */
export async function expectSameAsClean(root: string, out: string): Promise<void> {
  const clean = path.join(await tempDir(), 'clean');
  await build(root, clean);
  const [incremental, expected] = await Promise.all([readTree(out), readTree(clean)]);
  expect([...incremental.keys()]).toEqual([...expected.keys()]);
  const different = [...expected].filter(([file, bytes]) => !incremental.get(file)!.equals(bytes)).map(([file]) => file);
  expect(different).toEqual([]);
}

/**
 * Every internal link, stylesheet and image in the site's pages, feeds and
 * sitemap whose target file does not exist: "page → URL" strings.
 */
export async function brokenLinks(dir: string, baseUrl: string): Promise<string[]> {
  const base = new URL(baseUrl);
  const broken: string[] = [];
  for (const [file, bytes] of await readTree(dir)) {
    if (!/\.(html|xml|json)$/.test(file)) continue;
    const text = bytes.toString('utf8');
    const urls = [...text.matchAll(/(?:href|src)="([^"]+)"|<(?:loc|link|id)>([^<]+)<|"(?:url|id|feed_url|home_page_url)": "([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
    for (const raw of urls) {
      const url = new URL(raw.replace(/&amp;/g, '&'), new URL(file, baseUrl));
      if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) continue;
      const relative = decodeURIComponent(url.pathname.slice(base.pathname.length));
      const target = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
      if (!existsSync(path.join(dir, target))) broken.push(`${file} → ${raw}`);
    }
  }
  return broken;
}
