// The fast path must agree with the `yaml` package on everything it accepts.
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseSimpleYaml } from '../../common/simple-yaml';

const full = (source: string): unknown => parseDocument(source, { version: '1.2', schema: 'core' }).toJS() ?? {};

const accepted = [
  'title: Hello world',
  'title: "Quoted: with colon"',
  "title: 'single'",
  'title: It\'s a plain scalar, with commas',
  'title: trailing spaces   ',
  'url: https://example.com/a?b=c',
  'date: 2020-01-02',
  'date: 2020-01-02T03:04:05Z',
  'date: 2020-01-02T03:04:05+02:00',
  'date: 2020-01-02 03:04',
  'draft: true\npublished: False',
  'empty:\nnull_word: null\ntilde_is_not_plain_letter: x',
  'tags: [a, b c, d-e, f.g, h/i]',
  'tags: []',
  'tags:\n  - a\n  - b',
  'tags:\n- a\n- "b"',
  'tags:\n  - a\n\n  - b\nnext: x',
  'title: Ünïcödé ✓',
  'title: "  spaced  "',
  'list_then_blank:\n\nx: y',
  'crlf: yes\r\nb: c\r\n',
];

const refused = [
  'n: 12',
  'starts_with_digit: 1x',
  'f: 1.5',
  'title: a # comment',
  'title: a: b',
  'nested:\n  a: b',
  'block: |\n  text',
  'anchor: &a x',
  'alias: *a',
  'tag: !!str x',
  'title: "escaped \\" quote"',
  "title: 'it''s'",
  'dup: a\ndup: b',
  'tags: [1, 2]',
  'tags: [a, [b]]',
  'tags:\n  - a\n    - b',
  'tags:\n  - 1',
  '- top level list',
  'key : spaced',
  'null: x',
  '__proto__: x',
  'x: ~',
  'x: .inf',
  'x: 0x10',
  'x: @reserved',
  'x: `reserved',
  'multi: line\n  continued',
  'x:\ty',
  'title: "unterminated',
];

describe('parseSimpleYaml', () => {
  it.each(accepted)('agrees with yaml on %j', (source) => {
    const simple = parseSimpleYaml(source);
    expect(simple, 'the fast path should accept this').toBeDefined();
    expect(simple).toEqual(full(source));
  });

  it.each(refused)('leaves %j to the yaml package', (source) => {
    expect(parseSimpleYaml(source)).toBeUndefined();
  });

  it('never disagrees with yaml on generated lines', () => {
    // Random lines over the characters that matter to YAML; the fast path may refuse, never differ.
    const alphabet = ['a', 'B', '1', ' ', ':', '-', '#', '"', "'", '[', ']', ',', '.', 'é', '_', 'true', 'null', '2020-01-02', '\t', '/', '!', '&', '*'];
    let seed = 42;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    let accepted = 0;
    for (let i = 0; i < 5000; i++) {
      const lines: string[] = [];
      for (let l = rnd(4) + 1; l > 0; l--) {
        let value = '';
        for (let c = rnd(8); c > 0; c--) value += alphabet[rnd(alphabet.length)];
        lines.push(rnd(5) === 0 ? `  - ${value}` : `k${rnd(6)}: ${value}`);
      }
      const source = lines.join('\n');
      const simple = parseSimpleYaml(source);
      if (simple === undefined) continue;
      accepted++;
      const doc = parseDocument(source, { version: '1.2', schema: 'core' });
      expect(doc.errors, source).toEqual([]);
      expect(simple, source).toEqual(doc.toJS() ?? {});
    }
    expect(accepted).toBeGreaterThan(500);
  });
});
