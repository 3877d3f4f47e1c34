// Issue 17's rules for a figure that means something: variants interleaved
// (A, B, then B, A, …) for at least three rounds, medians with their spread,
// and the 1-minute load average at the start and the end. A run that starts
// with the load above 1.5 is printed, but marked as not a result. Before it
// starts, a run waits a while for the load to settle: the previous benchmark's
// own work (two busy cores) leaves the 1-minute average near 2 for a minute.
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { fmt, measure, summarise, type BenchContext, type Summary, type Trial } from './harness';

export const MAX_LOAD = 1.5;
export const MIN_ROUNDS = 3;
/** How long a run waits for the load to fall to MAX_LOAD before it starts anyway (and is marked). */
const SETTLE_MS = 4 * 60_000;

/** Waits until the 1-minute load is at most MAX_LOAD, or SETTLE_MS has passed; returns the load then. */
async function settledLoad(ctx: BenchContext, label: string): Promise<number> {
  const until = Date.now() + SETTLE_MS;
  if (loadavg()[0]! > MAX_LOAD) ctx.log(`${label}: waiting for the 1-minute load (${loadavg()[0]!.toFixed(2)}) to fall to ${MAX_LOAD}…`);
  while (loadavg()[0]! > MAX_LOAD && Date.now() < until) await sleep(5_000);
  return loadavg()[0]!;
}

export interface SideBySide<K extends string> {
  samples: Record<K, number[]>;
  summary: Record<K, Summary>;
  loadStart: number;
  loadEnd: number;
  /** False when the load at the start was above MAX_LOAD: the figures are shown but are not a result. */
  valid: boolean;
}

/** Measures `variants` interleaved, with at least MIN_ROUNDS measured rounds and the load around them. */
export async function sideBySide<K extends string>(ctx: BenchContext, label: string, variants: Record<K, Trial>): Promise<SideBySide<K>> {
  const loadStart = await settledLoad(ctx, label);
  if (loadStart > MAX_LOAD) ctx.log(`${label}: the 1-minute load is ${loadStart.toFixed(2)} (> ${MAX_LOAD}); this run is not a result`);
  const samples = await measure(variants, { runs: Math.max(ctx.runs, MIN_ROUNDS), warmup: ctx.warmup, log: ctx.log, label: `${label}: ` });
  const loadEnd = loadavg()[0]!;
  const summary = Object.fromEntries(Object.entries<number[]>(samples).map(([name, s]) => [name, summarise(s)])) as Record<K, Summary>;
  return { samples, summary, loadStart, loadEnd, valid: loadStart <= MAX_LOAD };
}

/** "812 ms (790–845)". */
export function spread(s: Summary): string {
  return `${fmt(s.median)} ms (${fmt(s.min)}–${fmt(s.max)})`;
}

/** The load line every section ends with. */
export function loadNote(run: SideBySide<string>): string {
  const rounds = Object.values<number[]>(run.samples)[0]!.length;
  const figures = `Medians (min–max) of ${rounds} interleaved rounds; 1-minute load ${run.loadStart.toFixed(2)} at the start, ${run.loadEnd.toFixed(2)} at the end.`;
  return run.valid ? figures : `${figures} **Not a result: the load was above ${MAX_LOAD} at the start.**`;
}

/** Met, missed, or not a result, for a target on a valid run. */
export function verdict(run: SideBySide<string>, met: boolean): boolean | null {
  return run.valid ? met : null;
}
