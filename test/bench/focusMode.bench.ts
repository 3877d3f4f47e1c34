// Benchmark "editor": what writing costs on a 50,000-word post. Focus mode's
// decorations are rebuilt on every keystroke, so they are timed per keystroke;
// the outline, built when it is opened,
// is timed over the whole post.
import { ensureSyntaxTree, LanguageDescription } from '@codemirror/language';
import { languages } from '@codemirror/language-data';
import { EditorSelection, EditorState } from '@codemirror/state';
import { countWords } from '../../common/words';
import { dimmedLines } from '../../renderer/editor/focusMode';
import { postLanguage } from '../../renderer/editor/language';
import { outline } from '../../renderer/editor/outline';
import { fmt, machine, measure, summarise, table, type Benchmark, type Trial } from './harness';

const WORDS = 50_000;
/** A keystroke must leave room in a 60 Hz frame (16.7 ms) for layout and paint: focus mode may add 1 ms. */
const TARGET_MS = 1;
const KEYSTROKES = 200;
/** About a screenful of wrapped lines. */
const VIEWPORT_LINES = 80;

/** A long post with the usual mix: headings, paragraphs, lists, quotes, code. Deterministic. */
function longPost(words: number): string {
  const sentence = 'The pipeline spent most of its time waiting for a cache that was never warm, so every run paid twice.';
  const parts = ['---\ntitle: A very long post\ntags: [bench]\n---\n'];
  let i = 0;
  while (countWords(parts.join('')) < words) {
    i++;
    parts.push(`## Section ${i}\n\n${sentence} ${sentence} ${sentence}\n${sentence} ${sentence}\n\n`);
    parts.push(`- ${sentence}\n- ${sentence}\n  - nested ${sentence}\n\n> ${sentence}\n\n`);
    parts.push('```ts\nconst cache = new Map<string, number>();\n\nfor (const run of runs) cache.set(run.id, run.ms);\n```\n\n');
    parts.push(`${sentence} **${sentence}** *${sentence}* [a link](https://example.org/${i}).\n\n`);
  }
  return parts.join('');
}

async function parsed(doc: string): Promise<EditorState> {
  // In the app a fence's language loads once and the view re-parses; here there is no view, so load it first.
  await LanguageDescription.matchLanguageName(languages, 'ts')!.load();
  const state = EditorState.create({ doc, extensions: postLanguage(), selection: EditorSelection.cursor(Math.floor(doc.length / 2)) });
  if (!ensureSyntaxTree(state, doc.length, 60_000)) throw new Error('The benchmark post did not parse');
  return state.update({}).state;
}

/**
 * KEYSTROKES characters typed mid-post, each followed by the parse of the lines
 * in view (as the view does), then focus mode's rebuild; only the rebuild is
 * timed, in ms per keystroke. (The edit and parse are not: without a view, the
 * parser cannot skip to the viewport as it does in the app, so their time here
 * would say nothing about typing in the app.)
 */
function typing(start: EditorState): Trial {
  return async () => {
    let state = start;
    let total = 0;
    for (let k = 0; k < KEYSTROKES; k++) {
      const head = state.selection.main.head;
      state = state.update({ changes: { from: head, insert: 'x' }, selection: EditorSelection.cursor(head + 1) }).state;
      const line = state.doc.lineAt(head).number;
      const from = state.doc.line(Math.max(1, line - VIEWPORT_LINES / 2)).from;
      const to = state.doc.line(Math.min(state.doc.lines, line + VIEWPORT_LINES / 2)).to;
      ensureSyntaxTree(state, to, 1000);
      state = state.update({}).state;
      const t1 = performance.now();
      const decorations = dimmedLines(state, [{ from, to }]);
      const t2 = performance.now();
      if (decorations.size === 0) throw new Error('focus mode dimmed nothing');
      total += t2 - t1;
    }
    return total / KEYSTROKES;
  };
}

export const editorBenchmark: Benchmark = {
  name: 'editor',
  title: 'Editor: focus mode per keystroke and the outline, on a 50,000-word post',
  async run(ctx) {
    const doc = longPost(WORDS);
    ctx.log(`editor: ${countWords(doc).toLocaleString('en-US')} words, ${doc.length.toLocaleString('en-US')} characters; parsing…`);
    const state = await parsed(doc);
    const samples = await measure(
      {
        'focus mode': typing(state),
        outline: async () => {
          const t0 = performance.now();
          const headings = outline(state);
          if (!headings.length) throw new Error('no headings found');
          return performance.now() - t0;
        },
      },
      { runs: ctx.runs, warmup: ctx.warmup, log: ctx.log, label: 'editor ' },
    );
    const focus = summarise(samples['focus mode']).median;
    const row = (name: string, what: string, xs: number[]) => {
      const s = summarise(xs);
      return [name, what, fmt(s.median), fmt(s.min), fmt(s.max)];
    };
    const markdown = [
      `A generated post of ${countWords(doc).toLocaleString('en-US')} words (${doc.length.toLocaleString('en-US')} characters; headings, lists, quotes, code fences), fully parsed, cursor in the middle. ` +
        `**focus mode**: one character typed mid-post and the ${VIEWPORT_LINES} lines in view parsed, then focus mode's line decorations rebuilt over those lines, as its view plugin does on every keystroke; only the rebuild is timed, averaged over ${KEYSTROKES} keystrokes. ` +
        `**outline**: every heading of the post from its syntax tree, as when the outline opens. Median, min and max of ${ctx.runs} runs after ${ctx.warmup} warm-up, interleaved.`,
      '',
      table(['Measure', 'Unit', 'Median ms', 'Min ms', 'Max ms'], [
        row('focus mode', 'per keystroke', samples['focus mode']),
        row('outline', 'whole post', samples.outline),
      ], ['l', 'l', 'r', 'r', 'r']),
      '',
      `Focus mode adds ${focus.toFixed(3)} ms per keystroke. Target (≤ ${TARGET_MS} ms): **${focus <= TARGET_MS ? 'met' : 'not met'}**.`,
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}.`,
    ].join('\n');
    return { markdown, targetMet: focus <= TARGET_MS };
  },
};
