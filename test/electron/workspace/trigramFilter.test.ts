import { describe, expect, it } from 'vitest';
import { mayContain, queryBits, trigramFilter } from '../../../electron/workspace/trigramFilter';

/** A deterministic text generator (a linear congruential generator), so a failure can be replayed. */
function words(seed: number, count: number): string {
  const vocabulary = ['retry', 'budget', 'cache', 'the', 'ÿes', 'naïve', 'über', '日本語', 'x', 'deploy', '\n', '  '];
  let state = seed;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out.push(vocabulary[state % vocabulary.length]!);
  }
  return out.join(' ');
}

describe('trigramFilter', () => {
  it('never rules out a text that holds the query (no false negatives)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const text = words(seed, 400).toLowerCase();
      const filter = trigramFilter(text);
      for (let from = 0; from + 3 <= text.length; from += 7) {
        const query = text.slice(from, from + 3 + (from % 12));
        expect(mayContain(filter, queryBits(query)), `seed ${seed}, ${JSON.stringify(query)}`).toBe(true);
      }
    }
  });

  it('rules out a text that lacks one of the query trigrams', () => {
    const filter = trigramFilter('the retry budget ran out');
    expect(mayContain(filter, queryBits('zebra crossing'))).toBe(false);
    expect(mayContain(filter, queryBits('budget'))).toBe(true);
  });

  it('needs no trigram for a query shorter than three characters: every text may hold it', () => {
    expect(queryBits('ab')).toEqual([]);
    expect(mayContain(trigramFilter(''), queryBits('ab'))).toBe(true);
  });
});
