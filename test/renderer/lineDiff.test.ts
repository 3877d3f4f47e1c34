import { describe, expect, it } from 'vitest';
import { diffLines } from '../../renderer/lineDiff';

const marks = (flags: boolean[]) => flags.map((f) => (f ? 'x' : '.')).join('');

describe('diffLines', () => {
  it('marks nothing for equal texts', () => {
    const d = diffLines(['a', 'b'], ['a', 'b']);
    expect(marks(d.changedA) + '|' + marks(d.changedB)).toBe('..|..');
  });

  it('marks replaced, inserted and deleted lines', () => {
    const d = diffLines(['title', 'one', 'two', 'three', 'end'], ['title', 'one', 'TWO', 'three', 'extra', 'end']);
    expect(marks(d.changedA)).toBe('..x..');
    expect(marks(d.changedB)).toBe('..x.x.');
  });

  it('handles one side empty', () => {
    expect(marks(diffLines([], ['a']).changedB)).toBe('x');
    expect(marks(diffLines(['a', 'b'], []).changedA)).toBe('xx');
  });

  it('gives up on line-level detail for huge middles but still marks them', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`);
    const d = diffLines(a, b);
    expect(d.changedA.every(Boolean)).toBe(true);
    expect(d.changedB.every(Boolean)).toBe(true);
  });
});
