// Benchmark "check": `postwright check` over a generated corpus (read, lex and
// resolve every link and image of every post), beside listing the same
// workspace, which the check does first.
import { checkWorkspace } from '../../electron/site/check/check';
import { Workspace } from '../../electron/workspace/workspace';
import { fmt, load, machine, measure, summarise, table, timed, type Benchmark, type Trial } from './harness';

const noTrash = {
  trash: async (p: string): Promise<void> => {
    throw new Error(`the benchmark must not trash anything, but was asked to trash ${p}`);
  },
};

function trial(root: string, expect: number, work: (ws: Workspace) => Promise<number>): Trial {
  return async () => {
    const ws = await Workspace.open(root, noTrash);
    try {
      const { ms, value } = await timed(() => work(ws));
      if (value !== expect) throw new Error(`saw ${value} posts, expected ${expect}`);
      return ms;
    } finally {
      await ws.close();
    }
  };
}

export const checkBenchmark: Benchmark = {
  name: 'check',
  title: '`postwright check`: every link, image, slug and date',
  async run(ctx) {
    const sizes = ctx.sizes ?? [1_000, 10_000];
    const rows: string[][] = [];
    for (const count of sizes) {
      const root = await ctx.corpus(count);
      let problems = 0;
      const samples = await measure(
        {
          check: trial(root, count, async (ws) => {
            const result = await checkWorkspace(ws);
            problems = result.problems.length;
            return result.posts;
          }),
          list: trial(root, count, async (ws) => (await ws.list()).length),
        },
        { runs: ctx.runs, warmup: ctx.warmup, log: ctx.log, label: `check ${count}: ` },
      );
      const check = summarise(samples.check);
      const list = summarise(samples.list);
      rows.push([
        count.toLocaleString('en-US'),
        `${fmt(check.median)} ms (${fmt(check.min)}–${fmt(check.max)})`,
        `${fmt(list.median)} ms`,
        `${(check.median / list.median).toFixed(1)}×`,
        String(problems),
      ]);
    }
    const markdown = [
      `Median (min–max) of ${ctx.runs} runs after ${ctx.warmup} warm-up; each run opens a fresh \`Workspace\`. ` +
        `The corpus's links are external and its images sit in assets folders, so this is the cost of reading, lexing and resolving; ` +
        `no post is rendered for its anchors. The problems are real: the generator gives some posts in different folders the same slug. ` +
        `${machine()}; load ${load()}.`,
      '',
      table(['posts', 'check', 'list alone', 'check / list', 'problems found'], rows, ['r', 'r', 'r', 'r', 'r']),
    ].join('\n');
    return { markdown, targetMet: null };
  },
};
