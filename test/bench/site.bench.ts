// Benchmark "site": `postwright build` of a whole corpus, and a rebuild after
// changing one post, each as a fresh process (start-up included), side by side
// in the same run with Hugo and Eleventy building the same posts with
// equivalent minimal templates (see test/bench/peers/). Peak memory is each
// process's maximum resident set, from /usr/bin/time.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../../electron/appPaths';
import { fmt, load, machine, measure, summarise, table, type Benchmark, type Trial } from './harness';
import { workingCopy } from './workingCopy';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(packageRoot, 'bin', 'postwright.js');
const TARGETS = { posts: 10_000, hugoTime: 1 / 3, hugoMemory: 1 / 2, incrementalMs: 300 };

interface Run {
  ms: number;
  /** Peak resident set, in MB. */
  mb: number;
}

/** Runs a command under /usr/bin/time; resolves with wall time and peak memory. */
function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    execFile('/usr/bin/time', ['-f', 'maxrss=%M', command, ...args], { ...options, maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      const ms = performance.now() - start;
      if (error) return reject(new Error(`${command} ${args.join(' ')} failed: ${stderr.slice(-2000)}`));
      const kb = Number(/maxrss=(\d+)/.exec(stderr)?.[1]);
      resolve({ ms, mb: kb / 1024 });
    });
  });
}

/** A trial that records memory beside the time the harness keeps. */
function trial(memory: number[], setup: () => Promise<void>, go: () => Promise<Run>): Trial {
  return async () => {
    await setup();
    const { ms, mb } = await go();
    memory.push(mb);
    return ms;
  };
}

