// Which lines differ between two versions of a post, for the conflict dialog.
// A plain longest-common-subsequence over lines: posts are small, and the
// common head and tail (usually most of the text) are trimmed first.

export interface LineDiff {
  /** changedA[i] is true when line i of `a` is not in `b`. */
  changedA: boolean[];
  changedB: boolean[];
}

/** Above this many cells the middle is just marked changed; the dialog stays responsive. */
const cellBudget = 4_000_000;

export function diffLines(a: readonly string[], b: readonly string[]): LineDiff {
  const changedA = a.map(() => false);
  const changedB = b.map(() => false);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  if (n === 0 && m === 0) return { changedA, changedB };
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > cellBudget) {
    for (let i = 0; i < n; i++) changedA[head + i] = true;
    for (let j = 0; j < m; j++) changedB[head + j] = true;
    return { changedA, changedB };
  }
  // lcs[i][j] = length of the LCS of a[head+i..] and b[head+j..].
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[head + i] === b[head + j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[head + i] === b[head + j]) {
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      changedA[head + i++] = true;
    } else {
      changedB[head + j++] = true;
    }
  }
  while (i < n) changedA[head + i++] = true;
  while (j < m) changedB[head + j++] = true;
  return { changedA, changedB };
}
