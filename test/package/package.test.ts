// What an installer would ship. electron-builder packages the app exactly as
// `npm run dist` does, but with --dir (no installer) and with
// -c.electronDist pointing at test/fixtures/electron-stub: a TEST FIXTURE ONLY,
// a shell script standing in for the Electron binary, which cannot be
// downloaded here. It is never a product; only the files around it are checked.
// Runs against the bundles in out/ (`npm test` builds them first).
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledSampleBlog, packageRoot, unpackedPath } from '../../electron/appPaths';
import type { CheckRequest, CheckResponse } from '../../electron/site/check/checkPool';
import type { ListRequest, ListResponse } from '../../electron/workspace/parallelList';
import { findPosts } from '../../electron/workspace/scan';
import { readSettings } from '../../electron/workspace/settings';
import { Workspace } from '../../electron/workspace/workspace';
import { buildSite } from '../../electron/site/build';
import { PARALLEL_THRESHOLD as RENDER_THRESHOLD } from '../../electron/site/renderPool';
import { noTrash, post, tempDir, writeTree } from '../helpers/tmp';

const run = promisify(execFile);
const builder = path.join(packageRoot, 'node_modules', '.bin', 'electron-builder');
const stub = path.join(packageRoot, 'test', 'fixtures', 'electron-stub');
const manifest = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  build: Record<string, unknown>;
};

/**
 * app.asar plus app.asar.unpacked. Measured 39,167,855 bytes after the renderer-only libraries
 * (bundled by vite) moved to devDependencies; then about 70.2 MB once sharp (its prebuilt libvips
 * alone is 19 MB: the build resizes images) and KaTeX (4.7 MB with its fonts: math is rendered at
 * build time) joined the main process's dependencies. The budget is about 20% above that.
 */
const SIZE_BUDGET = 84_000_000;

/** Every file under a folder, as `/relative/path` (the asar listing's form). */
function filesUnder(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${prefix}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(root, relative) : [relative];
  });
}

let out: string;
let resources: string;
let archive: string;
/** Every file in app.asar (unpacked ones included, as the app sees them). */
let files: string[];

