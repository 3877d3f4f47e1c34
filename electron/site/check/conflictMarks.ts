// A post that still holds a conflict block (a merge by hand not finished, or a
// file git left mid-merge) would publish both versions and the marks: an error,
// at the block's first mark, so check and publish stop before it goes out.
import type { CheckProblem } from '../../../common/check';
import { findConflictBlocks } from '../../../common/conflictMarks';
import type { PostSummary } from '../../../common/types';
import { problem } from './problem';

export function checkConflictMarks(post: PostSummary, text: string): CheckProblem[] {
  if (!text.includes('=======')) return [];
  return findConflictBlocks(text.split(/\r?\n/)).map((block) =>
    problem(
      { post },
      { line: block.start + 1 },
      'error',
      'conflict',
      `Lines ${block.start + 1}–${block.end + 1} are an unfinished merge: two versions between <<<<<<< and >>>>>>> marks. Open the post and choose Accept mine, Accept theirs or Keep both.`,
    ),
  );
}
