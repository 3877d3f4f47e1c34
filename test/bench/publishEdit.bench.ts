// Benchmark "publish-edit": the whole publish click after a one-line edit of a
// 1,000-post blog, as a fresh `postwright publish` process (check, build,
// compare, upload) to loopback git and S3, side by side with the floor every
// command pays (a process that only starts the CLI). Target: ≤ 2 s.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { machine, table, type Benchmark } from './harness';
import { startFloor } from './cli';
import { postsToEdit, publishingWorkspace, publishWithCli, setups } from './publish.bench';
import { loadNote, sideBySide, spread, type SideBySide } from './sideBySide';

const POSTS = 1_000;
const TARGET_MS = 2_000;
const TARGETS = ['git (bare repository, file://)', 'S3 (s3rver)'];

export const publishEditBenchmark: Benchmark = {
  name: 'publish-edit',
  title: 'The publish click after a one-line edit',
  async run(ctx) {
    const count = ctx.sizes?.[0] ?? POSTS;
    const corpus = await ctx.corpus(count);
    const rows: string[][] = [];
    const runs: SideBySide<string>[] = [];
    let met = true;
    for (const setup of setups.filter((s) => TARGETS.includes(s.label))) {
      const scratch = await mkdtemp(path.join(tmpdir(), 'postwright-bench-publish-edit-'));
      const target = await setup.start(scratch);
      try {
        const { root, env } = await publishingWorkspace(corpus, scratch, target);
        ctx.log(`publish-edit ${setup.label}: the first publish`);
        await publishWithCli(root, env);
        const file = path.join(root, (await postsToEdit(root)).old);
        let edits = 0;
        const run = await sideBySide(ctx, `publish-edit ${setup.label}`, {
          publish: async () => {
            await writeFile(file, `${await readFile(file, 'utf8')}\nAn afterthought, added before publish ${++edits}.\n`);
            const started = performance.now();
            const result = await publishWithCli(root, env);
            if (result.uploads.length === 0) throw new Error('the publish after an edit uploaded nothing');
            return performance.now() - started;
          },
          floor: startFloor(env),
        });
        runs.push(run);
        met &&= run.summary.publish.median <= TARGET_MS;
        rows.push([setup.label, spread(run.summary.publish), spread(run.summary.floor), `${run.loadStart.toFixed(2)} → ${run.loadEnd.toFixed(2)}`]);
      } finally {
        await target.stop();
        await rm(scratch, { recursive: true, force: true });
      }
    }
    const valid = runs.every((r) => r.valid);
    const markdown = [
      `\`node bin/postwright.js publish --json\` of a ${count.toLocaleString('en-US')}-post blog after a line was added to its oldest post, a fresh process each time ` +
        '(start-up, check, incremental build, compare with the host, upload), beside a process that only starts the CLI.',
      '',
      table(['target', 'publish after one edit', 'CLI start-up alone', 'load'], rows, ['l', 'r', 'r', 'r']),
      '',
      `Target: ≤ ${TARGET_MS} ms at ${POSTS.toLocaleString('en-US')} posts: ${!valid ? 'not a result' : met ? '**met**' : '**missed**'}. ${runs.map(loadNote).join(' ')} ${machine()}.`,
    ].join('\n');
    return { markdown, targetMet: valid ? met : null };
  },
};
