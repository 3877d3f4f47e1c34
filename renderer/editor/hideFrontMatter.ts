// "Hide the front matter in the text" (as Obsidian keeps YAML behind its
// properties): the fences and fields are replaced by nothing in the editor,
// while the text stays in the document, so saving, undo and the panel's edits
// work on it as before. It shows again while it cannot be read (the panel
// points at the broken line) and while a selection reaches into it (Find,
// Select All), and the caret never rests inside it: typing there would break it.
import { EditorSelection, EditorState, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { frontMatterField } from '../frontMatter/frontMatterField';

/** The hidden range: from the document's start to the end of the closing fence's line; null while it shows. */
export function hiddenFrontMatter(state: EditorState): { from: number; to: number } | null {
  const { block, error } = state.field(frontMatterField);
  if (block.kind === 'none' || block.kind === 'unsupported' || error) return null;
  const to = state.doc.lineAt(Math.max(0, block.bodyStart - 1)).to;
  // With no line after the fence, the caret would have nowhere to go but into the block.
  if (to >= state.doc.length) return null;
  const selected = state.selection.ranges.some((range) => !range.empty && range.from < to);
  return selected ? null : { from: 0, to };
}

const hidden = Decoration.replace({ block: true });

const decorations = StateField.define<DecorationSet>({
  create: (state) => build(state),
  update: (value, tr) => (tr.docChanged || tr.selection ? build(tr.state) : value),
  provide: (field) => [EditorView.decorations.from(field), EditorView.atomicRanges.of((view) => view.state.field(field))],
});

function build(state: EditorState): DecorationSet {
  const range = hiddenFrontMatter(state);
  return range ? Decoration.set(hidden.range(range.from, range.to)) : Decoration.none;
}

/** A caret that would land in the hidden lines (Ctrl-Home, ↑ on the first line, a click above) goes to the body's first line. */
const caretOutside = EditorState.transactionFilter.of((tr) => {
  if (!tr.selection || tr.selection.ranges.some((range) => !range.empty)) return tr;
  const range = hiddenFrontMatter(tr.state);
  if (!range || tr.selection.main.head > range.to) return tr;
  return [tr, { selection: EditorSelection.cursor(range.to + 1), sequential: true }];
});

export function hideFrontMatter(): Extension {
  return [decorations, caretOutside];
}
