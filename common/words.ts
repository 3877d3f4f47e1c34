// Word count, in one pass: it runs on every post at every list, so it must
// not allocate (no split, no big regex).
//
// A word is a run of non-space characters that holds at least one letter or
// digit, so Markdown syntax on its own ("#", "-", "|", "---") does not count.
// Chinese and Japanese characters count one word each, as word processors do.
//
// Two entry points that must agree exactly: countWords() for text (the
// editor), countWordsUtf8() for bytes straight from disk (the post list, which
// then never has to decode a whole file). test/common/words.test.ts checks it.

const SPACE = 0;
const WORD = 1;
const OTHER = 2;
const IDEOGRAPH = 3;
/** Not ASCII: look closer (decode the character). */
const BEYOND = 4;

/** Class of each byte or ASCII code unit: one table lookup per character in the common case. */
const byteClass = new Uint8Array(256).fill(BEYOND);
byteClass.fill(OTHER, 33, 128);
byteClass.fill(SPACE, 0, 33);
byteClass.fill(WORD, 48, 58);
byteClass.fill(WORD, 65, 91);
byteClass.fill(WORD, 97, 123);

/**
 * What a character of each class does from either state (1 while the current run has a letter or
 * digit): (words added << 1) | state after, at [class << 1 | state]. A space ends a run, a letter or
 * digit starts or continues one, other marks change nothing, and an ideograph is a word of its own.
 */
const STEP = Uint8Array.of(
  0, 2, // SPACE
  1, 1, // WORD
  0, 1, // OTHER
  2, 4, // IDEOGRAPH
);

/** The class of a character beyond ASCII, by UTF-16 code unit (and code point: they agree below U+10000). */
function classify(c: number): number {
  if (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  ) {
    return SPACE;
  }
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x3040 && c <= 0x30ff)) {
    return IDEOGRAPH; // CJK unified ideographs, hiragana, katakana
  }
  // Latin-1 and general punctuation: "—", "«", "…" on their own are not words.
  if ((c >= 0x80 && c <= 0xbf) || c === 0xd7 || c === 0xf7 || (c >= 0x2010 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f)) {
    return OTHER;
  }
  return WORD;
}

export function countWords(text: string): number {
  let words = 0;
  let inWord = 0; // 1 while the current run has a letter or digit
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    let kind = c < 128 ? byteClass[c]! : BEYOND;
    if (kind === BEYOND) {
      if (c >= 0xd840 && c <= 0xd87f) {
        kind = IDEOGRAPH; // high surrogate of CJK extension planes, U+20000–U+2FFFF
        i++;
      } else kind = classify(c);
    }
    const step = STEP[(kind << 1) | inWord]!;
    words += step >> 1;
    inWord = step & 1;
  }
  return words + inWord;
}

/**
 * Two ASCII bytes at a time: for each pair, what it does from either state,
 * packed as nibbles (state 0 in bits 0-3, state 1 in bits 4-7), each nibble
 * being (words added << 1 | state after). SLOW marks pairs with a byte that
 * is not ASCII. One lookup per two bytes, and no branch on the text: this
 * halves the time of the post list's main cost.
 */
const SLOW = 0xffff;
const pairs = new Uint16Array(65536);
for (let pair = 0; pair < 65536; pair++) {
  const first = byteClass[pair & 0xff]!; // little-endian: the first byte is the low one
  const second = byteClass[pair >> 8]!;
  if (first === BEYOND || second === BEYOND) {
    pairs[pair] = SLOW;
    continue;
  }
  let packed = 0;
  for (let state = 0; state <= 1; state++) {
    let words = 0;
    let inWord = state;
    for (const kind of [first, second]) {
      const step = STEP[(kind << 1) | inWord]!;
      words += step >> 1;
      inWord = step & 1;
    }
    packed |= ((words << 1) | inWord) << (state * 4);
  }
  pairs[pair] = packed;
}
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** countWords() over UTF-8 bytes [start, end), without decoding them to a string. */
export function countWordsUtf8(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let words = 0;
  let inWord = 0;
  // A 16-bit view of the same memory, from an even address; pair k covers bytes base+2k, base+2k+1.
  const base = bytes.byteOffset & ~1;
  const shift = bytes.byteOffset - base;
  const halves = littleEndian ? new Uint16Array(bytes.buffer, base, (shift + bytes.length) >> 1) : null;
  let i = start;
  while (i < end) {
    if (halves && ((shift + i) & 1) === 0 && i + 1 < end) {
      const packed = pairs[halves[(shift + i) >> 1]!]!;
      if (packed !== SLOW) {
        const step = (packed >> (inWord << 2)) & 15;
        words += step >> 1;
        inWord = step & 1;
        i += 2;
        continue;
      }
    }
    // One character, byte by byte: odd positions, the last byte, and anything beyond ASCII.
    let kind = byteClass[bytes[i]!]!;
    if (kind === BEYOND) {
      const b = bytes[i]!;
      // Decode one code point; malformed bytes count as letters (callers validate first).
      let cp: number;
      if (b >= 0xf0 && i + 3 < end) {
        cp = ((b & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f);
        i += 3;
      } else if (b >= 0xe0 && i + 2 < end) {
        cp = ((b & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
        i += 2;
      } else if (b >= 0xc0 && i + 1 < end) {
        cp = ((b & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
        i += 1;
      } else {
        cp = 0xfffd;
      }
      kind = cp >= 0x10000 ? (cp >= 0x20000 && cp <= 0x2ffff ? IDEOGRAPH : WORD) : classify(cp);
    }
    i++;
    const step = STEP[(kind << 1) | inWord]!;
    words += step >> 1;
    inWord = step & 1;
  }
  return words + inWord;
}

/** Minutes to read at 230 words a minute, at least 1 for any text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 230));
}
