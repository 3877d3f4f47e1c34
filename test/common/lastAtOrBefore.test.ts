import { describe, expect, it } from 'vitest';
import { lastAtOrBefore } from '../../common/lastAtOrBefore';

/** The same question answered by a scan from the end: the reference the search must agree with. */
const scanned = (sorted: readonly number[], value: number) => {
  for (let i = sorted.length - 1; i > 0; i--) if (sorted[i]! <= value) return i;
  return 0;
};

describe('lastAtOrBefore', () => {
  it('finds the start at or before each offset, as a scan does', () => {
    const starts = [0, 3, 4, 10, 25, 26];
    for (let value = 0; value <= 30; value++) expect([value, lastAtOrBefore(starts, value)]).toEqual([value, scanned(starts, value)]);
  });

  it('gives a start its own index, and the last start for an offset past every one', () => {
    const starts = [0, 7, 19];
    expect(lastAtOrBefore(starts, 7)).toBe(1);
    expect(lastAtOrBefore(starts, 6)).toBe(0);
    expect(lastAtOrBefore(starts, 1_000)).toBe(2);
    expect(lastAtOrBefore([0], 5)).toBe(0);
  });
});
