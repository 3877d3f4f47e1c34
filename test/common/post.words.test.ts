// countWords (text) and countWordsUtf8 (bytes) must always agree.
import { describe, expect, it } from 'vitest';
import { countWords, countWordsUtf8 } from '../../common/words';

const encode = (s: string) => new TextEncoder().encode(s);

describe('countWordsUtf8', () => {
  it.each([
    '',
    'Hello world',
    '# Title\n\n- one\n- two\n',
    'déjà vu — «quoted» … ok',
    '日本語のテキスト and English',
    'emoji 😀 are letters here',
    '𠀀𠀁 ext-B ideographs',
    'nbsp\u00a0and\u3000ideographic space',
    'tabs\tand\r\nCRLF',
  ])('agrees with countWords on %j', (text) => {
    expect(countWordsUtf8(encode(text))).toBe(countWords(text));
  });

  it('agrees on random text', () => {
    const pieces = ['a', 'Z', '9', ' ', '\n', '-', '#', 'é', '—', '…', '日', 'カ', '😀', '\u00a0', '𠀀', '.', "'", 'ß', '\t', '\u2028'];
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    for (let i = 0; i < 2000; i++) {
      let text = '';
      for (let n = rnd(40); n > 0; n--) text += pieces[rnd(pieces.length)];
      expect(countWordsUtf8(encode(text)), JSON.stringify(text)).toBe(countWords(text));
    }
  });

  it('agrees at any memory alignment and start offset (it reads two bytes at a time)', () => {
    const text = 'one two, three — déjà 日本 four\tfive\nsix 😀 seven ';
    const bytes = encode(text);
    for (let offset = 0; offset < 4; offset++) {
      const backing = new Uint8Array(bytes.length + 8);
      backing.set(bytes, offset);
      const view = backing.subarray(offset, offset + bytes.length);
      expect(countWordsUtf8(view), `offset ${offset}`).toBe(countWords(text));
      for (let start = 0; start < 6; start++) {
        expect(countWordsUtf8(view, start), `offset ${offset} start ${start}`).toBe(countWordsUtf8(bytes.slice(start)));
      }
    }
  });

  it('counts only the given byte range', () => {
    const bytes = encode('one two three');
    expect(countWordsUtf8(bytes, 4)).toBe(2);
    expect(countWordsUtf8(bytes, 0, 3)).toBe(1);
  });
});
