import { describe, expect, it } from 'vitest';
import { countCharacters, countWords, readingMinutes } from '../../renderer/wordCount';

describe('countWords', () => {
  it('counts words, not marks', () => {
    expect(countWords('# Hello, *world*!\n\n- one\n- two')).toBe(4);
    expect(countWords("Don't stop: e-mail me — now.")).toBe(5);
    expect(countWords('')).toBe(0);
  });

  it('leaves the front matter out', () => {
    expect(countWords('---\ntitle: A long title here\ntags: [a, b]\n---\nJust three words')).toBe(3);
    expect(countWords('---\ntitle: x\n---')).toBe(0);
  });
});

describe('countCharacters', () => {
  it('counts the body, spaces included, line breaks not, an astral character once', () => {
    expect(countCharacters('---\ntitle: x\n---\nab c\r\nd')).toBe(5);
    expect(countCharacters('I 🧡 日本𠀋')).toBe(7);
    expect(countCharacters('')).toBe(0);
  });
});

describe('readingMinutes', () => {
  it('rounds at 230 words a minute, at least one', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(1326)).toBe(6);
  });
});
