// Tags that differ only in case ("Consulting", "consulting") are one tag to a
// reader, and one tag page on the site. The spelling most posts use wins (the
// first seen on a tie); the editor suggests it, and check names the others.

/** Each tag's key, by the tag as written: a blog has few distinct tags, used by thousands of posts. */
const keys = new Map<string, string>();
/** Enough for any blog's tags; past it the memo starts again rather than grow without end. */
const MEMO_LIMIT = 10_000;

/** How tags are compared: case-folded, as the site's tag pages are. */
export function tagKey(tag: string): string {
  // Remembered: a locale-aware lower-casing costs about 20 µs a call, and a check of 10,000 posts made 90,000 (a seventh of its CPU).
  let key = keys.get(tag);
  if (key === undefined) {
    if (keys.size >= MEMO_LIMIT) keys.clear();
    key = tag.trim().toLocaleLowerCase('und');
    keys.set(tag, key);
  }
  return key;
}

/** Each tag's preferred spelling, by tagKey, from every post's tags. */
export function preferredSpellings(tagLists: readonly (readonly string[])[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const tags of tagLists) {
    for (const tag of new Set(tags)) {
      const spellings = counts.get(tagKey(tag)) ?? new Map<string, number>();
      spellings.set(tag, (spellings.get(tag) ?? 0) + 1);
      counts.set(tagKey(tag), spellings);
    }
  }
  const preferred = new Map<string, string>();
  for (const [key, spellings] of counts) {
    let best = '';
    let most = 0;
    for (const [spelling, n] of spellings) if (n > most) [best, most] = [spelling, n];
    preferred.set(key, best);
  }
  return preferred;
}
