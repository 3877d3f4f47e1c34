// Bold, italic, inline code and strikethrough: wrap the selection in a mark,
// or take the mark away when the selection is already inside (or exactly is)
// such a span; a cursor at the end of a span's text steps out past its mark. The syntax tree decides what is "already applied", so `**x**`
// is bold, not italic twice, and `***x***` is both.
import { EditorSelection, type ChangeSpec, type EditorState, type StateCommand } from '@codemirror/state';
import { bodyStart, lineSegments } from './bodyText';
import { enclosingSpan } from './inlineSpan';

interface InlineMark {
  /** What the command inserts on each side. */
  mark: string;
  /** The syntax node of a span with this mark. */
  node: string;
}

/** The same mark straight around [from, to] that the parser did not read as a span (e.g. `**|**`). */
function bareMarks(state: EditorState, mark: string, from: number, to: number): boolean {
  const doc = state.doc;
  const len = mark.length;
  if (from - len < 0 || to + len > doc.length) return false;
  if (doc.sliceString(from - len, from) !== mark || doc.sliceString(to, to + len) !== mark) return false;
  // `**|**` under italic is bold's business, not an italic inside italic.
  const c = mark[0]!;
  return doc.sliceString(from - len - 1, from - len) !== c && doc.sliceString(to + len, to + len + 1) !== c;
}

export function toggleInline({ mark, node }: InlineMark): StateCommand {
  return ({ state, dispatch }) => {
    const start = bodyStart(state);
    const tr = state.changeByRange((range) => {
      if (range.to < start || (!range.empty && range.to === start)) return { range };
      const parts = lineSegments(state, range, start);
      if (!parts.length) return { range };
      const found = parts.map((p) => enclosingSpan(state, node, p.from, p.to));
      const bare = parts.map((p, i) => !found[i] && bareMarks(state, mark, p.from, p.to));
      const applied = parts.every((_, i) => found[i] || bare[i]);
      // A cursor at the end of a span's text steps out of it, so Mod-B, type, Mod-B goes on in plain text.
      const span = found[0];
      if (range.empty && span && range.from === span.lastChild?.from && range.from > (span.firstChild?.to ?? span.from)) {
        return { range: EditorSelection.cursor(span.to) };
      }
      const changes: ChangeSpec[] = [];
      parts.forEach((p, i) => {
        const span = found[i];
        if (applied && span) {
          changes.push({ from: span.from, to: span.firstChild?.to ?? span.from }, { from: span.lastChild?.from ?? span.to, to: span.to });
        } else if (applied) {
          changes.push({ from: p.from - mark.length, to: p.from }, { from: p.to, to: p.to + mark.length });
        } else if (!span) {
          changes.push({ from: p.from, insert: mark }, { from: p.to, insert: mark });
        }
      });
      const set = state.changes(changes);
      if (range.empty && !applied) return { changes: set, range: EditorSelection.cursor(range.from + mark.length) };
      // The start stays after an inserted mark and the end before one, so the selection keeps just the text.
      const forward = range.head >= range.anchor;
      const from = set.mapPos(Math.max(range.from, start), 1);
      const to = set.mapPos(range.to, -1);
      return { changes: set, range: forward ? EditorSelection.range(from, to) : EditorSelection.range(to, from) };
    });
    if (tr.changes.empty && tr.selection.eq(state.selection)) return false;
    dispatch(state.update(tr, { scrollIntoView: true, userEvent: 'input.format' }));
    return true;
  };
}

export const toggleBold = toggleInline({ mark: '**', node: 'StrongEmphasis' });
export const toggleItalic = toggleInline({ mark: '*', node: 'Emphasis' });
export const toggleInlineCode = toggleInline({ mark: '`', node: 'InlineCode' });
export const toggleStrikethrough = toggleInline({ mark: '~~', node: 'Strikethrough' });
