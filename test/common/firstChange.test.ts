import { describe, expect, it } from 'vitest';
import { firstChange } from '../../common/firstChange';

describe('firstChange', () => {
  it('names the first line that differs, as the newer version has it', () => {
    expect(firstChange('a\nb\nc', 'a\nB, rewritten\nc')).toEqual({ line: 2, text: 'B, rewritten' });
    expect(firstChange('a\nb', 'a\nb\n\n  new paragraph  ')).toEqual({ line: 3, text: 'new paragraph' });
  });

  it('says where lines were removed, and null when nothing changed', () => {
    expect(firstChange('a\nb\nc', 'a')).toEqual({ line: 1, text: '' });
    expect(firstChange('same', 'same')).toBeNull();
  });

  it('cuts a long line short', () => {
    const change = firstChange('', 'x'.repeat(200));
    expect(change?.text).toHaveLength(80);
    expect(change?.text.endsWith('\u2026')).toBe(true);
  });
});
