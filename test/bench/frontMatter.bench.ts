// Benchmark "front-matter": what the front-matter panel's state costs per
// keystroke in a 50,000-word post. The field re-reads the front matter only
// when a change reaches it, so typing in the body should cost what it costs
// without the field, and typing in the front matter a small, fixed amount.
import { history } from '@codemirror/commands';
import { EditorState, type Extension, type TransactionSpec } from '@codemirror/state';
import { findFrontMatter, parsePost } from '../../common/post';
import { countWords } from '../../common/words';
import { FieldEditor } from '../../renderer/frontMatter/fieldEditor';
import { panelFields } from '../../renderer/frontMatter/fields';
import { frontMatterField } from '../../renderer/frontMatter/frontMatterField';
import { generatePost } from './corpus';
import { fmt, load, machine, measure, summarise, table, type Benchmark, type Trial } from './harness';

const WORDS = 50_000;
const KEYSTROKES = 1_000;
/** A keystroke's front-matter work must fit well inside one 60 Hz frame (16.7 ms). */
const TARGET_US = 1_000;

/** One long post: the front matter of a generated post, then generated bodies until WORDS words. */
function longPost(): string {
  const taken = new Set<string>();
  const first = generatePost(0, taken).text;
  let text = first;
  for (let i = 1; countWords(text) < WORDS; i++) text += `\n${parsePost(generatePost(i, taken).text).body}`;
  return text;
}

/**
 * KEYSTROKES one-character transactions at `pos`, typing a character and
 * deleting it in turn so every keystroke meets the same text; only the typing is timed.
 */
function typing(doc: string, extensions: Extension, pos: number, char = 'x'): Trial {
  return async () => {
    let state = EditorState.create({ doc, extensions, selection: { anchor: pos } });
    const start = performance.now();
    for (let i = 0; i < KEYSTROKES; i++) {
      const changes = i % 2 === 0 ? { from: pos, insert: char } : { from: pos, to: pos + 1 };
      state = state.update({ changes }).state;
      state.field(frontMatterField, false);
    }
    return performance.now() - start;
  };
}

/** The same in the panel's title field: a character typed, then deleted. */
function panelTyping(doc: string): Trial {
  return async () => {
    const editor = {
      state: EditorState.create({ doc, extensions: [history(), frontMatterField] }),
      dispatch(spec: TransactionSpec) {
        editor.state = editor.state.update(spec).state;
      },
    };
    const fields = new FieldEditor(editor);
    const title = panelFields(editor.state.field(frontMatterField)).title;
    const start = performance.now();
    for (let i = 0; i < KEYSTROKES; i++) fields.edit({ field: 'title', value: i % 2 === 0 ? `${title}x` : title });
    return performance.now() - start;
  };
}

export const frontMatterBenchmark: Benchmark = {
  name: 'front-matter',
  title: 'Front-matter panel state, per keystroke, in a 50,000-word post',
  async run(ctx) {
    const loadBefore = load();
    const post = longPost();
    const headEnd = parsePost(post).bodyStart;
    // Inside the title's closing quote (the generator quotes titles), so every keystroke leaves valid YAML.
    const titleEnd = post.indexOf('\n', post.indexOf('title:')) - 1;
    const typedTitle = EditorState.create({ doc: post, extensions: frontMatterField }).update({ changes: { from: titleEnd, insert: 'x' } });
    if (typedTitle.state.field(frontMatterField).error) throw new Error('typing into the title broke the YAML; the benchmark would time the error path');
    // The closing fence gone: its line left empty, so every offset stays as it was.
    const unclosed = post.replace(/\n---\n/, '\n   \n');
    const open = findFrontMatter(unclosed);
    if (!(open.kind === 'unsupported' && open.unclosed)) throw new Error('the unclosed variant found a closing fence in the body');
    const middle = post.length >> 1;
    // A "--" line halfway down the unclosed post: typing a third dash makes it a closing fence.
    const lineStart = unclosed.indexOf('\n', middle) + 1;
    const withDashes = `${unclosed.slice(0, lineStart)}--\n${unclosed.slice(lineStart)}`;
    const dashesEnd = lineStart + 2;
    const samples = await measure(
      {
        bare: typing(post, history(), middle),
        body: typing(post, [history(), frontMatterField], middle),
        bodyStart: typing(post, [history(), frontMatterField], headEnd),
        yaml: typing(post, [history(), frontMatterField], titleEnd),
        panel: panelTyping(post),
        unclosed: typing(unclosed, [history(), frontMatterField], middle),
        unclosedFence: typing(withDashes, [history(), frontMatterField], dashesEnd, '-'),
      },
      { runs: ctx.runs, warmup: ctx.warmup, log: ctx.log, label: 'front-matter: ' },
    );
    const bare = summarise(samples.bare).median;
    const perKey = (ms: number) => fmt((ms * 1000) / KEYSTROKES);
    const row = (label: string, xs: number[]): string[] => {
      const s = summarise(xs);
      return [label, perKey(s.median), perKey(s.min), perKey(s.max), `${(s.median / bare).toFixed(2)}×`];
    };
    const worstFrontMatter = Math.max(summarise(samples.yaml).median, summarise(samples.panel).median);
    const worstUs = (worstFrontMatter * 1000) / KEYSTROKES;
    const met = worstUs <= TARGET_US;
    const markdown = [
      `${KEYSTROKES.toLocaleString('en-US')} one-character transactions (a character typed, then deleted, in turn) on a ${countWords(post).toLocaleString('en-US')}-word post ` +
        `(${post.length.toLocaleString('en-US')} characters: the generated corpus's posts run together), each followed by reading the front-matter field, ` +
        `in bare \`EditorState\`s with \`history()\` (no view, no markdown parsing: only the state's own cost). Figures are µs per keystroke: ` +
        `median, min and max of ${ctx.runs} runs after ${ctx.warmup} warm-up, variants interleaved. The last column is the ratio to typing without the field.`,
      '',
      table(
        ['Typing', 'Median µs', 'Min µs', 'Max µs', 'vs no field'],
        [
          row('in the body, without the front-matter field', samples.bare),
          row('in the body, with it', samples.body),
          row('at the start of the body, just below the closing fence', samples.bodyStart),
          row('into the YAML title (each keystroke re-reads the front matter)', samples.yaml),
          row("into the panel's title field (FieldEditor: change + history)", samples.panel),
          row('in the body of a post whose front matter has no closing fence', samples.unclosed),
          row('…making and unmaking a `---` line halfway down it (each closes the block there: half the post is read as YAML)', samples.unclosedFence),
        ],
        ['l', 'r', 'r', 'r', 'r'],
      ),
      '',
      `Target (front-matter work ≤ ${fmt(TARGET_US)} µs per keystroke): **${met ? 'met' : 'not met'}** (worst median ${fmt(worstUs)} µs).`,
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; 1-minute load average ${loadBefore} just before the run.`,
    ].join('\n');
    return { markdown, targetMet: met };
  },
};
