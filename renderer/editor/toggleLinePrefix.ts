// Quote, bullet list, numbered list and task list: line markup, toggled on
// every line the selection touches. Applying a list kind to a different list
// swaps the marker; applying it where every line has it already removes it.
import type { ChangeSpec, Line, StateCommand } from '@codemirror/state';
import { selectedBodyLines } from './bodyText';

/** Indentation and quote marks (the containers), then a list marker if any. */
const structure = /^([ \t]*(?:>[ \t]?)*[ \t]*)((?:[-*+] \[[ xX]\]|[-*+]|\d{1,9}[.)])(?:[ \t]+|$))?/;

type ListKind = 'bullet' | 'numbered' | 'task';

function listKind(marker: string | undefined): ListKind | null {
  if (!marker) return null;
  if (/^[-*+] \[/.test(marker)) return 'task';
  return /^\d/.test(marker) ? 'numbered' : 'bullet';
}

/** The lines to act on: non-blank ones, or the one line the cursor is on even if blank. */
function targetLines(lines: Line[]): Line[] {
  return lines.length === 1 ? lines : lines.filter((line) => line.text.trim() !== '');
}

function dispatchChanges(changes: ChangeSpec[]): StateCommand {
  return ({ state, dispatch }) => {
    const set = state.changes(changes);
    dispatch(state.update({ changes: set, selection: state.selection.map(set, 1), scrollIntoView: true, userEvent: 'input.format' }));
    return true;
  };
}

export function toggleList(kind: ListKind): StateCommand {
  const marker = (n: number) => (kind === 'bullet' ? '- ' : kind === 'task' ? '- [ ] ' : `${n}. `);
  return (target) => {
    const lines = targetLines(selectedBodyLines(target.state));
    if (!lines.length) return false;
    const parsed = lines.map((line) => ({ line, match: structure.exec(line.text)! }));
    const remove = parsed.every(({ match }) => listKind(match[2]) === kind);
    const changes = parsed.flatMap(({ line, match }, i): ChangeSpec[] => {
      // A line already of this kind keeps its marker (a ticked task stays ticked).
      if (!remove && listKind(match[2]) === kind) return [];
      const from = line.from + match[1]!.length;
      return [{ from, to: from + (match[2]?.length ?? 0), insert: remove ? '' : marker(i + 1) }];
    });
    return dispatchChanges(changes)(target);
  };
}

export const toggleQuote: StateCommand = (target) => {
  const lines = targetLines(selectedBodyLines(target.state));
  if (!lines.length) return false;
  const quoted = (line: Line) => /^[ \t]*>/.exec(line.text);
  const remove = lines.every(quoted);
  const changes = lines.flatMap((line): ChangeSpec[] => {
    if (!remove) return quoted(line) ? [] : [{ from: line.from, insert: '> ' }];
    const mark = /^([ \t]*)>[ \t]?/.exec(line.text)!;
    return [{ from: line.from + mark[1]!.length, to: line.from + mark[0].length }];
  });
  return dispatchChanges(changes)(target);
};

export const toggleBulletList = toggleList('bullet');
export const toggleNumberedList = toggleList('numbered');
export const toggleTaskList = toggleList('task');
