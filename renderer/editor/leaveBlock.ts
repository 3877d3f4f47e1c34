// Enter on an empty list item or quote line leaves that block, as Typora and
// Obsidian do. CodeMirror's markdown Enter instead continues a quote forever
// (`>` then `> ` again) and loosens a list before ending it, and a paragraph typed
// right under a quote or list joins it as a lazy continuation line. So the empty
// marker goes, a blank line separates what follows, and a nested item moves out
// one level. Everything else is left to CodeMirror's own Enter.
import { syntaxTree } from '@codemirror/language';
import { Prec, type EditorState, type Extension, type StateCommand } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { bodyStart } from './bodyText';

/** One container marker of a line: a quote `>` or a list marker (with a task box), each with its indentation. */
const marker = /\s*(?:>|[-*+](?=\s)|\d{1,9}[.)](?=\s))[ \t]?(?:\[[ xX]\][ \t]?)?/y;
const listMarker = /^(\s*)([-*+]|(\d{1,9})([.)]))[ \t]/;

/** The line's container markers, if the line is nothing else. */
function markersOnly(text: string): string[] | null {
  const found: string[] = [];
  marker.lastIndex = 0;
  while (marker.lastIndex < text.length) {
    const start = marker.lastIndex;
    if (!marker.exec(text)) return null;
    found.push(text.slice(start, marker.lastIndex));
  }
  if (!found.length || text.slice(found.join('').length).trim() !== '') return null;
  return found;
}

/** What continues a container on the next line: quotes stay, list markers become their width in spaces. */
function continuation(markers: string[]): string {
  return markers.map((m) => (m.trim().startsWith('>') ? m : ' '.repeat(m.length))).join('');
}

function inCode(state: EditorState, pos: number): boolean {
  for (let node: ReturnType<ReturnType<typeof syntaxTree>['resolveInner']> | null = syntaxTree(state).resolveInner(pos, -1); node; node = node.parent) {
    if (node.name === 'FencedCode' || node.name === 'CodeBlock') return true;
  }
  return false;
}

/**
 * A nested empty item moves out a level: it becomes the next sibling of its
 * parent item (the nearest item above that is indented less), numbered after it.
 */
function outdented(state: EditorState, lineNumber: number, indent: number, task: boolean): string | null {
  for (let n = lineNumber - 1; n >= 1; n--) {
    const match = listMarker.exec(state.doc.line(n).text);
    if (!match || match[1]!.length >= indent) continue;
    const bullet = match[3] ? `${Number(match[3]) + 1}${match[4]}` : match[2]!;
    return `${match[1]}${bullet} ${task ? '[ ] ' : ''}`;
  }
  return null;
}

export const leaveEmptyBlock: StateCommand = ({ state, dispatch }) => {
  const range = state.selection.main;
  if (state.selection.ranges.length > 1 || !range.empty) return false;
  const line = state.doc.lineAt(range.head);
  if (range.head !== line.to || line.from < bodyStart(state) || inCode(state, range.head)) return false;
  const markers = markersOnly(line.text);
  if (!markers) return false;
  const last = markers.at(-1)!;
  const outer = markers.slice(0, -1);
  const isList = !last.trim().startsWith('>');
  const indent = last.length - last.trimStart().length;

  let insert: string;
  if (isList && outer.length === 0 && indent > 0) {
    const sibling = outdented(state, line.number, indent, /\[[ xX]\]/.test(last));
    if (sibling === null) return false;
    insert = sibling;
  } else if (outer.length === 0) {
    // Out of the block entirely: a blank line first, unless there is one already (or nothing above).
    const above = line.number > 1 ? state.doc.line(line.number - 1) : null;
    insert = !above || above.from < bodyStart(state) || above.text.trim() === '' ? '' : '\n';
  } else {
    // Out of the innermost block only: a blank line of the outer ones, then their continuation.
    insert = `${continuation(outer).trimEnd()}\n${continuation(outer)}`;
  }
  dispatch(state.update({ changes: { from: line.from, to: line.to, insert }, selection: { anchor: line.from + insert.length }, scrollIntoView: true, userEvent: 'input' }));
  return true;
};

/** Enter: leave an empty item or quote line first; CodeMirror's markdown Enter (which runs at a lower precedence) does the rest. */
export function leaveBlockKeymap(): Extension {
  return Prec.highest(keymap.of([{ key: 'Enter', run: leaveEmptyBlock }]));
}
