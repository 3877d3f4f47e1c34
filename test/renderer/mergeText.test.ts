import { describe, expect, it } from 'vitest';
import { hasMarks, mergeWithMarks } from '../../renderer/mergeText';

describe('mergeWithMarks', () => {
  it('writes shared lines once and marks each place the versions differ', () => {
    const mine = ['# Title', 'one', 'my two', 'three', 'four'].join('\n');
    const theirs = ['# Title', 'one', 'their two', 'three', 'four', 'their five'].join('\n');
    expect(mergeWithMarks(mine, theirs).split('\n')).toEqual([
      '# Title',
      'one',
      '<<<<<<< Your version',
      'my two',
      '=======',
      'their two',
      '>>>>>>> Disk version',
      'three',
      'four',
      '<<<<<<< Your version',
      '=======',
      'their five',
      '>>>>>>> Disk version',
    ]);
  });

  it('loses no line of either version', () => {
    const mine = 'a\nb\nc\nd\ne';
    const theirs = 'x\nb\nd\ny\ne\nz';
    const merged = mergeWithMarks(mine, theirs).split('\n');
    for (const line of [...mine.split('\n'), ...theirs.split('\n')]) expect(merged).toContain(line);
  });

  it('is the text itself when both are the same, and tells finished merges from unfinished ones', () => {
    expect(mergeWithMarks('same\ntext', 'same\ntext')).toBe('same\ntext');
    expect(hasMarks(mergeWithMarks('mine', 'theirs'))).toBe(true);
    expect(hasMarks('a line mentioning <<<<<<< Your version inline')).toBe(false);
  });
});
