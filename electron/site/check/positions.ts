// Offsets in a post's text → the 1-based line and column an editor shows.
import { lastAtOrBefore } from '../../../common/lastAtOrBefore';

export interface Position {
  line: number;
  column: number;
}

export type PositionOf = (offset: number) => Position;

export function positionsIn(text: string): PositionOf {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    const line = lastAtOrBefore(starts, offset);
    return { line: line + 1, column: offset - starts[line]! + 1 };
  };
}
