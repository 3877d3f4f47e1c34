// Lighthouse on the built sample blog: performance, accessibility, best
// practices and SEO of the index, a post with an image, the long link-heavy
// post, a tag page and the archive, as a phone (Lighthouse's default mobile
// emulation, simulated slow 4G) and as a desktop (its desktop preset).
//
// Lighthouse is installed on first use into the corpus cache (never into
// package.json), and runs Debian's Chromium headless against the site served
// from 127.0.0.1 by a small static server here, built with that address as
// its base URL so canonical links and feeds point where the pages are. It
// is slow: about a minute a page on a shared 2-core machine.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { packageRoot } from '../../electron/appPaths';
import { load, machine, table, type Benchmark } from './harness';

const here = fileURLToPath(new URL('.', import.meta.url));
const SAMPLE = path.join(packageRoot, 'assets', 'sample-blog');
const CLI = path.join(packageRoot, 'bin', 'postwright.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The pages issue 15 names (index, post, tag, archive), with the long link-heavy post beside the one with an image. */
const PAGES = ['', 'posts/the-forty-minute-pipeline/', 'posts/reading-list-summer-2024/', 'tags/consulting/', 'archive/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TARGET = 98;

/** Lighthouse 12 (13 needs Node 22), installed once into the corpus cache; null when it cannot be had. */
function lighthouse(log: (line: string) => void): string | null {
  const prefix = path.join(here, '.corpus', '.lighthouse');
  const cli = path.join(prefix, 'node_modules', 'lighthouse', 'cli', 'index.js');
  if (existsSync(cli)) return cli;
  log('installing lighthouse@12 into the corpus cache…');
  try {
    execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', 'lighthouse@12'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return existsSync(cli) ? cli : null;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.xml': 'application/xml', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

/** Serves `dir` as a static host does: index.html for a folder, 404.html with a 404 for anything missing. */
function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      const file = path.join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
      const found = file.startsWith(dir + path.sep) && (await stat(file).catch(() => null))?.isFile();
      const served = found ? file : path.join(dir, '404.html');
      res.writeHead(found ? 200 : 404, { 'Content-Type': TYPES[path.extname(served)] ?? 'application/octet-stream' });
      res.end(await readFile(served));
    })();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface Report {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { title: string; score: number | null; scoreDisplayMode: string }>;
}

export const lighthouseBenchmark: Benchmark = {
  name: 'lighthouse',
  title: 'Lighthouse (sample blog)',
  async run(ctx) {
    const cli = lighthouse(ctx.log);
    if (!cli || !existsSync(CHROMIUM)) return { markdown: `Not run: ${cli ? `no Chromium at ${CHROMIUM}` : 'lighthouse@12 could not be installed'}.`, targetMet: null };
    const work = await mkdtemp(path.join(tmpdir(), 'postwright-bench-lighthouse-'));
    const site = path.join(work, 'site');
    await mkdir(site);
    const server = await serve(site);
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const blog = path.join(work, 'blog');
      await cp(SAMPLE, blog, { recursive: true });
      const settings = JSON.parse(await readFile(path.join(blog, 'postwright.json'), 'utf8')) as Record<string, unknown>;
      await writeFile(path.join(blog, 'postwright.json'), JSON.stringify({ ...settings, baseUrl: origin }));
      await promisify(execFile)(process.execPath, [CLI, 'build', blog, '--out', site], { env: { ...process.env, XDG_CACHE_HOME: path.join(work, 'cache') } });

      const rows: string[][] = [];
      const flagged = new Map<string, Set<string>>();
      const loads: string[] = [];
      let met = true;
      for (const formFactor of ['mobile', 'desktop'] as const) {
        for (const page of PAGES) {
          const output = path.join(work, 'report.json');
          loads.push(load());
          ctx.log(`lighthouse ${formFactor} /${page}`);
          await promisify(execFile)(
            process.execPath,
            [
              cli, origin + page, '--quiet', '--output=json', `--output-path=${output}`, `--only-categories=${CATEGORIES.join(',')}`,
              '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
              ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
            ],
            { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024 },
          );
          const report = JSON.parse(await readFile(output, 'utf8')) as Report;
          const scores = CATEGORIES.map((c) => Math.round((report.categories[c]?.score ?? 0) * 100));
          if (scores.some((s) => s < TARGET)) met = false;
          rows.push([`/${page}`, formFactor, ...scores.map(String)]);
          // What cost points: weighted audits that did not pass.
          for (const category of CATEGORIES) {
            for (const ref of report.categories[category]?.auditRefs ?? []) {
              const audit = report.audits[ref.id];
              if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
              const where = flagged.get(`${category}: ${audit.title}`) ?? new Set<string>();
              where.add(`${formFactor} /${page}`);
              flagged.set(`${category}: ${audit.title}`, where);
            }
          }
        }
      }
      const markdown = [
        table(['page', 'form factor', 'Performance', 'Accessibility', 'Best Practices', 'SEO'], rows, ['l', 'l', 'r', 'r', 'r', 'r']),
        '',
        flagged.size
          ? ['Audits that cost points:', '', ...[...flagged].map(([audit, where]) => `- ${audit} (${[...where].join(', ')})`)].join('\n')
          : 'No weighted audit failed.',
        '',
        `Target: ≥ ${TARGET} in every category on every page: ${met ? '**met**' : '**missed**'}. Lighthouse 12, Chromium ${chromiumVersion()}, simulated throttling. ${machine()}; 1-minute load ${Math.min(...loads.map(Number)).toFixed(2)}–${Math.max(...loads.map(Number)).toFixed(2)} while it ran.`,
      ].join('\n');
      return { markdown, targetMet: met };
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await rm(work, { recursive: true, force: true });
    }
  },
};

function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).replace(/^Chromium\s*/, '').trim().split(' ')[0]!;
  } catch {
    return 'unknown';
  }
}
