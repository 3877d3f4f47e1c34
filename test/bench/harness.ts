// The small framework every benchmark in test/bench/ shares: what a benchmark
// is, how a run is timed, and how figures become a markdown table.
import { cpus, loadavg, platform, release } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** What the runner hands each benchmark. */
export interface BenchContext {
  /** Measured runs per variant and size. */
  runs: number;
  /** Unmeasured runs first, per variant and size. */
  warmup: number;
  /** Corpus sizes from `--sizes`, or null to use the benchmark's own defaults. */
  sizes: number[] | null;
  /** A folder holding a generated corpus of `count` posts (generated on first use). */
  corpus(count: number): Promise<string>;
  /** Progress for the person watching; not part of the results. */
  log(line: string): void;
}

/** What a benchmark hands back. */
export interface BenchReport {
  /** A markdown section body (no heading): caption, table, verdicts. */
  markdown: string;
  /** false when a stated target was missed; null when the benchmark has none. */
  targetMet: boolean | null;
}

export interface Benchmark {
  /** The `--only` name, e.g. `list`. */
  name: string;
  /** The section heading in results.md. */
  title: string;
  run(ctx: BenchContext): Promise<BenchReport>;
}

/** One measured run: does its own setup and teardown, and returns only the timed part in ms. */
export type Trial = () => Promise<number>;

/** Times `fn` with the monotonic clock. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

// A full GC before each trial keeps one run's garbage from being collected on
// the next run's clock. `tsx` does not pass --expose-gc, so ask V8 directly.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Runs several variants of a measurement interleaved (A B, then B A, ...), so
 * drift in the machine's state (page cache, CPU frequency, other processes)
 * falls on all variants alike. Returns the measured samples of each variant.
 */
export async function measure<K extends string>(
  variants: Record<K, Trial>,
  opts: { runs: number; warmup: number; log?: (line: string) => void; label?: string },
): Promise<Record<K, number[]>> {
  const names = Object.keys(variants) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    const order = i % 2 === 0 ? names : [...names].reverse();
    const last = new Map<K, number>();
    for (const name of order) {
      gc();
      const ms = await variants[name]();
      last.set(name, ms);
      if (i >= opts.warmup) samples[name].push(ms);
    }
    const what = i < opts.warmup ? `warm-up ${i + 1}/${opts.warmup}` : `run ${i - opts.warmup + 1}/${opts.runs}`;
    opts.log?.(`${opts.label ?? ''}${what}: ${names.map((n) => `${n} ${last.get(n)!.toFixed(0)} ms`).join(', ')}`);
  }
  return samples;
}

export interface Summary {
  median: number;
  min: number;
  max: number;
}

export function summarise(samples: readonly number[]): Summary {
  if (!samples.length) throw new Error('summarise: no samples');
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s.at(-1)! };
}

/** 1234.5 → "1,235"; small values keep one decimal. */
export function fmt(n: number): string {
  return n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US');
}

export function table(head: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('l' | 'r')[]): string {
  const rule = head.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [head, rule, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** One line describing where the figures were measured. */
export function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${platform()} ${release()}, Node ${process.version}`;
}

/** The 1-minute load average, to show whether other work shared the machine during a run. */
export function load(): string {
  return loadavg()[0]!.toFixed(2);
}
