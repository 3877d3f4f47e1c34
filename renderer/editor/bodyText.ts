// Where a format command may act: the post's body, never its front matter.
// Front matter is found by the same rule the backend and word count use
// (common/post), so the editor never disagrees with them about where it ends.
import type { EditorState, Line, SelectionRange } from '@codemirror/state';
import { findFrontMatter } from '../../common/post';

/** Offset of the first character after the front matter (0 when there is none). */
export function bodyStart(state: EditorState): number {
  // Commands run once per keypress, so reading the whole text is affordable even on long posts.
  return findFrontMatter(state.doc.toString()).bodyStart;
}

/**
 * Where the caret goes in a post just opened: the start of the body's first
 * line of text, below the front matter, as if the author had clicked there.
 */
export function firstBodyPosition(text: string): number {
  let pos = findFrontMatter(text).bodyStart;
  while (text[pos] === '\n' || text[pos] === '\r') pos++;
  return pos;
}

/** The body lines the selection touches, each once, in document order. */
export function selectedBodyLines(state: EditorState, start = bodyStart(state)): Line[] {
  const lines = new Map<number, Line>();
  for (const range of state.selection.ranges) {
    let to = range.to;
    // A selection that ends at the very start of a line (after a triple click) does not take that line.
    if (!range.empty && state.doc.lineAt(to).from === to) to--;
    if (to < start) continue;
    for (let pos = Math.max(range.from, start); pos <= to; ) {
      const line = state.doc.lineAt(pos);
      lines.set(line.number, line);
      pos = line.to + 1;
    }
  }
  return [...lines.values()].sort((a, b) => a.number - b.number);
}

/**
 * A range cut into one piece per line, each without its surrounding blanks,
 * and clipped to the body: inline marks never span a paragraph break. A cursor
 * is one empty piece.
 */
export function lineSegments(state: EditorState, range: SelectionRange, start: number): { from: number; to: number }[] {
  const from = Math.max(range.from, start);
  if (range.empty) return [{ from, to: from }];
  const out: { from: number; to: number }[] = [];
  for (let pos = from; pos <= range.to; ) {
    const line = state.doc.lineAt(pos);
    const text = state.doc.sliceString(Math.max(from, line.from), Math.min(range.to, line.to));
    const lead = text.length - text.trimStart().length;
    const trimmed = text.trim();
    if (trimmed) {
      const segFrom = Math.max(from, line.from) + lead;
      out.push({ from: segFrom, to: segFrom + trimmed.length });
    }
    pos = line.to + 1;
  }
  return out;
}
