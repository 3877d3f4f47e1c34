// Accept mine / Accept theirs / Keep both as pure state changes (mkState: `|` is the cursor).
import { describe, expect, it } from 'vitest';
import { conflictsIn, resolveAtCursor } from '../../../renderer/editor/conflictBlocks';
import { mkState, run } from './mkState';

const block = '<<<<<<< Your version\nmy line\n=======\ntheir line\n>>>>>>> Disk version';

describe('resolving a conflict block', () => {
  it('keeps the chosen side in place of the block, the caret where it starts', () => {
    expect(run(resolveAtCursor('mine'), `Intro\n${block.replace('my line', 'my| line')}\nOutro`)).toBe('Intro\n|my line\nOutro');
    expect(run(resolveAtCursor('theirs'), `Intro\n${block.replace('my line', 'my| line')}\nOutro`)).toBe('Intro\n|their line\nOutro');
    expect(run(resolveAtCursor('both'), `Intro\n${block.replace('my line', 'my| line')}\nOutro`)).toBe('Intro\n|my line\ntheir line\nOutro');
  });

  it('acts on the next block when the caret is above every block, and declines below the last', () => {
    expect(run(resolveAtCursor('theirs'), `|Intro\n${block}\nmiddle\n${block}`)).toBe(`Intro\n|their line\nmiddle\n${block}`);
    expect(run(resolveAtCursor('mine'), `${block}\nOutro|`)).toBe(`${block}\nOutro|`);
  });

  it('removes the block with its line break when the chosen side is empty', () => {
    const empty = '<<<<<<< Your version\n=======\ntheir line\n>>>>>>> Disk version';
    expect(run(resolveAtCursor('mine'), `Intro|\n${empty}\nOutro`)).toBe('Intro\n|Outro');
    expect(run(resolveAtCursor('mine'), `Intro|\n${empty}`)).toBe('Intro|');
  });

  it('finds no block in fenced code or in a setext heading', () => {
    expect(conflictsIn(mkState(`|\`\`\`\n${block}\n\`\`\``))).toEqual([]);
    expect(conflictsIn(mkState('|Title\n=======\n'))).toEqual([]);
    expect(conflictsIn(mkState(`|${block}`))).toEqual([{ start: 0, base: null, split: 2, end: 4 }]);
  });
});
