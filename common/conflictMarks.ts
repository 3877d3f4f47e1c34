// Conflict blocks: two versions of the same lines between marks, as git writes
// them and as "Merge by hand" does (renderer/mergeText.ts):
//
//   <<<<<<< Your version
//   my lines
//   ||||||| base          (optional, git's diff3 style)
//   the lines both started from
//   =======
//   their lines
//   >>>>>>> Disk version
//
// The editor shows them as conflicts, the check refuses a post that still holds
// one. A mark inside a fenced code block is a post about git, not a conflict.

export const MINE_MARK = '<<<<<<< Your version';
export const SPLIT_MARK = '=======';
export const THEIRS_MARK = '>>>>>>> Disk version';

/** Lines are 0-based indexes into the text's lines. */
export interface ConflictBlock {
  /** The `<<<<<<<` line. */
  start: number;
  /** The `|||||||` line, when the block carries the base between the two versions. */
  base: number | null;
  /** The `=======` line. */
  split: number;
  /** The `>>>>>>>` line. */
  end: number;
}

const START = /^<{7}(?: .*)?$/;
const BASE = /^\|{7}(?: .*)?$/;
const SPLIT = /^={7}$/;
const END = /^>{7}(?: .*)?$/;
/** A CommonMark code fence: up to three spaces, then three or more backticks or tildes. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Every complete conflict block outside fenced code, in text order. */
export function findConflictBlocks(lines: readonly string[]): ConflictBlock[] {
  const blocks: ConflictBlock[] = [];
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence !== null) {
      // A closing fence is the same character, at least as long, and nothing after it but spaces.
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length && line.trim() === fenceMark) fence = null;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      continue;
    }
    if (!START.test(line)) continue;
    const block = blockFrom(lines, i);
    if (!block) continue;
    blocks.push(block);
    i = block.end;
  }
  return blocks;
}

/** The block that starts at `start`, if its marks come in order before another block starts. */
function blockFrom(lines: readonly string[], start: number): ConflictBlock | null {
  let base: number | null = null;
  let split: number | null = null;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (START.test(line)) return null;
    if (split === null && base === null && BASE.test(line)) base = i;
    else if (split === null && SPLIT.test(line)) split = i;
    else if (split !== null && END.test(line)) return { start, base, split, end: i };
  }
  return null;
}

export type ConflictChoice = 'mine' | 'theirs' | 'both';

/** The lines a block becomes when the author picks one side, or both (mine first). */
export function resolvedLines(lines: readonly string[], block: ConflictBlock, choice: ConflictChoice): string[] {
  const mine = lines.slice(block.start + 1, block.base ?? block.split);
  const theirs = lines.slice(block.split + 1, block.end);
  if (choice === 'mine') return mine;
  if (choice === 'theirs') return theirs;
  return [...mine, ...theirs];
}
