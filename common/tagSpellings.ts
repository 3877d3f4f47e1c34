// Tags that differ only in case ("Consulting", "consulting") are one tag to a
// reader, and one tag page on the site. The spelling most posts use wins (the
// first seen on a tie); the editor suggests it, and check names the others.

/** How tags are compared: case-folded, as the site's tag pages are. */
export const tagKey = (tag: string): string => tag.trim().toLocaleLowerCase('und');

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
