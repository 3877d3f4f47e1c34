// The post's front matter as part of the editor state: where it is, what it
// says, and why it cannot be read. It follows every change, but re-reads the
// text only when a change reaches the front matter, and then only the start of
// the document: typing in the body of a long post costs a range check.
import { StateField, type Text, type Transaction } from '@codemirror/state';
import { findFrontMatter, frontMatterData, frontMatterSettled, type FrontMatterBlock } from '../../common/post';
import type { FrontMatterError } from '../../common/types';

export interface FrontMatter {
  block: FrontMatterBlock;
  /** The document up to the body: the fences and what is between them ('' when there is no front matter). */
  head: string;
  /** The fields. While the front matter cannot be read these are the last ones that could, so nothing blanks out mid-edit. */
  data: Record<string, unknown>;
  /** Why the front matter cannot be read (broken YAML, another format); its fields are read-only until it can. */
  error: FrontMatterError | null;
}

/** Enough of a post's start to hold ordinary front matter; longer ones are read in bigger steps. */
const WINDOW = 4096;

export const frontMatterField = StateField.define<FrontMatter>({
  create: (state) => read(state.doc),
  update: (value, tr) => (tr.docChanged && reachesFrontMatter(tr, value) ? read(tr.newDoc, value) : value),
});

/** Whether a change can alter what findFrontMatter finds. */
export function reachesFrontMatter(tr: Transaction, { block, head }: FrontMatter): boolean {
  let reached = false;
  if (block.kind === 'unsupported' && block.unclosed) {
    // Unclosed: a change closes it only where it leaves a fence line (the first line sets the kind).
    const firstLineEnd = tr.startState.doc.line(1).to;
    tr.changes.iterChanges((fromA, _toA, fromB, toB) => {
      reached ||= fromA <= firstLineEnd || leavesFence(tr.newDoc, fromB, toB);
    });
    return reached;
  }
  // No front matter: the first line decides. Otherwise the block ends with its closing fence's line.
  const end = block.kind === 'none' ? tr.startState.doc.lineAt(block.bodyStart).to : block.bodyStart;
  const endsWithBreak = block.kind !== 'none' && head.endsWith('\n');
  tr.changes.iterChangedRanges((from) => {
    if (from < end || (from === end && !endsWithBreak)) reached = true;
  });
  return reached;
}

/** Any line a closing fence could be written as: YAML's, TOML's, or one of the others. */
const fenceLine = /^(?:---|\.\.\.|\+\+\+|;;;)[ \t\r]*$/;

/** Whether a line touching [from, to] of `doc` is a fence line. */
function leavesFence(doc: Text, from: number, to: number): boolean {
  for (let pos = from; ; ) {
    const line = doc.lineAt(pos);
    if (fenceLine.test(line.text)) return true;
    if (line.to >= to) return false;
    pos = line.to + 1;
  }
}

function read(doc: Text, previous?: FrontMatter): FrontMatter {
  const { block, text } = findInDoc(doc);
  const head = text.slice(0, block.bodyStart);
  if (previous?.head === head) return previous;
  const { data, error } = frontMatterData(text, block);
  if (!error) return { block, head, data, error: null };
  return { block, head, data: previous?.data ?? data, error };
}

/** findFrontMatter on as little of the document as decides it. */
function findInDoc(doc: Text): { block: FrontMatterBlock; text: string } {
  for (let size = WINDOW; ; size *= 16) {
    const whole = size >= doc.length;
    const text = whole ? doc.toString() : doc.sliceString(0, size);
    const block = findFrontMatter(text);
    if (whole || frontMatterSettled(text, block)) return { block, text };
  }
}
