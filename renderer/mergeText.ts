// Merge by hand: both versions of a post in one text, the parts where they
// differ between conflict marks (as git writes them, so the shape is familiar),
// the lines they share written once.
import { findConflictBlocks, MINE_MARK, SPLIT_MARK, THEIRS_MARK } from '../common/conflictMarks';
import { diffLines } from './lineDiff';

export { MINE_MARK } from '../common/conflictMarks';

export function mergeWithMarks(mine: string, theirs: string): string {
  const a = mine.split('\n');
  const b = theirs.split('\n');
  const { changedA, changedB } = diffLines(a, b);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    // diffLines aligns the unchanged lines of both sides one to one, in order.
    if (i < a.length && j < b.length && !changedA[i] && !changedB[j]) {
      out.push(a[i++]!);
      j++;
      continue;
    }
    const ours: string[] = [];
    const theirsRun: string[] = [];
    while (i < a.length && changedA[i]) ours.push(a[i++]!);
    while (j < b.length && changedB[j]) theirsRun.push(b[j++]!);
    out.push(MINE_MARK, ...ours, SPLIT_MARK, ...theirsRun, THEIRS_MARK);
  }
  return out.join('\n');
}

/** True while the text still holds a conflict block: the merge is not finished. */
export function hasMarks(text: string): boolean {
  return text.includes(SPLIT_MARK) && findConflictBlocks(text.split('\n')).length > 0;
}
