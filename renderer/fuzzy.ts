// Fuzzy-ish matching for the palettes: the query's characters must appear in
// order; matches at word starts and in runs score higher, so "fm" finds
// "Focus mode" before "Format: …". A small dynamic programme over the best
// alignment (titles are short, so its n×m cost is nothing).

export interface FuzzyMatch {
  score: number;
  /** Indices in the text of the matched characters, for highlighting. */
  positions: number[];
}

const wordStart = 10;
const firstChar = 6;
const run = 8;
const gap = 1;

function isWordStart(text: string, i: number): boolean {
  if (i === 0) return true;
  const before = text[i - 1]!;
  return /[\s:\-_/.(]/.test(before) || (before === before.toLowerCase() && text[i] !== text[i]!.toLowerCase());
}

/** Null when `query` (spaces ignored, any case) is not a subsequence of `text`. */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const q = query.replace(/\s+/g, '').toLowerCase();
  if (!q) return { score: 0, positions: [] };
  const t = text.toLowerCase();
  const n = q.length;
  const m = t.length;
  // best[i][j]: best score with q[i] matched at t[j]; from[i][j]: where q[i-1] was matched.
  const best: Float64Array[] = [];
  const from: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    best.push(new Float64Array(m).fill(-Infinity));
    from.push(new Int32Array(m).fill(-1));
    for (let j = i; j < m; j++) {
      if (t[j] !== q[i]) continue;
      const bonus = 1 + (isWordStart(text, j) ? wordStart : 0) + (j === 0 ? firstChar : 0);
      if (i === 0) {
        best[0]![j] = bonus - j * gap * 0.1;
        continue;
      }
      let top = -Infinity;
      let at = -1;
      for (let k = i - 1; k < j; k++) {
        const prev = best[i - 1]![k]!;
        if (prev === -Infinity) continue;
        const score = prev + (k === j - 1 ? run : -(j - k - 1) * gap);
        if (score > top) {
          top = score;
          at = k;
        }
      }
      if (at >= 0) {
        best[i]![j] = top + bonus;
        from[i]![j] = at;
      }
    }
  }
  let end = -1;
  for (let j = 0; j < m; j++) if (best[n - 1]![j]! > (end < 0 ? -Infinity : best[n - 1]![end]!)) end = j;
  if (end < 0) return null;
  const positions: number[] = [];
  for (let i = n - 1, j = end; i >= 0; j = from[i]![j]!, i--) positions.unshift(j);
  return { score: best[n - 1]![end]!, positions };
}

/** The items that match, best first; ties keep their order. All items, in order, for an empty query. */
export function fuzzyFilter<T>(items: readonly T[], query: string, text: (item: T) => string): { item: T; match: FuzzyMatch }[] {
  const matched: { item: T; match: FuzzyMatch; index: number }[] = [];
  items.forEach((item, index) => {
    const match = fuzzyMatch(query, text(item));
    if (match) matched.push({ item, match, index });
  });
  return matched.sort((a, b) => b.match.score - a.match.score || a.index - b.index).map(({ item, match }) => ({ item, match }));
}
