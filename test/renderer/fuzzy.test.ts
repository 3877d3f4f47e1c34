import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyMatch } from '../../renderer/fuzzy';

const titles = ['Format: Bold', 'Toggle focus mode', 'Format: Numbered list', 'File: New post', 'Editor font: Mono'];

describe('fuzzyMatch', () => {
  it('needs every query character in order, any case, spaces ignored', () => {
    expect(fuzzyMatch('bld', 'Format: Bold')).not.toBeNull();
    expect(fuzzyMatch('dlb', 'Format: Bold')).toBeNull();
    expect(fuzzyMatch('FOCUS mode', 'Toggle focus mode')).not.toBeNull();
    expect(fuzzyMatch('', 'anything')).toEqual({ score: 0, positions: [] });
  });

  it('returns the positions of the best alignment: word starts over earlier letters', () => {
    expect(fuzzyMatch('fm', 'Toggle focus mode')!.positions).toEqual([7, 13]);
    expect(fuzzyMatch('np', 'File: New post')!.positions).toEqual([6, 10]);
  });
});

describe('fuzzyFilter', () => {
  it('ranks word-start and contiguous matches first', () => {
    expect(fuzzyFilter(titles, 'fm', (t) => t).map((r) => r.item)[0]).toBe('Toggle focus mode');
    expect(fuzzyFilter(titles, 'bold', (t) => t).map((r) => r.item)).toEqual(['Format: Bold']);
    expect(fuzzyFilter(titles, 'new', (t) => t).map((r) => r.item)[0]).toBe('File: New post');
  });

  it('keeps the order for an empty query and drops what does not match', () => {
    expect(fuzzyFilter(titles, '', (t) => t).map((r) => r.item)).toEqual(titles);
    expect(fuzzyFilter(titles, 'zzz', (t) => t)).toEqual([]);
  });
});
