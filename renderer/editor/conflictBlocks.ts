// Conflict blocks in the editor: the lines between <<<<<<< / ======= / >>>>>>>
// marks (a merge by hand, or a file git left mid-merge) are shown as the two
// versions they are, with Accept mine / Accept theirs / Keep both above each
// block. Without this, markdown reads `=======` under a line as a setext
// heading and the block looks like a title.
//
// The blocks come from the whole document (a mark can be far from the view),
// kept in a StateField because block widgets may not come from a view plugin.
import { Prec, StateField, type EditorState, type Extension, type StateCommand, type TransactionSpec } from '@codemirror/state';
import { Decoration, EditorView, keymap, WidgetType, type DecorationSet } from '@codemirror/view';
import { keyOf } from '../../common/commands';
import { findConflictBlocks, resolvedLines, type ConflictBlock, type ConflictChoice } from '../../common/conflictMarks';

/** By its id in the command table (common/commands.ts), which holds its title and key. */
export interface ConflictCommand {
  id: 'conflict.mine' | 'conflict.theirs' | 'conflict.both';
  choice: ConflictChoice;
  /** The widget's button. */
  label: string;
}

export const conflictCommands: readonly ConflictCommand[] = [
  { id: 'conflict.mine', choice: 'mine', label: 'Accept mine' },
  { id: 'conflict.theirs', choice: 'theirs', label: 'Accept theirs' },
  { id: 'conflict.both', choice: 'both', label: 'Keep both' },
];

/** The document's conflict blocks, in order. */
export function conflictsIn(state: EditorState): ConflictBlock[] {
  // Most documents hold no block: skip splitting the text into lines for them.
  if (!state.doc.toString().includes('=======')) return [];
  return findConflictBlocks(state.doc.toJSON());
}

/** The block holding `pos`, else the first one after it. */
function blockAt(state: EditorState, blocks: readonly ConflictBlock[], pos: number): ConflictBlock | undefined {
  const line = state.doc.lineAt(pos).number - 1;
  return blocks.find((block) => block.end >= line);
}

/** The change that replaces `block` with the chosen side, the cursor where its text starts. */
export function resolveConflict(state: EditorState, block: ConflictBlock, choice: ConflictChoice): TransactionSpec {
  const { doc } = state;
  const lines = resolvedLines(doc.toJSON(), block, choice);
  let from = doc.line(block.start + 1).from;
  let to = doc.line(block.end + 1).to;
  if (lines.length === 0) {
    // Nothing stays: take a line break with the block, so no empty line is left behind.
    if (to < doc.length) to++;
    else if (from > 0) from--;
  }
  return {
    changes: { from, to, insert: lines.join('\n') },
    selection: { anchor: from },
    scrollIntoView: true,
    userEvent: 'input.resolve',
  };
}

/** The command for a choice: resolves the block at (or after) the cursor. */
export function resolveAtCursor(choice: ConflictChoice): StateCommand {
  return ({ state, dispatch }) => {
    const block = blockAt(state, conflictsIn(state), state.selection.main.head);
    if (!block) return false;
    dispatch(state.update(resolveConflict(state, block, choice)));
    return true;
  };
}

class ConflictActions extends WidgetType {
  constructor(
    readonly index: number,
    readonly count: number,
  ) {
    super();
  }

  override eq(other: ConflictActions): boolean {
    return other.index === this.index && other.count === this.count;
  }

  toDOM(view: EditorView): HTMLElement {
    const bar = document.createElement('div');
    bar.className = 'cm-conflict-actions';
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', `Conflict ${this.index + 1} of ${this.count}`);
    const label = document.createElement('span');
    label.className = 'cm-conflict-label';
    label.textContent = this.count > 1 ? `Conflict ${this.index + 1} of ${this.count}` : 'Conflict';
    bar.append(label);
    for (const command of conflictCommands) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'cm-conflict-button';
      button.textContent = command.label;
      button.addEventListener('click', () => {
        // Found again at click time: edits above may have moved the block since it was drawn.
        const block = blockAt(view.state, conflictsIn(view.state), view.posAtDOM(bar));
        if (block) view.dispatch(resolveConflict(view.state, block, command.choice));
        view.focus();
      });
      bar.append(button);
    }
    return bar;
  }
}

