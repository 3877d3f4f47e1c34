// Focus mode: every block but the one being written is dimmed. Only the lines
// in view get a decoration, and finding the current block is one tree lookup,
// so the cost does not grow with the length of the post.
import { syntaxTree } from '@codemirror/language';
import { RangeSetBuilder, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { visibleDecorations } from './visibleDecorations';

/** Blocks that count as "the current one". Lists and quotes are containers: their items dim one by one. */
const blocks = new Set([
  'Paragraph', 'FencedCode', 'CodeBlock', 'HTMLBlock', 'Table', 'Frontmatter', 'LinkReference', 'HorizontalRule',
  'ATXHeading1', 'ATXHeading2', 'ATXHeading3', 'ATXHeading4', 'ATXHeading5', 'ATXHeading6', 'SetextHeading1', 'SetextHeading2',
]);

/** The block around the main cursor; the cursor's line when it is in none (a blank line, or not parsed yet). */
export function activeBlock(state: EditorState): { from: number; to: number } {
  const head = state.selection.main.head;
  const line = state.doc.lineAt(head);
  const tree = syntaxTree(state);
  for (const side of [-1, 1] as const) {
    for (let node: ReturnType<typeof tree.resolveInner> | null = tree.resolveInner(head, side); node; node = node.parent) {
      // A block whose final line break ends where the cursor's line starts (front matter does) is the one above.
      const reaches = node.to > line.from || node.from === line.from;
      if (blocks.has(node.name) && node.from <= head && head <= node.to && reaches) return { from: node.from, to: node.to };
    }
  }
  return { from: line.from, to: line.to };
}

const dim = Decoration.line({ class: 'cm-dimmed' });

/** Line decorations dimming every line in `ranges` outside the active block. */
export function dimmedLines(state: EditorState, ranges: readonly { from: number; to: number }[]): DecorationSet {
  const active = activeBlock(state);
  const builder = new RangeSetBuilder<Decoration>();
  let last = -1;
  for (const { from, to } of ranges) {
    for (let pos = from; pos <= to; ) {
      const line = state.doc.lineAt(pos);
      if (line.number > last && (line.to < active.from || line.from > active.to)) builder.add(line.from, line.from, dim);
      last = line.number;
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

// The cursor moving into another block changes which one is lit.
const plugin = visibleDecorations(dimmedLines, (update) => update.selectionSet);

const look = EditorView.theme({
  '.cm-line.cm-dimmed': { opacity: '0.35', transition: 'opacity 120ms ease-out' },
  '.cm-line': { transition: 'opacity 120ms ease-out' },
});

export function focusMode(): Extension {
  return [plugin, look];
}
