import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Slug } from '../../common/api';
import {
  countWords,
  findFrontMatter,
  firstHeading,
  frontMatterQuoteStyle,
  frontMatterTags,
  normalizeDate,
  parsePost,
  setFrontMatterField,
  slugify,
} from '../../common/post';

describe('parsePost', () => {
  it('reads YAML front matter and returns the body after it', () => {
    const text = '---\ntitle: Hello\ndate: 2020-01-02\ntags:\n  - a\n  - b\n---\n# Hi\n\nBody.\n';
    const parsed = parsePost(text);
    expect(parsed.data).toEqual({ title: 'Hello', date: '2020-01-02', tags: ['a', 'b'] });
    expect(parsed.body).toBe('# Hi\n\nBody.\n');
    expect(text.slice(parsed.bodyStart)).toBe(parsed.body);
    expect(parsed.error).toBeUndefined();
  });

  it('keeps dates and timestamps as the strings written (YAML 1.2 core)', () => {
    const { data } = parsePost('---\ndate: 2020-01-02\nupdated: 2020-01-02T10:20:30Z\nn: 12\nyes_word: yes\n---\n');
    expect(data).toEqual({ date: '2020-01-02', updated: '2020-01-02T10:20:30Z', n: 12, yes_word: 'yes' });
  });

  it('handles text without front matter, with a BOM, and with CRLF', () => {
    expect(parsePost('Just text').data).toEqual({});
    expect(parsePost('Just text').body).toBe('Just text');
    const crlf = parsePost('\uFEFF---\r\ntitle: Hi\r\n---\r\nBody\r\n');
    expect(crlf.data).toEqual({ title: 'Hi' });
    expect(crlf.body).toBe('Body\r\n');
  });

  it('reads front matter after blank lines, as Hugo does (gohugo.io news posts start so), and counts lines from the file', () => {
    const text = '\n\t\n---\ntitle: "Hugo 0.62.2"\ndraft: true\n---\nBody\n';
    const parsed = parsePost(text);
    expect(parsed.data).toEqual({ title: 'Hugo 0.62.2', draft: true });
    expect(parsed.body).toBe('Body\n');
    expect(parsePost('\n+++\ntitle = "T"\n+++\nB').data).toEqual({ title: 'T' });
    expect(parsePost('\n\n---\ntitle: ok\nauthor: a: b\n---\nbody').error?.line).toBe(5);
    // Blank lines before text that is not a fence stay in the body.
    expect(parsePost('\n\nJust text').body).toBe('\n\nJust text');
  });

  it('reports broken YAML with the 1-based line in the file, and keeps the body', () => {
    const parsed = parsePost('---\ntitle: ok\nauthor: a: b\n---\nbody');
    expect(parsed.error?.line).toBe(3);
    expect(parsed.error?.message).toMatch(/line 3/);
    expect(parsed.data).toEqual({});
    expect(parsed.body).toBe('body');
  });

  it('reports duplicate keys and non-mapping front matter', () => {
    expect(parsePost('---\na: 1\na: 2\n---\n').error?.line).toBe(3);
    expect(parsePost('---\n- a\n- b\n---\n').error?.message).toMatch(/key: value/);
  });

  it('caps alias expansion ("billion laughs")', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const parsed = parsePost(`---\n${bomb.join('\n')}\n---\n`);
    expect(parsed.error?.message).toMatch(/alias/i);
  });

  it('reports a missing closing fence', () => {
    const parsed = parsePost('---\ntitle: x\nno end');
    expect(parsed.error?.message).toMatch(/no closing ---/);
    expect(parsed.error?.line).toBe(1);
  });

  it('never evaluates ---js front matter and keeps its code out of the body', () => {
    const marker = `__postwright_pwned_${Math.random().toString(36).slice(2)}`;
    const text = `---js\n{ title: (globalThis["${marker}"] = "ran") }\n---\n# Body heading\n`;
    const parsed = parsePost(text);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
    expect(parsed.error?.message).toMatch(/never runs code/);
    expect(parsed.data).toEqual({});
    expect(parsed.body).toBe('# Body heading\n');
    expect(parsePost('---javascript\nx\n---\n').error?.message).toMatch(/never runs code/);
    expect(parsePost('---js\nnever closed').body).toBe('');
  });

  it('reports ;;; and other languages as not supported', () => {
    expect(parsePost(';;;\n"title": "x"\n;;;\nbody').error?.message).toMatch(/not supported/);
    expect(parsePost('---coffee\ntitle: "x"\n---\n').error?.message).toMatch(/never runs code/);
    expect(parsePost('---ini\ntitle=x\n---\n').error?.message).toMatch(/"ini" is not supported/);
  });

  it('accepts ---yaml and a ... closing fence', () => {
    expect(parsePost('---yaml\ntitle: x\n...\nbody').data).toEqual({ title: 'x' });
  });

  it('does not let __proto__ in front matter pollute prototypes', () => {
    const { data } = parsePost('---\n__proto__:\n  polluted: yes\n---\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });
});

describe('findFrontMatter', () => {
  it('does not take a thematic break (----) for a fence', () => {
    expect(findFrontMatter('----\ntext').kind).toBe('none');
  });
});

describe('firstHeading', () => {
  it('finds the first level-1 ATX heading outside code fences', () => {
    expect(firstHeading('intro\n```sh\n# not a heading\n```\n## sub\n# Real one #\n')).toBe('Real one');
    expect(firstHeading('no headings')).toBeNull();
    expect(firstHeading('#hashtag\n')).toBeNull();
  });
});

describe('normalizeDate', () => {
  it('normalises dates and times', () => {
    expect(normalizeDate('2020-1-2')).toBe('2020-01-02');
    expect(normalizeDate('2020-01-02 03:04:05 +0200')).toBe('2020-01-02T03:04:05+02:00');
    expect(normalizeDate('2020-01-02T03:04Z')).toBe('2020-01-02T03:04Z');
    expect(normalizeDate('yesterday')).toBeNull();
    expect(normalizeDate(2020)).toBeNull();
  });
});

describe('slugify', () => {
  it('lower-cases, hyphenates and strips accents and punctuation', () => {
    expect(slugify('Hello, World!')).toBe('hello-world');
    expect(slugify('Café crème — à la carte')).toBe('cafe-creme-a-la-carte');
    expect(slugify("Don't panic")).toBe('dont-panic');
    expect(slugify('İstanbul')).toBe('istanbul');
    expect(slugify('  --Multiple   spaces--  ')).toBe('multiple-spaces');
    expect(slugify('!!!')).toBe('');
  });

  it('keeps letters of other scripts', () => {
    expect(slugify('日本語のブログ')).toBe('日本語のブログ');
    expect(slugify('Привет мир')).toBe('привет-мир');
    expect(slugify('Straße')).toBe('straße');
  });

  it('always produces a slug the contract accepts, and cuts long ones at a word', () => {
    for (const title of ['Hello, World!', 'Ελληνικά κείμενα', 'a'.repeat(300), 'word '.repeat(40), 'ǅungla ʰmod', 'x²']) {
      const slug = slugify(title);
      expect(slug.length).toBeLessThanOrEqual(80);
      expect(Slug.safeParse(slug).success, slug).toBe(true);
    }
    expect(slugify('word '.repeat(40)).endsWith('word')).toBe(true);
  });
});

describe('countWords', () => {
  it('counts runs with a letter or digit, not bare Markdown syntax', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('Hello world')).toBe(2);
    expect(countWords('# Title\n\n- one\n- two\n\n---\n| a | b |')).toBe(5);
    expect(countWords("don't stop—ever, 42 times")).toBe(4);
    expect(countWords('a — b … c')).toBe(3);
  });

  it('counts CJK characters one each and non-ASCII letters as letters', () => {
    expect(countWords('日本語')).toBe(3);
    expect(countWords('déjà vu')).toBe(2);
    expect(countWords('mixed日本text')).toBe(4);
    expect(countWords('non\u00a0breaking')).toBe(2);
  });
});

