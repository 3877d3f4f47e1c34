// Slugs: the URL-safe name of a post, derived from its title.
//
// The result always matches the contract's `Slug` schema: lower-case letters
// (any script), digits, single hyphens between words.

/** Characters a slug may keep: lower-case or caseless letters, and digits. */
const keep = /[\p{Ll}\p{Lo}\p{N}]/u;
/** Accents NFKD splits off Latin, Greek and Cyrillic letters: dropped, so "Café" becomes "cafe". */
const accents = /[\u0300-\u036f]/g;
/** Other combining marks (e.g. Devanagari vowel signs) cannot appear in a slug the contract accepts. */
const mark = /\p{M}/u;
/** Apostrophes join a word rather than split it: "Don't" → "dont". */
const apostrophes = /['’ʼ`]/g;

const MAX_LENGTH = 80;

export function slugify(title: string): string {
  // Lower-case first: 'İ' lower-cases to 'i' plus a combining dot, which is then dropped.
  // NFC afterwards recomposes what must stay whole, like the kana "ブ" (フ + U+3099).
  const folded = title.toLowerCase().normalize('NFKD').replace(accents, '').normalize('NFC').replace(apostrophes, '');
  let slug = '';
  let pendingHyphen = false;
  for (const char of folded) {
    if (mark.test(char)) continue;
    if (keep.test(char)) {
      if (pendingHyphen && slug) slug += '-';
      pendingHyphen = false;
      slug += char;
    } else {
      pendingHyphen = true;
    }
  }
  return truncate(slug);
}

/** Cuts a long slug at a word boundary, so it never ends mid-word or on a hyphen. */
function truncate(slug: string): string {
  if (slug.length <= MAX_LENGTH) return slug;
  const cut = slug.slice(0, MAX_LENGTH);
  const hyphen = cut.lastIndexOf('-');
  return hyphen > MAX_LENGTH / 2 ? cut.slice(0, hyphen) : cut.replace(/-+$/, '');
}
