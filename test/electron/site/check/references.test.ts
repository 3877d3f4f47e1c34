// Finding links and images with their offsets, including on inputs built to be slow.
import { describe, expect, it } from 'vitest';
import { markdown } from '../../../../electron/site/check/markdown';
import { positionsIn } from '../../../../electron/site/check/positions';
import { findReferences } from '../../../../electron/site/check/references';

const refs = (body: string) => findReferences(markdown.lex(body), body);

describe('findReferences', () => {
  it('gives each link and image its offset, skipping code and escaped brackets', () => {
    const body = 'A \\[x](y.md) `[x](y.md)` [x](y.md)\n\n> q [r](r.md\n> )\n\n[![alt](i.png)](p.md)\n\n~~~\n![no](n.png)\n~~~\n';
    const found = refs(body).map((r) => ({ ...r, at: body.slice(r.offset, r.offset + 3) }));
    expect(found).toEqual([
      { kind: 'link', href: 'y.md', text: 'x', offset: 25, at: '[x]' },
      { kind: 'link', href: 'r.md', text: 'r', offset: 40, at: '[r]' },
      { kind: 'link', href: 'p.md', text: '![alt](i.png)', offset: 54, at: '[![' },
      { kind: 'image', href: 'i.png', text: 'alt', offset: 55, at: '![a' },
    ]);
  });

  it('counts lines and columns from 1', () => {
    const at = positionsIn('ab\ncd\n\nef');
    expect([0, 1, 3, 6, 7, 8].map(at)).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 2 },
    ]);
  });

  // Finishing at all is the point (a regex or a search gone quadratic would not); speed is for benchmarks.
  it.each([
    ['50,000 [', '['.repeat(50_000), 0],
    ['deeply nested brackets', `${'['.repeat(20_000)}x${']'.repeat(20_000)}(a.md)`, 0],
    ['50,000 ![', '!['.repeat(25_000), 0],
    ['unclosed links', '[a]('.repeat(20_000), 0],
    ['nested link text', `${'[a '.repeat(5_000)}${'](b.md)'.repeat(5_000)}`, 1],
    ['many code spans in a quote', '> `a\n> b` [l](l.md)\n'.repeat(3_000), 3_000],
  ])('finishes on %s', (_name, body, count) => {
    const found = refs(body);
    expect(found).toHaveLength(count);
    for (const ref of found) expect(body.slice(ref.offset).startsWith('[')).toBe(true);
  });
});
