import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../common/bytes';

describe('formatBytes', () => {
  it('uses decimal units with one decimal, rounding up into the next unit', () => {
    expect([0, 999, 1000, 16_706, 999_949, 999_950, 15_100_000, 2e12].map(formatBytes)).toEqual([
      '0 B', '999 B', '1.0 kB', '16.7 kB', '999.9 kB', '1.0 MB', '15.1 MB', '2.0 TB',
    ]);
  });
});
