// Benchmark "blogs": opening (listing) and building each fixture blog in
// test/fixtures/blogs/, beside the generator that made it building the same
// folder in the same run, where that generator is installed: Debian's `hugo`
// and `jekyll`, and Eleventy from `ELEVENTY_BIN` (e.g. an `npm install
// --prefix /tmp/11ty @11ty/eleventy`'s `node_modules/.bin/eleventy`).
// Both build as new processes, start-up included (`node bin/postwright.js build`);
// opening is timed in this process, as the app lists a folder it opens.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Workspace } from '../../electron/workspace/workspace';
import { fmt, load, machine, measure, summarise, table, timed, type Benchmark, type Trial } from './harness';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/blogs');
const CLI = path.join(import.meta.dirname, '../../bin/postwright.js');
const noTrash = { trash: async (p: string): Promise<void> => Promise.reject(new Error(`the benchmark must not trash ${p}`)) };

/** The generator's command for a folder and an output folder; null when it is not installed here. */
function generatorCommand(generator: string, source: string, out: string): string[] | null {
  const installed = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
  if (generator === 'hugo') return installed('hugo') ? ['hugo', '--quiet', '-s', source, '-d', out] : null;
  if (generator === 'jekyll') return installed('jekyll') ? ['jekyll', 'build', '--quiet', '-s', source, '-d', out] : null;
  const eleventy = process.env.ELEVENTY_BIN;
  // Run in the blog's folder without --input, so the config's own `dir.input` applies (11ty.dev's is src/).
  return eleventy && existsSync(eleventy) ? [eleventy, '--quiet', `--output=${out}`] : null;
}

export const blogsBenchmark: Benchmark = {
  name: 'blogs',
  title: 'Bring your blog: open and build each fixture blog, beside its generator',
  async run(ctx) {
    const rows: string[][] = [];
    // The hand-written fixtures and the real blogs copied from the generators' own sites (real-*).
    for (const fixture of ['hugo', 'jekyll', 'eleventy', 'real-hugo', 'real-jekyll', 'real-eleventy']) {
      const generator = fixture.replace(/^real-/, '');
      const work = await mkdtemp(path.join(tmpdir(), `pw-bench-${fixture}-`));
      const source = path.join(work, 'blog');
      await cp(path.join(FIXTURES, fixture), source, { recursive: true });
      const variants: Record<string, Trial> = {
        open: async () => {
          const ws = await Workspace.open(source, noTrash);
          try {
            return (await timed(() => ws.list())).ms;
          } finally {
            await ws.close();
          }
        },
        build: async () => {
          const out = path.join(work, 'pw-out');
          await rm(out, { recursive: true, force: true });
          const { ms, value } = await timed(async () => spawnSync(process.execPath, [CLI, 'build', source, '--out', out], { encoding: 'utf8' }));
          if (value.status !== 0) throw new Error(`postwright build failed: ${value.stderr}`);
          return ms;
        },
      };
      const command = generatorCommand(generator, source, path.join(work, 'gen-out'));
      if (command) {
        variants.generator = async () => {
          const { ms, value } = await timed(async () => spawnSync(command[0]!, command.slice(1), { cwd: source, encoding: 'utf8' }));
          if (value.status !== 0) throw new Error(`${command.join(' ')} failed: ${value.stderr}`);
          return ms;
        };
      }
      const samples = await measure(variants, { runs: ctx.runs, warmup: ctx.warmup, log: ctx.log, label: `${fixture}: ` });
      const median = (name: string) => (samples[name] ? summarise(samples[name]!).median : null);
      const build = median('build')!;
      const peer = median('generator');
      rows.push([
        fixture,
        `${fmt(median('open')!)} ms`,
        `${fmt(build)} ms`,
        peer === null ? 'not installed' : `${fmt(peer)} ms`,
        peer === null ? '–' : `${(build / peer).toFixed(2)}×`,
      ]);
      await rm(work, { recursive: true, force: true });
    }
    const markdown = [
      `Median of ${ctx.runs} runs after ${ctx.warmup} warm-up. Open + list runs in this process; both builds are clean builds in a new process, ` +
        `start-up included, so for these small blogs they are mostly start-up. ${machine()}; load ${load()}.`,
      '',
      table(['fixture', 'Postwright open + list', 'Postwright build', 'generator build', 'Postwright ÷ generator'], rows, ['l', 'r', 'r', 'r', 'r']),
    ].join('\n');
    return { markdown, targetMet: null };
  },
};
