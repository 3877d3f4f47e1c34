// Which three-character sequences a post's text holds, as a fingerprint of
// 8,192 bits (a Bloom filter with one hash per trigram). A query whose every
// trigram is set may be in the post; a query with one trigram missing is
// certainly not, so a search skips most posts without scanning their text.
// Each fingerprint is 1 KiB: 10 MiB for 10,000 posts, beside ~100 MB of text.

const BITS = 8192;
const SHIFT = 32 - Math.log2(BITS);

/** The bit for the trigram at `i` (a multiplicative hash of its three UTF-16 code units). */
function bitAt(text: string, i: number): number {
  const h = Math.imul(text.charCodeAt(i), 0x9e3779b1) ^ Math.imul(text.charCodeAt(i + 1), 0x85ebca77) ^ Math.imul(text.charCodeAt(i + 2), 0xc2b2ae3d);
  return h >>> SHIFT;
}

/** The fingerprint of a (lower-cased) text. */
export function trigramFilter(folded: string): Uint32Array {
  const filter = new Uint32Array(BITS / 32);
  for (let i = 0; i + 2 < folded.length; i++) {
    const bit = bitAt(folded, i);
    filter[bit >>> 5]! |= 1 << (bit & 31);
  }
  return filter;
}

/** The bits a (lower-cased) query needs; none for a query shorter than three characters. */
export function queryBits(folded: string): number[] {
  const bits = new Set<number>();
  for (let i = 0; i + 2 < folded.length; i++) bits.add(bitAt(folded, i));
  return [...bits];
}

/** False when the text certainly lacks the query; true when it may hold it. */
export function mayContain(filter: Uint32Array, bits: readonly number[]): boolean {
  for (const bit of bits) if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
  return true;
}