beforeAll(async () => {
  if (!existsSync(path.join(packageRoot, 'out', 'main', 'main.js'))) throw new Error('out/ is not built: run `npm run build` (npm test does it first).');
  out = await mkdtemp(path.join(tmpdir(), 'postwright-package-'));
  // As on a machine without a C++ toolchain: every compiler on PATH fails, so a native rebuild would fail the package.
  const noCompilers = await mkdtemp(path.join(tmpdir(), 'postwright-no-cc-'));
  for (const tool of ['cc', 'c++', 'gcc', 'g++', 'clang', 'clang++', 'make']) {
    await writeFile(path.join(noCompilers, tool), '#!/bin/sh\necho "no C++ toolchain here" >&2\nexit 127\n', { mode: 0o755 });
  }
  const env = { ...process.env, PATH: `${noCompilers}${path.delimiter}${process.env.PATH ?? ''}` };
  // Outside the repository, so nothing in it can stand in for a file the package lacks.
  await run(builder, ['--dir', '--linux', `-c.electronDist=${stub}`, `-c.directories.output=${out}`], { cwd: packageRoot, timeout: 300_000, env });
  await rm(noCompilers, { recursive: true, force: true });
  resources = path.join(out, 'linux-unpacked', 'resources');
  archive = path.join(resources, 'app.asar');
  files = listPackage(archive, { isPack: false }).filter((p) => !('files' in statFile(archive, p.slice(1))));
}, 300_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('the package', () => {
  it('holds the main, preload, renderer and CLI bundles, and everything else the build made', () => {
    const required = [
      '/out/main/main.js',
      '/out/main/cli.js',
      '/out/main/listWorker.mjs',
      '/out/main/checkWorker.mjs',
      '/out/main/renderWorker.mjs',
      '/out/main/domWorker.mjs',
      '/out/preload/preload.cjs',
      '/out/renderer/index.html',
      // The site theme (common/theme/, being bundled into out/ on another branch): add its bundled entry file here.
    ];
    expect(files).toEqual(expect.arrayContaining(required));
    const built = filesUnder(path.join(packageRoot, 'out')).map((f) => `/out${f}`).filter((f) => !f.endsWith('.map'));
    expect(files).toEqual(expect.arrayContaining(built));
  });

  it('ships the sample blog beside app.asar, where the app copies it from on first run', () => {
    // Not inside app.asar: Electron's fs.cp cannot copy a folder out of an archive (electron/electron#49012).
    expect(filesUnder(path.join(resources, 'sample-blog')).sort()).toEqual(filesUnder(bundledSampleBlog).sort());
    expect(files.some((f) => f.startsWith('/assets/'))).toBe(false);
  });

  it('holds no tests, no TypeScript sources and no source maps', () => {
    const unpacked = filesUnder(path.join(resources, 'app.asar.unpacked'));
    for (const list of [files, unpacked]) {
      expect(list.filter((f) => /\/(test|tests|__tests__)\//.test(f))).toEqual([]);
      expect(list.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f))).toEqual([]);
      expect(list.filter((f) => f.endsWith('.map'))).toEqual([]);
    }
    expect(files.filter((f) => /^\/(electron|common|renderer|test|bin|build)\//.test(f))).toEqual([]);
  });

  it('holds the runtime dependencies and no devDependencies', () => {
    const installed = new Set(files.filter((f) => f.startsWith('/node_modules/')).map((f) => f.split('/').slice(2, f.split('/')[2]!.startsWith('@') ? 4 : 3).join('/')));
    expect(Object.keys(manifest.devDependencies).filter((name) => installed.has(name))).toEqual([]);
    expect(Object.keys(manifest.dependencies).filter((name) => !installed.has(name))).toEqual([]);
  });

  it('stays within its size budget', () => {
    const bytes = statSync(archive).size + filesUnder(path.join(resources, 'app.asar.unpacked')).reduce((sum, f) => sum + statSync(path.join(resources, 'app.asar.unpacked', f)).size, 0);
    console.log(`package size: ${bytes} bytes (budget ${SIZE_BUDGET})`);
    expect(bytes).toBeLessThan(SIZE_BUDGET);
  });

  it("has a manifest that starts the main bundle and names the app's desktop entry", () => {
    const packaged = JSON.parse(extractFile(archive, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(`/${String(packaged.main)}`).toBe('/out/main/main.js');
    expect(files).toContain(`/${String(packaged.main)}`);
    expect(packaged.desktopName).toBe('postwright.desktop');
    expect(packaged.scripts).toBeUndefined();
  });
});

/**
 * One request to a worker as the packaged app starts it (the path it computes, see
 * electron/appPaths.ts), in a plain Node worker: it can read nothing from app.asar,
 * so every import must have been unpacked.
 */
async function askUnpackedWorker<Reply>(name: string, request: unknown): Promise<Reply> {
  const script = unpackedPath(path.join(archive, 'out', 'main', name));
  expect(script).toBe(path.join(resources, 'app.asar.unpacked', 'out', 'main', name));
  const worker = new Worker(script, { execArgv: [] });
  try {
    return await new Promise<Reply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage(request);
    });
  } finally {
    await worker.terminate();
  }
}

describe('the listing worker', () => {
  it('runs from app.asar.unpacked on its own, with nothing from inside the archive', async () => {
    const relatives = await findPosts(bundledSampleBlog, (await readSettings(bundledSampleBlog)).outputDir);
    const reply = await askUnpackedWorker<ListResponse>('listWorker.mjs', { id: 7, root: bundledSampleBlog, relatives } satisfies ListRequest);
    expect(reply.id).toBe(7);
    expect(reply.summaries.map((s) => s.path).sort()).toEqual([...relatives].sort());
    expect(reply.summaries.every((s) => s.title.length > 0)).toBe(true);
  });
});

describe('the check worker', () => {
  it('runs from app.asar.unpacked on its own, and examines every post it is given', async () => {
    const workspace = await Workspace.open(bundledSampleBlog, noTrash);
    const posts = await workspace.list().finally(() => workspace.close());
    const reply = await askUnpackedWorker<CheckResponse>('checkWorker.mjs', { id: 8, root: bundledSampleBlog, posts } satisfies CheckRequest);
    expect(reply.id).toBe(8);
    expect(reply.results.map((r) => r?.post.path)).toEqual(posts.map((p) => p.path));
    // The sample blog links between its posts: the worker lexed them.
    expect(reply.results.some((r) => r!.references.length > 0)).toBe(true);
  });
});

describe('the render worker', () => {
  it('builds a site from app.asar.unpacked, sanitizing raw HTML with jsdom loaded from there too, with no fallback', async () => {
    // With one core the build would render on this thread and prove nothing about the worker.
    expect(availableParallelism()).toBeGreaterThanOrEqual(2);
    const root = await tempDir();
    const posts: Record<string, string> = { 'postwright.json': '{}' };
    // Enough posts for worker threads; raw HTML makes each worker load jsdom for the sanitizer.
    for (let i = 0; i < RENDER_THRESHOLD + 10; i++) posts[`posts/p${i}.md`] = post({ title: `Post ${i}`, date: '2024-03-01' }, `Body ${i}.\n\n<div class="raw" onclick="alert(1)">raw ${i}</div>\n`);
    await writeTree(root, posts);
    const out = path.join(await tempDir(), 'site');
    const script = unpackedPath(path.join(archive, 'out', 'main', 'renderWorker.mjs'));
    expect(script).toBe(path.join(resources, 'app.asar.unpacked', 'out', 'main', 'renderWorker.mjs'));
    const summary = await buildSite({ root, out, workerScript: script });
    expect(summary.warnings).toEqual([]);
    expect(summary.posts).toBe(RENDER_THRESHOLD + 10);
    const page = readFileSync(path.join(out, 'posts', 'p7', 'index.html'), 'utf8');
    expect(page).toContain('<div class="raw">raw 7</div>');
  }, 120_000);
});

describe('the Electron fuses', () => {
  it('are flipped in the packaged executable', async () => {
    const wire = await getCurrentFuseWire(path.join(out, 'linux-unpacked', 'postwright'));
    const on = 49; // '1'
    const off = 48; // '0'
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
      onlyAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
    }).toEqual({ runAsNode: off, nodeOptions: off, inspect: off, onlyAsar: on, asarIntegrity: on, cookieEncryption: on });
  });
});

describe('the electron-builder config', () => {
  it('is accepted as it stands (the package above was built from it)', () => {
    expect(existsSync(archive)).toBe(true);
  });

  it('is validated: an unknown key fails the build before anything is packaged', async () => {
    const config = path.join(out, 'misspelt.json');
    const { fileAssociations, ...rest } = manifest.build;
    await writeFile(config, JSON.stringify({ ...rest, fileAssociation: fileAssociations }));
    const target = path.join(out, 'misspelt');
    const failure = await run(builder, ['--dir', '--linux', '--config', config, `-c.electronDist=${stub}`, `-c.directories.output=${target}`], { cwd: packageRoot, timeout: 120_000 }).then(
      () => null,
      (error: { stdout: string; stderr: string }) => error.stdout + error.stderr,
    );
    expect(failure).toContain("unknown property 'fileAssociation'");
    expect(existsSync(target)).toBe(false);
  });
});

describe('the icon', () => {
  it('is a 1024-px PNG, from which electron-builder derives the .icns, the .ico and the Linux set', () => {
    const png = readFileSync(path.join(packageRoot, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    expect(existsSync(path.join(packageRoot, 'assets', 'icon.svg'))).toBe(true);
  });
});
