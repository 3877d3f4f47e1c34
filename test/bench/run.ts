// `npm run bench`: runs the benchmarks in benchmarks.ts, prints each result as
// markdown, and updates that benchmark's section of test/bench/results.md.
//
//   tsx test/bench/run.ts [NAME…] [--only list] [--runs 7] [--warmup 1] [--sizes 1000,10000]
//                         [--corpus DIR] [--no-write]
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchmarks } from './benchmarks';
import { generateCorpus } from './corpus';
import { timed, type BenchContext } from './harness';

const here = fileURLToPath(new URL('.', import.meta.url));
const RESULTS = join(here, 'results.md');

const usage = `Usage: npm run bench -- [NAME…] [options]

  NAME…            benchmarks to run, as --only names them (e.g. npm run bench -- check-edit rebuild)

  --only NAMES     comma-separated benchmarks to run (known: ${benchmarks.map((b) => b.name).join(', ')})
  --runs N         measured runs per variant and size (default 7)
  --warmup N       unmeasured runs first (default 1)
  --sizes A,B      corpus sizes in posts, overriding each benchmark's defaults
  --corpus DIR     where generated corpora are cached (default test/bench/.corpus)
  --no-write       print only; leave results.md alone`;

function positiveInts(flag: string, value: string, min: number): number[] {
  const ns = value.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (!ns.length || ns.some((n) => !Number.isInteger(n) || n < min)) {
    throw new Error(`${flag} expects ${min === 0 ? 'non-negative' : 'positive'} integers, got "${value}"`);
  }
  return ns;
}

function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      only: { type: 'string' },
      runs: { type: 'string', default: '7' },
      warmup: { type: 'string', default: '1' },
      sizes: { type: 'string' },
      corpus: { type: 'string', default: join(here, '.corpus') },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const named = [...(values.only?.split(',') ?? []), ...positionals].map((s) => s.trim()).filter(Boolean);
  const only = named.length ? named : null;
  const unknown = only?.filter((n) => !benchmarks.some((b) => b.name === n)) ?? [];
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${benchmarks.map((b) => b.name).join(', ')}`);
  return {
    selected: benchmarks.filter((b) => !only || only.includes(b.name)),
    runs: positiveInts('--runs', values.runs, 1)[0]!,
    warmup: positiveInts('--warmup', values.warmup, 0)[0]!,
    sizes: values.sizes ? positiveInts('--sizes', values.sizes, 1) : null,
    corpusRoot: resolve(values.corpus),
    write: !values['no-write'],
  };
}

const begin = (name: string) => `<!-- bench:${name} -->`;
const end = (name: string) => `<!-- /bench:${name} -->`;

/** Replaces the sections of the benchmarks that ran, keeping the others as they were. */
async function updateResults(sections: Map<string, string>): Promise<void> {
  const old = existsSync(RESULTS) ? await readFile(RESULTS, 'utf8') : '';
  const kept = new Map<string, string>();
  for (const m of old.matchAll(/<!-- bench:([\w-]+) -->\n([\s\S]*?)\n<!-- \/bench:\1 -->/g)) kept.set(m[1]!, m[2]!);
  for (const [name, body] of sections) kept.set(name, body);
  const order = [...benchmarks.map((b) => b.name), ...[...kept.keys()].filter((n) => !benchmarks.some((b) => b.name === n))];
  const body = order
    .filter((n) => kept.has(n))
    .map((n) => `${begin(n)}\n${kept.get(n)}\n${end(n)}`)
    .join('\n\n');
  const header = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (`test/bench/run.ts`); each section is replaced when its benchmark runs. See `test/bench/README.md` for what is measured.',
  ].join('\n');
  await writeFile(RESULTS, `${header}\n\n${body}\n`);
}

async function main(): Promise<void> {
  const opts = options();
  const log = (line: string) => console.error(`  ${line}`);
  const ctx: BenchContext = {
    runs: opts.runs,
    warmup: opts.warmup,
    sizes: opts.sizes,
    log,
    corpus: async (count) => {
      const dir = join(opts.corpusRoot, String(count));
      const { ms } = await timed(() => generateCorpus(dir, count));
      if (ms > 500) log(`generated a corpus of ${count} posts in ${(ms / 1000).toFixed(1)} s (cached for next time)`);
      return dir;
    },
  };

  const sections = new Map<string, string>();
  let missed = 0;
  for (const bench of opts.selected) {
    console.error(`bench ${bench.name}: ${bench.title}`);
    const report = await bench.run(ctx);
    const section = `## ${bench.title}\n\n${report.markdown}`;
    sections.set(bench.name, section);
    console.log(`\n${section}\n`);
    if (report.targetMet === false) missed++;
  }
  if (opts.write) {
    await updateResults(sections);
    console.error(`updated ${RESULTS}`);
  }
  if (missed) console.error(`${missed} benchmark target(s) not met.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
