// The built sample blog, as readers' tools judge it: axe-core finds no
// accessibility violation on the index, a post (the long link-heavy one
// included), a tag page and the archive, in the light and the dark scheme;
// the Nu HTML checker (vnu-jar, the W3C's validator) finds no error.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../electron/appPaths';
import { build } from '../helpers/site';
import { openSite, SITE_ORIGIN } from '../helpers/siteBrowser';
import { skipE2e } from './browser';

const PAGES = ['', 'posts/the-forty-minute-pipeline/', 'posts/reading-list-summer-2024/', 'posts/why-i-bill-by-the-week/', 'tags/consulting/', 'archive/', 'tags/'];
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const vnuJar = path.join(packageRoot, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

let out: string;
beforeAll(async () => {
  // tempDir() removes its folders after each test: this one is made by hand and kept for the file.
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  out = path.join(await mkdtemp(path.join(tmpdir(), 'postwright-valid-')), 'site');
  await build(path.join(packageRoot, 'assets', 'sample-blog'), out, { cacheDir: await mkdtemp(path.join(tmpdir(), 'postwright-valid-cache-')) });
}, 120_000);
afterAll(async () => {
  const { rm } = await import('node:fs/promises');
  if (out) await rm(path.dirname(out), { recursive: true, force: true });
});

describe.skipIf(skipE2e)('the built sample blog', () => {
  it('has no axe violations on index, posts, tag and archive pages, light and dark', { timeout: 240_000 }, async () => {
    const context = await openSite(out);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const found: string[] = [];
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const url of PAGES) {
          await page.goto(`${SITE_ORIGIN}/${url}`);
          await page.addScriptTag({ path: axePath });
          const { violations, passes } = await page.evaluate(async () => {
            type Result = { id: string; nodes: { target: unknown }[] };
            const axe = (window as unknown as { axe: { run(): Promise<{ violations: Result[]; passes: Result[] }> } }).axe;
            const results = await axe.run();
            return { violations: results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`), passes: results.passes.length };
          });
          // axe ran its rules on the page (color-contrast among them), not on an empty document.
          expect(passes, url).toBeGreaterThan(10);
          found.push(...violations.map((v) => `${scheme} /${url} ${v}`));
        }
      }
      expect(found).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('passes the Nu HTML checker with no errors', { timeout: 240_000 }, async () => {
    // A control the checker must flag as an error, so a silent checker cannot pass.
    const control = path.join(path.dirname(out), 'control.html');
    await writeFile(control, '<!doctype html><html lang="en"><title>t</title><img src="x.png"></html>');
    const files = [control, ...PAGES.map((url) => path.join(out, url, 'index.html'))];
    // --exit-zero-always: the JSON report, not the exit code, says what is wrong.
    const { stderr } = await promisify(execFile)('java', ['-jar', vnuJar, '--format', 'json', '--exit-zero-always', ...files], { maxBuffer: 16 * 1024 * 1024 });
    const messages = (JSON.parse(stderr) as { messages: { type: string; subType?: string; url: string; message: string; extract?: string }[] }).messages;
    const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal').map((m) => `${path.relative(out, new URL(m.url).pathname)}: ${m.message}`);
    expect(errors).toEqual(['../control.html: An “img” element must have an “alt” attribute, except under certain conditions. For details, consult guidance on providing text alternatives for images.']);
  });
});
