// Binary search over ascending start offsets: which line or block an offset
// falls in, without a scan of a long post's every line.

/** The index of the last of `sorted` (ascending, starting at or before `value`) that is at or before `value`. */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid]! <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}
