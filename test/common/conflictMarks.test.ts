import { describe, expect, it } from 'vitest';
import { findConflictBlocks, resolvedLines } from '../../common/conflictMarks';
import { mergeWithMarks } from '../../renderer/mergeText';

const lines = (text: string) => text.split('\n');

describe('findConflictBlocks', () => {
  it('finds the blocks "Merge by hand" writes', () => {
    const merged = lines(mergeWithMarks('a\nmine\nb\nc', 'a\ntheirs\nb\nc\nmore'));
    const blocks = findConflictBlocks(merged);
    expect(blocks).toHaveLength(2);
    expect(merged.slice(blocks[0]!.start, blocks[0]!.end + 1)).toEqual(['<<<<<<< Your version', 'mine', '=======', 'theirs', '>>>>>>> Disk version']);
  });

  it("reads git's marks, with the diff3 base section", () => {
    // As `git merge` writes them with merge.conflictStyle=diff3 (git-merge(1), "HOW CONFLICTS ARE PRESENTED").
    const text = ['Here are lines that are either unchanged from the common', 'ancestor, or cleanly resolved because only one side changed.', '<<<<<<< yours:sample.txt', 'Conflict resolution is hard;', "let's go shopping.", '||||||| base:sample.txt', 'or cleanly resolved because both sides changed identically.', '=======', 'Git makes conflict resolution easy.', '>>>>>>> theirs:sample.txt', 'And here is another line.'];
    const [block] = findConflictBlocks(text);
    expect(block).toEqual({ start: 2, base: 5, split: 7, end: 9 });
    expect(resolvedLines(text, block!, 'mine')).toEqual(['Conflict resolution is hard;', "let's go shopping."]);
    expect(resolvedLines(text, block!, 'theirs')).toEqual(['Git makes conflict resolution easy.']);
    expect(resolvedLines(text, block!, 'both')).toEqual(['Conflict resolution is hard;', "let's go shopping.", 'Git makes conflict resolution easy.']);
  });

  it('leaves marks inside fenced code alone (a post about git), and marks out of order', () => {
    const inFence = ['```text', '<<<<<<< HEAD', 'a', '=======', 'b', '>>>>>>> branch', '```'];
    expect(findConflictBlocks(inFence)).toEqual([]);
    expect(findConflictBlocks(['~~~~', '```', '<<<<<<< HEAD', '=======', '>>>>>>> x', '~~~~', '<<<<<<< a', '=======', '>>>>>>> b'])).toEqual([{ start: 6, base: null, split: 7, end: 8 }]);
    expect(findConflictBlocks(['=======', '<<<<<<< a', '>>>>>>> b', '======='])).toEqual([]);
    expect(findConflictBlocks(['<<<<<<< a', '<<<<<<< b', 'x', '=======', 'y', '>>>>>>> c'])).toEqual([{ start: 1, base: null, split: 3, end: 5 }]);
    // A setext heading underline is not a conflict either.
    expect(findConflictBlocks(['Title', '=======', 'text'])).toEqual([]);
  });
});
