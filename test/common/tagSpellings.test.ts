// Tag keys are remembered (a check of 10,000 posts asks for 90,000): the memo must
// answer as the case-folding does, for a tag seen before and after it starts again.
import { describe, expect, it } from 'vitest';
import { preferredSpellings, tagKey } from '../../common/tagSpellings';

describe('tag keys', () => {
  it('fold case and trim, the same on every call, past the memo limit too', () => {
    const tags = [' Ops ', 'İstanbul', 'ÉTÉ', 'Straße', 'ops'];
    const first = tags.map(tagKey);
    expect(first).toEqual(tags.map((tag) => tag.trim().toLocaleLowerCase('und')));
    expect(first[0]).toBe('ops');
    for (let i = 0; i < 25_000; i++) expect(tagKey(`Tag ${i}`)).toBe(`tag ${i}`);
    expect(tags.map(tagKey)).toEqual(first);
  });

  it('make the spelling most posts use the preferred one', () => {
    expect(preferredSpellings([['Ops'], ['ops'], ['ops', 'Writing']])).toEqual(new Map([['ops', 'ops'], ['writing', 'Writing']]));
  });
});
