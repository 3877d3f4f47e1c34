// Mod-Shift-H: the lines of the selection go from text to `#`, `##`, `###` and
// back to text. Every line takes the next level of the first one, so a
// selection of mixed lines ends up alike.
import type { ChangeSpec, StateCommand } from '@codemirror/state';
import { selectedBodyLines } from './bodyText';

const heading = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const deepest = 3;

export function headingLevel(line: string): number {
  return heading.exec(line)?.[1]!.length ?? 0;
}

export const cycleHeading: StateCommand = ({ state, dispatch }) => {
  const lines = selectedBodyLines(state).filter((line, _, all) => all.length === 1 || line.text.trim() !== '');
  if (!lines.length) return false;
  const current = headingLevel(lines[0]!.text);
  const next = current >= deepest ? 0 : current + 1;
  const changes: ChangeSpec[] = lines.map((line) => {
    const match = heading.exec(line.text);
    const insert = next ? `${'#'.repeat(next)} ` : '';
    return { from: line.from, to: line.from + (match?.[0].length ?? 0), insert };
  });
  const set = state.changes(changes);
  dispatch(state.update({ changes: set, selection: state.selection.map(set, 1), scrollIntoView: true, userEvent: 'input.format' }));
  return true;
};