const markLine = Decoration.line({ class: 'cm-conflict-line cm-conflict-mark' });
const mineLine = Decoration.line({ class: 'cm-conflict-line cm-conflict-mine' });
const baseLine = Decoration.line({ class: 'cm-conflict-line cm-conflict-base' });
const theirsLine = Decoration.line({ class: 'cm-conflict-line cm-conflict-theirs' });

function decorate(state: EditorState): DecorationSet {
  const blocks = conflictsIn(state);
  const ranges = [];
  for (const [index, block] of blocks.entries()) {
    const at = (line: number) => state.doc.line(line + 1).from;
    ranges.push(Decoration.widget({ widget: new ConflictActions(index, blocks.length), block: true, side: -1 }).range(at(block.start)));
    for (let line = block.start; line <= block.end; line++) {
      const isMark = line === block.start || line === block.base || line === block.split || line === block.end;
      const inBase = block.base !== null && line > block.base && line < block.split;
      const kind = isMark ? markLine : line < (block.base ?? block.split) ? mineLine : inBase ? baseLine : theirsLine;
      ranges.push(kind.range(at(line)));
    }
  }
  return Decoration.set(ranges, true);
}

const conflictField = StateField.define<DecorationSet>({
  create: decorate,
  update: (value, tr) => (tr.docChanged ? decorate(tr.state) : value),
  provide: (field) => EditorView.decorations.from(field),
});

const theme = EditorView.baseTheme({
  // A setext underline (=======) would make the line above it a heading: inside a block, every line is plain text.
  '.cm-conflict-line span': { fontSize: 'inherit', fontWeight: 'inherit' },
  '.cm-conflict-line': { borderLeft: '3px solid transparent', paddingLeft: '6px' },
  '.cm-conflict-mark': { color: 'var(--muted, #666)', fontFamily: 'var(--code-font, monospace)', fontSize: '0.85em' },
  '.cm-conflict-mine': { backgroundColor: 'light-dark(rgb(31 104 201 / 0.09), rgb(110 168 255 / 0.12))', borderLeftColor: 'var(--accent, #1f68c9)' },
  '.cm-conflict-base': { backgroundColor: 'light-dark(rgb(0 0 0 / 0.04), rgb(255 255 255 / 0.05))', borderLeftColor: 'var(--faint, #888)' },
  '.cm-conflict-theirs': { backgroundColor: 'light-dark(rgb(26 127 55 / 0.09), rgb(120 200 140 / 0.12))', borderLeftColor: 'light-dark(#1a7f37, #7cc88e)' },
  '.cm-conflict-actions': {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '6px',
    padding: '6px 0 4px',
    fontFamily: 'var(--ui-font, sans-serif)',
    fontSize: '13px',
    lineHeight: '1.4',
  },
  '.cm-conflict-label': { color: 'var(--warning, #9a5b00)', fontWeight: '600', marginRight: '4px' },
  '.cm-conflict-button': {
    font: 'inherit',
    padding: '2px 10px',
    border: '1px solid var(--line-strong, #999)',
    borderRadius: '6px',
    background: 'var(--bg-raised, #fff)',
    color: 'var(--text, #000)',
    cursor: 'pointer',
  },
  '.cm-conflict-button:hover': { background: 'var(--bg-hover, #eee)' },
  '.cm-conflict-button:focus-visible': { outline: '2px solid var(--accent, #1f68c9)', outlineOffset: '1px' },
});

/** The decorations, their actions and their keys (above the defaults, where Mod-Alt-b may be taken). */
export function conflictBlocks(): Extension {
  return [
    conflictField,
    theme,
    Prec.high(keymap.of(conflictCommands.map(({ id, choice }) => ({ key: keyOf(id), run: resolveAtCursor(choice) })))),
  ];
}