describe('setFrontMatterField', () => {
  it('replaces only the value, keeping comments, quotes and other lines byte for byte', () => {
    const text = '---\ntitle:   Hello   # keep me\nslug: "old"\nweird:    {a: 1}\n---\nbody\n';
    expect(setFrontMatterField(text, 'slug', 'new-one')).toBe('---\ntitle:   Hello   # keep me\nslug: "new-one"\nweird:    {a: 1}\n---\nbody\n');
    expect(setFrontMatterField(text, 'title', 'Bye')).toBe('---\ntitle:   Bye   # keep me\nslug: "old"\nweird:    {a: 1}\n---\nbody\n');
  });

  it('quotes values only when YAML needs it', () => {
    const text = '---\ntitle: x\n---\n';
    expect(setFrontMatterField(text, 'title', 'a: b')).toBe('---\ntitle: "a: b"\n---\n');
    expect(setFrontMatterField(text, 'title', 'Hello, world')).toBe('---\ntitle: Hello, world\n---\n');
    expect(setFrontMatterField(text, 'title', 'true')).toBe('---\ntitle: "true"\n---\n');
    expect(setFrontMatterField(text, 'title', 'yes')).toBe('---\ntitle: "yes"\n---\n');
    expect(setFrontMatterField(text, 'title', 'two\nlines')).toBe('---\ntitle: "two\\nlines"\n---\n');
    expect(setFrontMatterField(text, 'draft', true)).toBe('---\ntitle: x\ndraft: true\n---\n');
  });

  it('appends a missing key before the closing fence', () => {
    expect(setFrontMatterField('---\ntitle: x\n---\nbody', 'slug', 'ok')).toBe('---\ntitle: x\nslug: ok\n---\nbody');
    expect(setFrontMatterField('---\n---\nbody', 'slug', 'ok')).toBe('---\nslug: ok\n---\nbody');
  });

  it('creates front matter when there is none, keeping a BOM in front', () => {
    expect(setFrontMatterField('body', 'title', 'T')).toBe('---\ntitle: T\n---\nbody');
    expect(setFrontMatterField('\uFEFFbody', 'title', 'T')).toBe('\uFEFF---\ntitle: T\n---\nbody');
  });

  it('replaces empty values, block scalars and block sequences', () => {
    expect(setFrontMatterField('---\nslug:\nx: 1\n---\n', 'slug', 's')).toBe('---\nslug: s\nx: 1\n---\n');
    expect(setFrontMatterField('---\nd: |\n  a\n  b\nx: 1\n---\n', 'd', 'line')).toBe('---\nd: line\nx: 1\n---\n');
    expect(setFrontMatterField('---\ntags:\n  - a\n  - b\nx: 1\n---\n', 'tags', ['c', 'd e'])).toBe('---\ntags:\n  - c\n  - d e\nx: 1\n---\n');
    expect(setFrontMatterField('---\nmeta:\n  a: 1\nx: 1\n---\n', 'meta', 'flat')).toBe('---\nmeta: flat\nx: 1\n---\n');
  });

  it('keeps CRLF line endings when adding a key', () => {
    expect(setFrontMatterField('---\r\ntitle: x\r\n---\r\nbody', 'slug', 'ok')).toBe('---\r\ntitle: x\r\nslug: ok\r\n---\r\nbody');
  });

  it('produces YAML that reads back the value it was given', () => {
    for (const value of ['plain', 'with: colon', 'a, b', '[a]', '{a}', 'x]', "it's", '"quoted"', '#hash', '- dash', '2024-01-02', '', 'null', '@at', 'tab\there']) {
      const out = setFrontMatterField('---\nk: old\n---\n', 'k', value);
      expect(parsePost(out).data.k, JSON.stringify(out)).toBe(value);
      const block = findFrontMatter(out);
      if (block.kind !== 'yaml') throw new Error('lost the front matter');
      expect(parseDocument(out.slice(block.contentStart, block.contentEnd)).errors).toEqual([]);
    }
  });

  it('refuses to edit front matter it cannot read', () => {
    expect(() => setFrontMatterField('---js\nx\n---\n', 'slug', 'y')).toThrow(/never runs code/);
    expect(() => setFrontMatterField('---\na: [\n---\n', 'slug', 'y')).toThrow(/Cannot set "slug"/);
  });

  it('empties a value with null, keeping the key and its comment, and adds nothing for a missing key', () => {
    expect(setFrontMatterField('---\ntitle: Hello   # c\nx: 1\n---\n', 'title', null)).toBe('---\ntitle:   # c\nx: 1\n---\n');
    expect(setFrontMatterField('---\ntitle: "Hi"\n---\n', 'title', null)).toBe('---\ntitle:\n---\n');
    expect(setFrontMatterField('---\nx: 1\n---\n', 'title', null)).toBe('---\nx: 1\n---\n');
    expect(setFrontMatterField('body', 'title', null)).toBe('body');
    expect(parsePost(setFrontMatterField('---\ntitle: Hello\n---\n', 'title', null)).data).toEqual({ title: null });
  });

  it('keeps a block list a block list, at its indent', () => {
    expect(setFrontMatterField('---\ntags:\n  - a\n  - b\nx: 1\n---\n', 'tags', ['a', 'b', 'c: d'])).toBe(
      '---\ntags:\n  - a\n  - b\n  - "c: d"\nx: 1\n---\n',
    );
    expect(setFrontMatterField('---\ntags:\n- a\n---\n', 'tags', ['z'])).toBe('---\ntags:\n- z\n---\n');
    expect(setFrontMatterField('---\r\ntags:\r\n  - a\r\n---\r\n', 'tags', ['a', 'b'])).toBe('---\r\ntags:\r\n  - a\r\n  - b\r\n---\r\n');
    // An empty list cannot be a block list.
    expect(setFrontMatterField('---\ntags:\n  - a\nx: 1\n---\n', 'tags', [])).toBe('---\ntags: []\nx: 1\n---\n');
    expect(setFrontMatterField('---\ntags: [a]\n---\n', 'tags', ['a', 'b'])).toBe('---\ntags: [a, b]\n---\n');
  });

  it('writes in the quote style asked for where YAML allows it', () => {
    expect(setFrontMatterField('---\ntitle: "Hello "\n---\n', 'title', 'Hello W', 'plain')).toBe('---\ntitle: Hello W\n---\n');
    expect(setFrontMatterField('---\ntitle: Hello\n---\n', 'title', 'Hello ', 'plain')).toBe('---\ntitle: "Hello "\n---\n');
    expect(setFrontMatterField('---\ntitle: Hello\n---\n', 'title', 'Hi', 'single')).toBe("---\ntitle: 'Hi'\n---\n");
  });
});

describe('frontMatterQuoteStyle', () => {
  it("says how a field's value is quoted", () => {
    const text = "---\na: plain\nb: \"double\"\nc: 'single'\nd:\ne: [x]\n---\n";
    expect(['a', 'b', 'c', 'd', 'e', 'missing'].map((key) => frontMatterQuoteStyle(text, key))).toEqual(['plain', 'double', 'single', null, null, null]);
    expect(frontMatterQuoteStyle('no front matter', 'a')).toBeNull();
    expect(frontMatterQuoteStyle('+++\na = "x"\n+++\n', 'a')).toBeNull();
    expect(() => frontMatterQuoteStyle('{\n"a": 1\n}\n', 'a')).toThrow(/JSON front matter is read-only/);
  });
});

describe('frontMatterTags', () => {
  it('reads a list, a comma list or a space list, dropping empty tags', () => {
    expect(frontMatterTags(['a', ' b ', '', 3])).toEqual(['a', 'b', '3']);
    expect(frontMatterTags('one two, three')).toEqual(['one two', 'three']);
    expect(frontMatterTags('one  two')).toEqual(['one', 'two']);
    expect(frontMatterTags({ a: 1 })).toEqual([]);
  });
});
