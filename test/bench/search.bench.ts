// Benchmark "search": Find in all posts over a generated corpus. The first
// search of a session reads every post; later ones work on the texts in memory
// (trigram fingerprints skip most posts for a rare query, counting stops once
// the list is settled), re-reading only what the folder watch reported changed
// (the app), or after a stat of every post when nothing watches the folder.
import { cpus } from 'node:os';
import { Workspace } from '../../electron/workspace/workspace';
import { fmt, load, machine, measure, summarise, table, timed, type Benchmark, type Trial } from './harness';

const noTrash = {
  trash: async (p: string): Promise<void> => {
    throw new Error(`the benchmark must not trash anything, but was asked to trash ${p}`);
  },
};

/** A common word (many posts, many matches) and a phrase few posts hold. */
const QUERIES = ['the', 'retry budget'];

function firstSearch(root: string, query: string): Trial {
  return async () => {
    const ws = await Workspace.open(root, noTrash);
    await ws.list();
    const { ms } = await timed(() => ws.search(query));
    // Its fingerprints are made after it returns: let them finish here, not during the next trial's timing.
    await ws.searchIndexed();
    await ws.close();
    return ms;
  };
}

function laterSearch(ws: Workspace, query: string): Trial {
  return async () => {
    const { ms, value } = await timed(() => ws.search(query));
    if (value.searched === 0) throw new Error('the search saw no posts');
    return ms;
  };
}

export const searchBenchmark: Benchmark = {
  name: 'search',
  title: 'Find in all posts',
  async run(ctx) {
    const sizes = ctx.sizes ?? [1_000, 10_000];
    const loadBefore = load();
    const rows: string[][] = [];
    for (const count of sizes) {
      const root = await ctx.corpus(count);
      const ws = await Workspace.open(root, noTrash);
      await ws.list();
      const unwatched = await Workspace.open(root, noTrash);
      await unwatched.list();
      const stopWatching = await ws.watch(() => {});
      await ws.search('warm');
      await unwatched.search('warm');
      // The texts' trigram fingerprints are made in the background after the first search: a later search uses them.
      await ws.searchIndexed();
      await unwatched.searchIndexed();
      for (const query of QUERIES) {
        const samples = await measure(
          { first: firstSearch(root, query), later: laterSearch(ws, query), unwatched: laterSearch(unwatched, query) },
          { runs: ctx.runs, warmup: ctx.warmup, log: ctx.log, label: `search ${count} "${query}": ` },
        );
        const total = (await ws.search(query)).total;
        const n = count.toLocaleString('en-US');
        const row = (label: string, xs: number[]) => {
          const s = summarise(xs);
          return [n, `"${query}" (${total.toLocaleString('en-US')} posts match)`, label, fmt(s.median), fmt(s.min), fmt(s.max)];
        };
        rows.push(
          row('first search (reads every post)', samples.first),
          row('a later search, folder watched (the app)', samples.later),
          row('a later search, unwatched (stats every post)', samples.unwatched),
        );
      }
      await stopWatching();
      await ws.close();
      await unwatched.close();
    }
    const markdown = [
      `Time for \`Workspace.search(query)\` (what \`posts.search\` runs in the backend) on a generated corpus of ~1,500-word posts (see \`corpus.ts\`), ` +
        `median, min and max of ${ctx.runs} runs after ${ctx.warmup} warm-up. The first search of a session reads every post into memory ` +
        `(and then, in the background, fingerprints each text's trigrams); a later one works on the texts in memory, skipping posts whose fingerprint ` +
        `lacks one of the query's trigrams, and re-reads only posts the folder watch reported changed, or, with no watch, ` +
        `stats every post and re-reads those whose size or modification time changed. The OS page cache is warm.`,
      '',
      table(['Posts', 'Query', 'Measure', 'Median ms', 'Min ms', 'Max ms'], rows, ['r', 'l', 'l', 'r', 'r', 'r']),
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; 1-minute load average ${loadBefore} just before the run (a figure well above 0 means other work shared the ${cpus().length} cores).`,
    ].join('\n');
    return { markdown, targetMet: null };
  },
};
