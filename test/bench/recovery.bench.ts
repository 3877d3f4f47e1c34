// Benchmark "recovery": what the crash-recovery journal costs. A write happens
// at most every 2 s while a post is unsaved, through the backend (find the
// post's path, write a temp file, fsync, rename, fsync the folder); a start
// reads every entry and compares it with its post on disk.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePost } from '../../common/post';
import { countWords } from '../../common/words';
import { createBackend } from '../../electron/backend';
import { nodePlatform } from '../../electron/platform';
import { generatePost } from './corpus';
import { fmt, load, machine, measure, summarise, table, type Benchmark, type Trial } from './harness';

const WORDS = 50_000;
/** A journal write must be a small fraction of the 2 s between writes. */
const TARGET_MS = 100;
/** Unsaved posts found on a start: far more than anyone has open at once. */
const ENTRIES = 20;

function postOf(words: number): string {
  const taken = new Set<string>();
  let text = generatePost(0, taken).text;
  for (let i = 1; countWords(text) < words; i++) text += `\n${parsePost(generatePost(i, taken).text).body}`;
  return text;
}

/** A workspace of `count` posts of `text`, a backend over it with its journal in a temp data folder. */
async function setUp(text: string, count: number) {
  const root = await mkdtemp(join(tmpdir(), 'postwright-bench-recovery-'));
  const dataDir = await mkdtemp(join(tmpdir(), 'postwright-bench-data-'));
  for (let i = 0; i < count; i++) await writeFile(join(root, `post-${i}.md`), text);
  const backend = await createBackend({ root, platform: nodePlatform(), watch: false, dataDir });
  const docs = await Promise.all((await backend.handlers.posts.list()).map((p) => backend.handlers.posts.read(p.id)));
  return {
    backend,
    docs,
    async tearDown() {
      await backend.close();
      await rm(root, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** One journal write of the post with one more character each time (as typing makes it). */
function writes(text: string, times: number): Trial {
  return async () => {
    const { backend, docs, tearDown } = await setUp(text, 1);
    const doc = docs[0]!;
    const start = performance.now();
    for (let i = 0; i < times; i++) await backend.handlers.recovery.write(doc.post.id, `${doc.text}${'x'.repeat(i + 1)}`, doc.version);
    const ms = (performance.now() - start) / times;
    await tearDown();
    return ms;
  };
}

/** recovery.list() on a start that finds ENTRIES unsaved posts. */
function listing(text: string): Trial {
  return async () => {
    const { backend, docs, tearDown } = await setUp(text, ENTRIES);
    for (const doc of docs) await backend.handlers.recovery.write(doc.post.id, `${doc.text}\nunsaved`, doc.version);
    const start = performance.now();
    const found = await backend.handlers.recovery.list();
    const ms = performance.now() - start;
    if (found.length !== ENTRIES) throw new Error(`expected ${ENTRIES} recovered texts, found ${found.length}`);
    await tearDown();
    return ms;
  };
}

export const recoveryBenchmark: Benchmark = {
  name: 'recovery',
  title: 'Crash-recovery journal: one write, and the check on start',
  async run(ctx) {
    const loadBefore = load();
    const long = postOf(WORDS);
    const short = postOf(1_000);
    const samples = await measure(
      { short: writes(short, 20), long: writes(long, 20), list: listing(long) },
      { runs: ctx.runs, warmup: ctx.warmup, log: ctx.log, label: 'recovery: ' },
    );
    const row = (label: string, xs: number[]): string[] => {
      const s = summarise(xs);
      return [label, fmt(s.median), fmt(s.min), fmt(s.max)];
    };
    const worst = summarise(samples.long).median;
    const met = worst <= TARGET_MS;
    const markdown = [
      `Through the backend's handlers on a temp workspace, the journal in a temp data folder on the same disk. A write is \`recovery.write\` ` +
        `(path lookup, JSON, temp file, fsync, rename, folder fsync), averaged over 20 in a row; the start check is \`recovery.list()\` ` +
        `finding ${ENTRIES} unsaved ${countWords(long).toLocaleString('en-US')}-word posts and reading each post to compare. ` +
        `Median, min and max of ${ctx.runs} runs after ${ctx.warmup} warm-up, in ms.`,
      '',
      table(
        ['Operation', 'Median ms', 'Min ms', 'Max ms'],
        [
          row(`one write, ${countWords(short).toLocaleString('en-US')}-word post (${short.length.toLocaleString('en-US')} chars)`, samples.short),
          row(`one write, ${countWords(long).toLocaleString('en-US')}-word post (${long.length.toLocaleString('en-US')} chars)`, samples.long),
          row(`start check, ${ENTRIES} entries`, samples.list),
        ],
        ['l', 'r', 'r', 'r'],
      ),
      '',
      `Target (a write of a ${WORDS.toLocaleString('en-US')}-word post ≤ ${TARGET_MS} ms, against one write per 2 s at most): **${met ? 'met' : 'not met'}** (median ${fmt(worst)} ms).`,
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; 1-minute load average ${loadBefore} just before the run.`,
    ].join('\n');
    return { markdown, targetMet: met };
  },
};
