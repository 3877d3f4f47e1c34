// Benchmark "check-edit": `postwright check` as a fresh process after one post
// of 10,000 was edited, with the caches the last check left (list and per-post
// facts), side by side with a full check of the same posts with no cache. The
// issue's target: the check after an edit within a second. The two must print
// the same report, which the run verifies at the end.
import { appendFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { machine, summarise, table, type Benchmark } from './harness';
import { workingCopy } from './workingCopy';
import { postwright } from './cli';
import { loadNote, sideBySide, spread, verdict } from './sideBySide';

const POSTS = 10_000;
const TARGET_MS = 1_000;

export const checkEditBenchmark: Benchmark = {
  name: 'check-edit',
  title: '`postwright check` after editing one post',
  async run(ctx) {
    const count = ctx.sizes?.[0] ?? POSTS;
    const work = await workingCopy(await ctx.corpus(count), `.check-${count}`);
    const corpus = join(work, 'corpus');
    const cached = { ...process.env, XDG_CACHE_HOME: join(work, 'cache') };
    const empty = { ...process.env, XDG_CACHE_HOME: join(work, 'no-cache') };
    const posts = join(corpus, 'posts');
    const edited = join(posts, (await readdir(posts)).filter((n) => n.endsWith('.md')).sort()[0]!);
    let edits = 0;
    const cpu = { cached: [] as number[], full: [] as number[] };
    const timedCheck = async (env: NodeJS.ProcessEnv, into: number[]) => {
      const { ms, cpu: seconds } = await check(env);
      into.push(seconds);
      return ms;
    };
    // Exit code 1: the corpus has real problems (repeated slugs), which the check reports.
    const check = (env: NodeJS.ProcessEnv) => postwright(['check', corpus], env, [1]);
    await check(cached); // the caches an author's last check left
    const run = await sideBySide(ctx, `check-edit ${count}`, {
      'after one edit, cached': async () => {
        await appendFile(edited, `\nA line added before check ${++edits}.\n`);
        return timedCheck(cached, cpu.cached);
      },
      'full, no cache': async () => {
        await rm(join(work, 'no-cache'), { recursive: true, force: true });
        return timedCheck(empty, cpu.full);
      },
    });
    await rm(join(work, 'no-cache'), { recursive: true, force: true });
    const [incremental, full] = [await check(cached), await check(empty)];
    if (incremental.stdout !== full.stdout) throw new Error('the check with its caches printed a different report from the full check');
    const s = run.summary;
    const cpuOf = (samples: number[]) => `${summarise(samples).median.toFixed(2)} s`;
    const met = s['after one edit, cached'].median <= TARGET_MS;
    const markdown = [
      `\`node bin/postwright.js check\` of a ${count.toLocaleString('en-US')}-post copy of the corpus, each a fresh process (start-up included): ` +
        'after appending a line to one post, with the list and facts caches of the previous check, and a full check with an empty cache folder. ' +
        'Both print the same report (verified after the runs).',
      '',
      table(['check', 'time', 'vs full', 'CPU (user + system)'], [
        ['after one edit, cached', spread(s['after one edit, cached']), `${(s['after one edit, cached'].median / s['full, no cache'].median).toFixed(2)}×`, cpuOf(cpu.cached)],
        ['full, no cache', spread(s['full, no cache']), '1×', cpuOf(cpu.full)],
      ], ['l', 'r', 'r', 'r']),
      '',
      `Target: ≤ ${TARGET_MS} ms after one edit at ${POSTS.toLocaleString('en-US')} posts: ${!run.valid ? 'not a result' : met ? '**met**' : '**missed**'}. ${loadNote(run)} ${machine()}.`,
    ].join('\n');
    return { markdown, targetMet: verdict(run, met) };
  },
};
