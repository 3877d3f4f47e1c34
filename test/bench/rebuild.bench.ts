// Benchmark "rebuild": `postwright build` as a fresh process after one post of
// 10,000 was edited, with the cache of the previous build, side by side with
// the floor every command pays (a process that only starts the CLI). The
// result must be byte-identical to a clean build, which the run verifies at the end.
import { createHash } from 'node:crypto';
import { appendFile, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { machine, summarise, table, type Benchmark } from './harness';
import { workingCopy } from './workingCopy';
import { postwright, startFloor } from './cli';
import { loadNote, sideBySide, spread, verdict } from './sideBySide';

const POSTS = 10_000;
const TARGET_MS = 300;

/** Every file under `dir` with a hash of its bytes. */
async function tree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    files.set(relative(dir, file), createHash('sha256').update(await readFile(file)).digest('hex'));
  }
  return files;
}

export const rebuildBenchmark: Benchmark = {
  name: 'rebuild',
  title: '`postwright build` after editing one post',
  async run(ctx) {
    const count = ctx.sizes?.[0] ?? POSTS;
    const source = await ctx.corpus(count);
    const work = await workingCopy(source, `.rebuild-${count}`);
    const corpus = join(work, 'corpus');
    const out = join(work, 'out');
    const env = { ...process.env, XDG_CACHE_HOME: join(work, 'cache') };
    const posts = join(corpus, 'posts');
    const edited = join(posts, (await readdir(posts)).filter((n) => n.endsWith('.md')).sort()[0]!);
    let edits = 0;
    const cpu: number[] = [];
    const build = (into: string, withEnv = env) => postwright(['build', corpus, '--out', into], withEnv);
    ctx.log(`rebuild ${count}: a first build for the cache`);
    await build(out);
    const run = await sideBySide(ctx, `rebuild ${count}`, {
      'after one edit': async () => {
        await appendFile(edited, `\nA line added before build ${++edits}.\n`);
        const { ms, cpu: seconds } = await build(out);
        cpu.push(seconds);
        return ms;
      },
      'CLI start-up alone': startFloor(env),
    });
    ctx.log(`rebuild ${count}: a clean build to compare with`);
    const clean = join(work, 'clean');
    await rm(clean, { recursive: true, force: true });
    await build(clean, { ...process.env, XDG_CACHE_HOME: join(work, 'clean-cache') });
    const [incremental, fresh] = [await tree(out), await tree(clean)];
    const differing = [...new Set([...incremental.keys(), ...fresh.keys()])].filter((f) => incremental.get(f) !== fresh.get(f));
    await rm(join(work, 'clean-cache'), { recursive: true, force: true });
    if (differing.length) throw new Error(`the rebuild differs from a clean build in ${differing.length} files, e.g. ${differing.slice(0, 5).join(', ')}`);
    const s = run.summary;
    const met = s['after one edit'].median <= TARGET_MS;
    const markdown = [
      `\`node bin/postwright.js build\` of a ${count.toLocaleString('en-US')}-post copy of the corpus after appending a line to one post, with the cache of the previous build, ` +
        `each a fresh process (start-up included), beside a process that only starts the CLI (\`--version\`). The output was byte-identical to a clean build of the same posts (${fresh.size.toLocaleString('en-US')} files, verified after the runs).`,
      '',
      table(['build', 'time', 'CPU (user + system)'], [
        ['after one edit', spread(s['after one edit']), `${summarise(cpu).median.toFixed(2)} s`],
        ['CLI start-up alone', spread(s['CLI start-up alone']), ''],
      ], ['l', 'r', 'r']),
      '',
      `Target: ≤ ${TARGET_MS} ms at ${POSTS.toLocaleString('en-US')} posts: ${!run.valid ? 'not a result' : met ? '**met**' : '**missed**'}. ${loadNote(run)} ${machine()}.`,
    ].join('\n');
    return { markdown, targetMet: verdict(run, met) };
  },
};