const installed = (command: string): boolean => {
  try {
    execFileSync(command, ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Hugo's site folder for a corpus: the peer config and layouts, the posts as content (Hugo skips "_" folders). */
async function hugoSite(corpus: string, work: string): Promise<string> {
  const site = join(work, 'hugo');
  if (existsSync(join(site, '.ready'))) return site;
  await rm(site, { recursive: true, force: true });
  await cp(join(here, 'peers', 'hugo'), site, { recursive: true });
  await cp(join(corpus, 'posts'), join(site, 'content', 'posts'), { recursive: true });
  await cp(join(corpus, '_posts'), join(site, 'content', 'jekyll'), { recursive: true });
  await appendFile(join(site, '.ready'), '');
  return site;
}

/** Eleventy 3, installed once into the corpus cache (never into package.json); null when it cannot be had. */
async function eleventy(work: string, log: (line: string) => void): Promise<string | null> {
  const prefix = join(work, '..', '.eleventy');
  const cli = join(prefix, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
  if (existsSync(cli)) return cli;
  log('installing @11ty/eleventy@3 into the corpus cache…');
  try {
    await mkdir(prefix, { recursive: true });
    execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '@11ty/eleventy@3'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return existsSync(cli) ? cli : null;
}

async function eleventySite(corpus: string, work: string): Promise<string> {
  const site = join(work, 'eleventy');
  if (existsSync(join(site, '.ready'))) return site;
  await rm(site, { recursive: true, force: true });
  await mkdir(join(site, 'src', '_includes'), { recursive: true });
  for (const folder of ['posts', '_posts']) await cp(join(corpus, folder), join(site, 'src', folder), { recursive: true });
  await cp(join(here, 'peers', 'eleventy', 'eleventy.config.cjs'), join(site, 'eleventy.config.cjs'));
  await cp(join(here, 'peers', 'eleventy', 'post.njk'), join(site, 'src', '_includes', 'post.njk'));
  for (const page of ['index.njk', 'tags.njk']) await cp(join(here, 'peers', 'eleventy', page), join(site, 'src', page));
  await appendFile(join(site, '.ready'), '');
  return site;
}

/** A post to edit between incremental builds: the first in posts/. */
async function somePost(corpus: string): Promise<string> {
  const name = (await readdir(join(corpus, 'posts'))).filter((n) => n.endsWith('.md')).sort()[0]!;
  return join(corpus, 'posts', name);
}

export const siteBenchmark: Benchmark = {
  name: 'site',
  title: 'Build the static site',
  async run(ctx) {
    const sizes = ctx.sizes ?? [1_000, 10_000];
    const runs = Math.min(ctx.runs, 3);
    const hugo = installed('hugo');
    const rows: string[][] = [];
    const notes: string[] = [];
    let met: boolean | null = null;
    for (const count of sizes) {
      const source = await ctx.corpus(count);
      // The build writes _site and edits a post: work on a copy, never on the cached corpus.
      const work = await workingCopy(source, `.site-${count}`);
      const corpus = join(work, 'corpus');
      const out = join(work, 'out');
      const cache = join(work, 'cache');
      const env = { ...process.env, XDG_CACHE_HOME: cache };
      const memory: Record<string, number[]> = { full: [], incremental: [], hugo: [], eleventy: [] };
      const clean = async () => {
        await rm(out, { recursive: true, force: true });
        await rm(cache, { recursive: true, force: true });
      };
      const edited = await somePost(corpus);
      let edits = 0;
      const variants: Record<string, Trial> = {
        full: trial(memory.full!, clean, () => run(process.execPath, [bin, 'build', corpus, '--out', out], { env })),
        incremental: trial(
          memory.incremental!,
          async () => {
            // A warm cache from a build of the current text, then one edit.
            await run(process.execPath, [bin, 'build', corpus, '--out', out], { env });
            await appendFile(edited, `\nAn edit for incremental build ${++edits}.\n`);
          },
          () => run(process.execPath, [bin, 'build', corpus, '--out', out], { env }),
        ),
      };
      if (hugo) {
        const site = await hugoSite(corpus, work);
        const hugoOut = join(work, 'hugo-out');
        variants.hugo = trial(memory.hugo!, () => rm(hugoOut, { recursive: true, force: true }), () => run('hugo', ['--source', site, '--destination', hugoOut, '--quiet']));
      } else if (count === sizes[0]) notes.push('Hugo is not installed (`apt-get install -y hugo`): its column is left out.');
      const eleventyCli = await eleventy(work, ctx.log);
      if (eleventyCli) {
        const site = await eleventySite(corpus, work);
        variants.eleventy = trial(
          memory.eleventy!,
          () => rm(join(site, '_site'), { recursive: true, force: true }),
          () => run(process.execPath, [eleventyCli, '--quiet', '--input=src', '--config=eleventy.config.cjs'], { cwd: site }),
        );
      } else if (count === sizes[0]) notes.push('Eleventy could not be installed (`npm install @11ty/eleventy@3` into the corpus cache failed): its column is left out.');

      ctx.log(`${count} posts: ${Object.keys(variants).join(', ')}`);
      const samples = await measure(variants, { runs, warmup: Math.min(ctx.warmup, 1), log: ctx.log, label: `${count}: ` });
      const median = (name: string) => summarise(samples[name]!).median;
      const peak = (name: string) => Math.max(...memory[name]!);
      const vs = (name: string, peer: string) => (samples[peer] ? `${(median(name) / median(peer)).toFixed(2)}×` : '–');
      const vsMem = (name: string, peer: string) => (memory[peer]!.length ? `${(peak(name) / peak(peer)).toFixed(2)}×` : '–');
      const label: Record<string, string> = {
        full: '`postwright build` (clean: no output, no cache)',
        incremental: '`postwright build` after editing one post',
        hugo: '`hugo` (clean)',
        eleventy: '`eleventy` (clean)',
      };
      for (const name of Object.keys(variants)) {
        const s = summarise(samples[name]!);
        rows.push([fmt(count), label[name]!, fmt(s.median), fmt(s.min), fmt(s.max), fmt(peak(name)), name === 'full' ? vs('full', 'hugo') : '', name === 'full' ? vsMem('full', 'hugo') : '', name === 'full' ? vs('full', 'eleventy') : '']);
      }
      if (count === TARGETS.posts) {
        const checks = [median('incremental') <= TARGETS.incrementalMs];
        if (samples.hugo) checks.push(median('full') <= median('hugo') * TARGETS.hugoTime, peak('full') <= peak('hugo') * TARGETS.hugoMemory);
        met = checks.every(Boolean);
      }
      await clean();
    }
    const markdown = [
      `\`node bin/postwright.js build\` of the generated corpus (see \`corpus.ts\`) into a fresh folder with an empty cache, and again after appending a line to one post with the cache of the previous build; each a new process, start-up included. Hugo ${hugo ? execFileSync('hugo', ['version']).toString().split(' ')[1] : ''} and Eleventy 3 build copies of the same posts with minimal templates (\`test/bench/peers/\`): post pages, a paginated index and tag pages; Hugo also highlights code (Chroma) and writes RSS and a sitemap, as Postwright does; Eleventy does neither. Median, min and max of ${runs} runs after a warm-up, interleaved; peak memory is the largest max-RSS of those runs.`,
      '',
      table(['Posts', 'Build', 'Median ms', 'Min ms', 'Max ms', 'Peak MB', 'Time vs Hugo', 'Memory vs Hugo', 'Time vs Eleventy'], rows, ['r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']),
      '',
      ...notes.map((n) => `- ${n}`),
      `Targets at ${fmt(TARGETS.posts)} posts: full build ≤ 1/3 of Hugo's time with ≤ 1/2 of its memory; rebuild after one edit ≤ ${TARGETS.incrementalMs} ms. ${met === null ? 'Not measured at that size.' : met ? '**Met.**' : '**Not met.**'}`,
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; 1-minute load average ${load()} at the end of the run (a figure well above 0 means other work shared the cores).`,
    ].join('\n');
    return { markdown, targetMet: met };
  },
};
