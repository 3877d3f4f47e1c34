// Benchmark "hostile": how long each pathological input of the hostile suite
// (test/fixtures/hostile/redos-*.md) takes through the markdown pipeline with
// its sanitizer, as the site build and the check run it. The suite only bounds
// these (a child process with a generous timeout); this says how far inside
// the bound they are, and shows which shapes cost more than linear time.
import { parsePost } from '../../common/post';
import { hostileInputs } from '../helpers/hostile';
import { nodeMarkdown } from '../helpers/markdown';
import { fmt, load, machine, measure, summarise, table, type Benchmark, type Trial } from './harness';

export const hostileBenchmark: Benchmark = {
  name: 'hostile',
  title: 'Pathological inputs of the hostile suite through the markdown pipeline',
  async run(ctx) {
    const loadBefore = load();
    const md = nodeMarkdown();
    const inputs = hostileInputs.filter((input) => input.pathological);
    const trial =
      (body: string): Trial =>
      async () => {
        const start = performance.now();
        md.render(body);
        return performance.now() - start;
      };
    const variants = Object.fromEntries(inputs.map((input) => [input.name, trial(parsePost(input.markdown).body)]));
    const samples = await measure(variants, { runs: ctx.runs, warmup: ctx.warmup, log: ctx.log, label: 'hostile: ' });
    const rows = inputs.map((input) => {
      const s = summarise(samples[input.name]!);
      return [`\`${input.name}\` (${input.markdown.length.toLocaleString('en-US')} characters)`, fmt(s.median), fmt(s.min), fmt(s.max)];
    });
    const markdown = [
      `Each input rendered by \`createMarkdown\` with DOMPurify over jsdom (as Node runs it), in one process; ms, median, min and max of ${ctx.runs} runs after ${ctx.warmup} warm-up, inputs interleaved. ` +
        'The suite bounds each at 120 s in a child process (test/common/markdown/pathological.test.ts).',
      '',
      table(['Input', 'Median ms', 'Min ms', 'Max ms'], rows, ['l', 'r', 'r', 'r']),
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; 1-minute load average ${loadBefore} just before the run.`,
    ].join('\n');
    return { markdown, targetMet: null };
  },
};
