// Benchmark "list": how long from opening a workspace to having its full post
// list, measured side by side with the raw I/O floor for the same files.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
// The floor reads as many files at once as the workspace's own scan does.
import { READ_CONCURRENCY } from '../../electron/workspace/scan';
import { Workspace } from '../../electron/workspace/workspace';
import { fmt, load, machine, measure, summarise, table, timed, type Benchmark, type Trial } from './harness';

/** The product target: the post list of a 10,000-post blog within a second. */
const TARGET = { posts: 10_000, ms: 1_000 };


const noTrash = {
  trash: async (p: string): Promise<void> => {
    throw new Error(`the benchmark must not trash anything, but was asked to trash ${p}`);
  },
};

/** Open a fresh Workspace and list it; only open + list is timed, close is not. */
function openAndList(root: string, expect: number, cacheDir?: string): Trial {
  return async () => {
    const { ms, value: [ws, posts] } = await timed(async () => {
      const ws = await Workspace.open(root, { ...noTrash, cacheDir });
      return [ws, await ws.list()] as const;
    });
    await ws.close();
    if (posts.length !== expect) throw new Error(`list() returned ${posts.length} posts, expected ${expect}`);
    return ms;
  };
}

const firstListScript = new URL('./firstList.ts', import.meta.url).pathname;

/** The first list in a fresh process (tsx start-up itself is not timed): what an author waits for at launch. */
function firstListInFreshProcess(root: string, expect: number, cacheDir?: string): Trial {
  return () =>
    new Promise((resolve, reject) =>
      execFile(process.execPath, ['--import', 'tsx', firstListScript, root, String(expect), ...(cacheDir ? [cacheDir] : [])], (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(Number(stdout.trim())),
      ),
    );
}

const skip = (name: string): boolean => name.startsWith('.');

/** Every .md path under `dir`, from a parallel walk (Node 20's `readdir({ recursive: true })` is several times slower). */
async function findPosts(dir: string, out: string[] = []): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  await Promise.all(
    entries.map(async (e) => {
      if (skip(e.name)) return;
      if (e.isDirectory()) await findPosts(join(dir, e.name), out);
      else if (e.name.endsWith('.md')) out.push(join(dir, e.name));
    }),
  );
  return out;
}

function findPostsSync(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (skip(e.name)) continue;
    if (e.isDirectory()) findPostsSync(join(dir, e.name), out);
    else if (e.name.endsWith('.md')) out.push(join(dir, e.name));
  }
  return out;
}

/** The floor: find every .md file and read its bytes, with no decoding or parsing. */
function rawRead(root: string, expect: number): Trial {
  return async () => {
    const { ms, value: sizes } = await timed(async () => {
      const paths = await findPosts(root);
      const sizes: number[] = [];
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < paths.length) sizes.push((await readFile(paths[next++]!)).length);
      };
      await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
      return sizes;
    });
    if (sizes.length !== expect) throw new Error(`raw read found ${sizes.length} .md files, expected ${expect}`);
    return ms;
  };
}

/** For reference: the same work with blocking calls on one thread, which skips the libuv thread pool's round trips. */
function syncRead(root: string, expect: number): Trial {
  return async () => {
    const { ms, value: sizes } = await timed(async () => findPostsSync(root).map((p) => readFileSync(p).length));
    if (sizes.length !== expect) throw new Error(`sync read found ${sizes.length} .md files, expected ${expect}`);
    return ms;
  };
}

export const listBenchmark: Benchmark = {
  name: 'list',
  title: 'Open a workspace and list every post',
  async run(ctx) {
    const sizes = ctx.sizes ?? [1_000, 10_000];
    const loadBefore = load();
    const rows: string[][] = [];
    let targetMs: number | null = null;
    for (const count of sizes) {
      const root = await ctx.corpus(count);
      // Filled by the warm-up run, as the previous launch would have.
      const cacheDir = await mkdtemp(join(tmpdir(), 'postwright-bench-cache-'));
      const samples = await measure(
        {
          list: openAndList(root, count),
          first: firstListInFreshProcess(root, count),
          cached: openAndList(root, count, cacheDir),
          firstCached: firstListInFreshProcess(root, count, cacheDir),
          raw: rawRead(root, count),
          sync: syncRead(root, count),
        },
        { runs: ctx.runs, warmup: ctx.warmup, log: ctx.log, label: `list ${count}: ` },
      );
      const raw = summarise(samples.raw);
      const n = count.toLocaleString('en-US');
      const row = (label: string, xs: number[]): string[] => {
        const s = summarise(xs);
        const ratio = `${(s.median / raw.median).toFixed(2)}×`;
        return [n, label, fmt(s.median), fmt(s.min), fmt(s.max), fmt(count / (s.median / 1000)), xs === samples.list ? `**${ratio}**` : ratio];
      };
      rows.push(
        row('`Workspace.open` + `list()`', samples.list),
        row('the same, first list in a fresh process', samples.first),
        row('reopen with the list cache', samples.cached),
        row('the same, first list in a fresh process', samples.firstCached),
        row('raw read floor (async)', samples.raw),
        row('for reference: sync read', samples.sync),
      );
      await rm(cacheDir, { recursive: true, force: true });
      if (count === TARGET.posts) targetMs = summarise(samples.list).median;
    }

    const target = `≤ ${fmt(TARGET.ms)} ms for ${TARGET.posts.toLocaleString('en-US')} posts`;
    const verdict =
      targetMs === null
        ? `Target (${target}): not measured in this run.`
        : `Target (${target}): **${targetMs <= TARGET.ms ? 'met' : 'not met'}** (median ${fmt(targetMs)} ms).`;
    const markdown = [
      `Time from \`Workspace.open(root)\` until \`ws.list()\` resolves with every post, on a generated corpus of ~1,500-word posts ` +
        `in flat \`posts/\`, year folders and Jekyll \`_posts/\` (see \`corpus.ts\`). ` +
        `Median, min and max of ${ctx.runs} runs after ${ctx.warmup} warm-up. Every run opens a fresh \`Workspace\`, so no in-process state is reused; ` +
        `the OS page cache is warm (the same files were just read), so these are not cold-disk figures.`,
      '',
      `- **first list in a fresh process:** the same, timed inside a new Node process, so compiled code is cold and the listing worker threads must start: what the author waits for at launch.`,
      `- **reopen with the list cache:** the app keeps the last list in its cache folder and re-reads only posts whose size or modification time changed; the warm-up run fills it, as the previous launch would.`,
      `- **raw read floor (async):** find every \`.md\` with a parallel \`readdir\` walk, then \`readFile\` each one's bytes, ` +
        `${READ_CONCURRENCY} at a time, with no decoding or parsing. The last column is each median's ratio to this floor.`,
      `- **sync read:** the same walk and reads with \`readdirSync\`/\`readFileSync\` on one thread, for reference.`,
      `- All three are interleaved in one process, so drift in the machine's state falls on each alike.`,
      '',
      table(['Posts', 'Measure', 'Median ms', 'Min ms', 'Max ms', 'Posts/s', 'vs raw read'], rows, ['r', 'l', 'r', 'r', 'r', 'r', 'r']),
      '',
      verdict,
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; 1-minute load average ${loadBefore} just before the run (a figure well above 0 means other work shared the ${cpus().length} cores).`,
    ].join('\n');
    return { markdown, targetMet: targetMs === null ? null : targetMs <= TARGET.ms };
  },
};
