// A fast path for the front matter most posts have: flat `key: value` lines.
//
// The `yaml` package takes ~55 µs per front matter, half the time budget for
// listing 10,000 posts, so the common shapes are read here in a few µs. This is
// not a second YAML parser: it accepts only lines whose meaning under YAML 1.2
// core is unambiguous, and returns undefined for anything else (nesting, block
// scalars, anchors, tags, comments, numbers, escapes...), so the caller falls
// back to `yaml`. test/common/simple-yaml.test.ts checks it agrees with `yaml`.

const key = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
/** Words the core schema reads as null or booleans (anything else plain and letter-led is a string). */
const keywords: Record<string, null | boolean> = {
  null: null, Null: null, NULL: null,
  true: true, True: true, TRUE: true,
  false: false, False: false, FALSE: false,
};
/**
 * A plain scalar that starts with a letter and holds no YAML indicator that
 * could change its meaning; a colon only when no space follows (URLs, times).
 */
const plain = /^[\p{L}_](?:[^#:\t[\]{}]|:(?=[^ \t]))*$/u;
const listItem = /^( *)-(?: +(.*))?$/;
const blank = /^[ \t]*$/;
/** Dates and timestamps are plain strings under YAML 1.2 core. */
const isoDate = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const flowItem = /^[\p{L}_][\p{L}\p{N} _./-]*$/u;

export function parseSimpleYaml(source: string): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  /** The key whose empty value a block sequence (`  - item` lines) may still fill. */
  let listKey: string | undefined;
  let listIndent = -1;
  let start = 0;
  const length = source.length;
  while (start < length) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = length;
    const line = source.charCodeAt(end - 1) === 13 ? source.slice(start, end - 1) : source.slice(start, end);
    start = end + 1;
    if (blank.test(line)) continue;
    const item = listItem.exec(line);
    if (item) {
      const indent = item[1]!.length;
      if (listKey === undefined || (listIndent >= 0 && indent !== listIndent)) return undefined;
      const value = scalar(item[2]);
      if (value === undefined || Array.isArray(value)) return undefined;
      if (listIndent < 0) data[listKey] = [];
      listIndent = indent;
      (data[listKey] as unknown[]).push(value);
      continue;
    }
    const match = key.exec(line);
    if (!match) return undefined;
    const name = match[1]!;
    if (Object.hasOwn(keywords, name) || name === '__proto__' || Object.hasOwn(data, name)) return undefined;
    const value = scalar(match[2]);
    if (value === undefined) return undefined;
    data[name] = value;
    listKey = match[2] === undefined || blank.test(match[2]) ? name : undefined;
    listIndent = -1;
  }
  return data;
}

function scalar(raw: string | undefined): unknown {
  const text = raw === undefined ? '' : trimSpaces(raw);
  if (text === '') return null;
  const first = text.charCodeAt(0);
  if (first === 34 /* " */) return quoted(text, '"');
  if (first === 39 /* ' */) return quoted(text, "'");
  if (first === 91 /* [ */) return flowSequence(text);
  if (isoDate.test(text)) return text;
  if (!plain.test(text)) return undefined;
  if (Object.hasOwn(keywords, text)) return keywords[text];
  return text;
}

/** A quoted string with no escapes and no inner quote, nothing after it. */
function quoted(text: string, quote: string): string | undefined {
  if (text.length < 2 || text[text.length - 1] !== quote) return undefined;
  const inner = text.slice(1, -1);
  if (inner.includes(quote) || inner.includes('\\')) return undefined;
  return inner;
}

function flowSequence(text: string): string[] | undefined {
  if (text[text.length - 1] !== ']') return undefined;
  const inner = trimSpaces(text.slice(1, -1));
  if (inner === '') return [];
  const items: string[] = [];
  for (const part of inner.split(',')) {
    const item = trimSpaces(part);
    if (!flowItem.test(item) || Object.hasOwn(keywords, item)) return undefined;
    items.push(item);
  }
  return items;
}

/** YAML trims only spaces and tabs, not every Unicode space as trim() would. */
function trimSpaces(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}
