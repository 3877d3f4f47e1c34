// Responsive images on the sample blog: the bytes of the images its posts show,
// as written and as published (the srcset files and fallbacks the build makes),
// and what one reader's browser fetches at 1x; then the time of a full build
// with a cold image cache against one with a warm cache, which should match a
// build that does no image work. Each build is `postwright build` in its own process, start-up included.
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { packageRoot } from '../../electron/appPaths';
import { fmt, measure, summarise, table, type Benchmark } from './harness';

const SAMPLE = path.join(packageRoot, 'assets', 'sample-blog');
const CLI = path.join(packageRoot, 'bin', 'postwright.js');

/** `postwright build` as a user runs it (the bundled build: `npm run bench` builds it first), its cache under `cacheHome`. */
async function cliBuild(root: string, out: string, cacheHome: string): Promise<void> {
  await promisify(execFile)(process.execPath, [CLI, 'build', root, '--out', out], { env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
}

async function sizeOf(dir: string, keep: (file: string) => boolean): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || !keep(file)) continue;
    files++;
    bytes += (await stat(file)).size;
  }
  return { files, bytes };
}

/** Column width in CSS px at which the theme shows an image (40rem). */
const COLUMN = 640;

/**
 * What a 1x browser fetches for each image the built pages show at full column
 * width: the narrowest srcset candidate at least COLUMN wide (else the widest),
 * or the src when there is no srcset. Each file counted once.
 */
async function fetchedAt1x(site: string): Promise<{ files: number; bytes: number }> {
  const picked = new Set<string>();
  for (const entry of await readdir(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const html = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
    for (const [img] of html.matchAll(/<img [^>]*>/g)) {
      const src = / src="([^"]+)"/.exec(img)?.[1];
      const candidates = (/ srcset="([^"]+)"/.exec(img)?.[1] ?? '').split(', ').filter(Boolean).map((c) => c.split(' ')).map(([url, w]) => ({ url: url!, width: Number.parseInt(w!, 10) }));
      const pick = candidates.find((c) => c.width >= COLUMN)?.url ?? candidates.at(-1)?.url ?? src;
      if (pick?.startsWith('/')) picked.add(decodeURIComponent(pick.slice(1)));
    }
  }
  let bytes = 0;
  for (const file of picked) bytes += (await stat(path.join(site, file))).size;
  return { files: picked.size, bytes };
}

export const imagesBenchmark: Benchmark = {
  name: 'images',
  title: 'Responsive images (sample blog)',
  async run(ctx) {
    const work = await mkdtemp(path.join(tmpdir(), 'postwright-bench-images-'));
    try {
      const root = path.join(work, 'blog');
      await cp(SAMPLE, root, { recursive: true });
      const warmCache = path.join(work, 'warm');
      await cliBuild(root, path.join(work, 'first'), warmCache);
      const raster = (f: string) => /\.(png|jpe?g|webp)$/i.test(f) && !f.includes(`${path.sep}_site${path.sep}`);
      const written = await sizeOf(root, raster);
      const published = await sizeOf(path.join(work, 'first'), (f) => /\.(png|jpe?g|webp)$/i.test(f));
      const fetched = await fetchedAt1x(path.join(work, 'first'));

      // Full builds into a fresh folder each time, so only the image cache differs.
      let n = 0;
      const fullBuild = (cacheDir: () => Promise<string>) => async () => {
        const out = path.join(work, `out-${n++}`);
        const dir = await cacheDir();
        const start = performance.now();
        await cliBuild(root, out, dir);
        const ms = performance.now() - start;
        await rm(out, { recursive: true, force: true });
        return ms;
      };
      const samples = await measure(
        {
          cold: fullBuild(async () => mkdtemp(path.join(work, 'cold-'))),
          warm: fullBuild(async () => {
            // The warm image cache alone: the site cache beside it would skip rendering altogether.
            const dir = await mkdtemp(path.join(work, 'warm-'));
            await cp(path.join(warmCache, 'postwright', 'images'), path.join(dir, 'postwright', 'images'), { recursive: true });
            return dir;
          }),
        },
        { runs: ctx.runs, warmup: ctx.warmup, log: ctx.log },
      );
      const cold = summarise(samples.cold);
      const warm = summarise(samples.warm);
      const markdown = [
        table(
          ['images', 'files', 'bytes'],
          [
            ['as written in the workspace', String(written.files), fmt(written.bytes)],
            ['published (srcset files and fallback of each image)', String(published.files), fmt(published.bytes)],
            ['fetched by a 1x browser at full column width (640 px: one srcset candidate each)', String(fetched.files), fmt(fetched.bytes)],
          ],
          ['l', 'r', 'r'],
        ),
        '',
        table(
          ['full build of the sample blog', 'median ms', 'min', 'max'],
          [
            ['cold image cache (resizes every image)', fmt(cold.median), fmt(cold.min), fmt(cold.max)],
            ['warm image cache (reads the records only)', fmt(warm.median), fmt(warm.min), fmt(warm.max)],
          ],
          ['l', 'r', 'r', 'r'],
        ),
      ].join('\n');
      return { markdown, targetMet: null };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  },
};
