// Outside edits merged into unsaved ones: the text both started from (the
// last one loaded or saved), mine (the editor) and theirs (the disk), merged
// line by line with node-diff3 (diff3, as in GNU diffutils and git). When the
// two sides changed different lines, theirs come in and mine stay; when they
// touched the same lines, the author decides (the conflict dialog).
import { diff3Merge, diffPatch } from 'node-diff3';

export interface ChangeSpec {
  from: number;
  to: number;
  insert: string;
}

export type MergeOutcome =
  | {
      clean: true;
      text: string;
      /** The edits that turn mine into the merged text, in mine's offsets: only theirs, so the cursor stays put. */
      changes: ChangeSpec[];
    }
  | { clean: false };

export function threeWayMerge(base: string, mine: string, theirs: string): MergeOutcome {
  const mineLines = mine.split('\n');
  // Both sides making the same change is no conflict ("false conflicts" in diff3's terms).
  const regions = diff3Merge(mineLines, base.split('\n'), theirs.split('\n'), { excludeFalseConflicts: true });
  if (regions.some((region) => region.conflict)) return { clean: false };
  const mergedLines = regions.flatMap((region) => region.ok ?? []);
  return { clean: true, text: mergedLines.join('\n'), changes: lineChanges(mineLines, mergedLines) };
}

/** Character-offset changes from line-level hunks (diffPatch: offsets and lengths in lines). */
function lineChanges(from: readonly string[], to: readonly string[]): ChangeSpec[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of from) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const end = offset - 1;
  return diffPatch([...from], [...to]).map(({ buffer1, buffer2 }) => {
    const insert = buffer2.chunk.join('\n');
    const at = buffer1.offset;
    if (buffer1.length > 0) {
      // Replace whole lines; the line break after the last one stays.
      const changeFrom = starts[at]!;
      const changeTo = (starts[at + buffer1.length] ?? end + 1) - 1;
      if (buffer2.length > 0) return { from: changeFrom, to: changeTo, insert };
      // Lines removed: take one line break with them.
      return changeTo < end ? { from: changeFrom, to: changeTo + 1, insert: '' } : { from: Math.max(0, changeFrom - 1), to: changeTo, insert: '' };
    }
    // Lines inserted before line `at` (or after the last line).
    if (at < from.length) return { from: starts[at]!, to: starts[at]!, insert: `${insert}\n` };
    return { from: end, to: end, insert: `\n${insert}` };
  });
}

/** What came in from disk, for the notice: "3 lines added and 1 removed, from line 12 (“Their line…”)". */
export function describeIncoming(base: string, theirs: string): string {
  const hunks = diffPatch(base.split('\n'), theirs.split('\n'));
  const added = hunks.reduce((sum, hunk) => sum + hunk.buffer2.length, 0);
  const removed = hunks.reduce((sum, hunk) => sum + hunk.buffer1.length, 0);
  const first = hunks[0];
  if (!first) return 'no lines changed';
  const lines = (n: number) => `${n} ${n === 1 ? 'line' : 'lines'}`;
  const what = [added ? `${lines(added)} added` : '', removed ? `${lines(removed)} removed` : ''].filter(Boolean).join(', ');
  const sample = first.buffer2.chunk.find((line) => line.trim() !== '')?.trim();
  const quoted = sample ? ` (\u201c${sample.length > 60 ? `${sample.slice(0, 59)}\u2026` : sample}\u201d)` : '';
  return `${what}, from line ${first.buffer2.offset + 1}${quoted}`;
}
