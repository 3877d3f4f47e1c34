// TOML front matter (Hugo's `+++` fences), read with smol-toml and edited in
// place: a field edit replaces only that value's characters, so comments, key
// order, tables and spacing the author wrote stay as they were.
//
// smol-toml gives no source positions, so the parser itself decides where a
// value ends: the shortest run of the text after `key =` that parses alone as
// `key = …` is the value (a trailing `# comment` never parses as part of it).
import { parse, stringify, TomlDate, TomlError } from 'smol-toml';
import type { FrontMatterError } from '../types';

/** The fields of a TOML block: dates as the strings written, plain objects (no null prototypes). */
export function parseToml(source: string, firstLine: number): { data: Record<string, unknown>; error?: FrontMatterError } {
  try {
    return { data: plain(parse(source)) as Record<string, unknown> };
  } catch (error) {
    const line = error instanceof TomlError ? firstLine + error.line - 1 : firstLine;
    const reason = error instanceof Error ? error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '') : String(error);
    return {
      data: {},
      error: { message: `Front matter line ${line}: ${reason}. Fix the TOML there; until then its fields are ignored.`, line },
    };
  }
}

function plain(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // A key named __proto__ would set the prototype of a plain object.
      if (key !== '__proto__') out[key] = plain(item);
    }
    return out;
  }
  return value;
}

/** A top-level `key = value` found in the source: [valueStart, valueEnd) are the value's characters. */
interface TomlPair {
  valueStart: number;
  valueEnd: number;
  raw: string;
}

const keyLine = /^[ \t]*("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[A-Za-z0-9_-]+)[ \t]*=[ \t]*/gm;
const tableHeader = /^[ \t]*\[/m;

/** Where top-level keys end: the first `[table]` header, or the end of the block. */
export function topLevelEnd(source: string): number {
  const header = tableHeader.exec(source);
  return header ? header.index : source.length;
}

/** The top-level pair for `key`, if the source has one. */
export function findTomlPair(source: string, key: string): TomlPair | null {
  const end = topLevelEnd(source);
  keyLine.lastIndex = 0;
  for (let m = keyLine.exec(source); m && m.index < end; m = keyLine.exec(source)) {
    if (keyName(m[1]!) !== key) continue;
    const valueStart = m.index + m[0].length;
    const valueEnd = valueEndFrom(source, m[1]!, valueStart, end);
    if (valueEnd === null) return null;
    return { valueStart, valueEnd, raw: source.slice(valueStart, valueEnd) };
  }
  return null;
}

function keyName(written: string): string {
  if (written.startsWith('"')) return JSON.parse(written) as string;
  if (written.startsWith("'")) return written.slice(1, -1);
  return written;
}

/** The end of the value that starts at `start`: the shortest text that parses as `key = value`. */
function valueEndFrom(source: string, key: string, start: number, limit: number): number | null {
  for (let lineEnd = source.indexOf('\n', start); ; lineEnd = source.indexOf('\n', lineEnd + 1)) {
    const stop = lineEnd < 0 || lineEnd > limit ? limit : lineEnd;
    // Each `#` on the last line may start a comment; the value ends before the first one that leaves it parseable.
    const candidates: number[] = [];
    const lineStart = source.lastIndexOf('\n', stop - 1) + 1;
    for (let hash = source.indexOf('#', Math.max(start, lineStart)); hash >= 0 && hash < stop; hash = source.indexOf('#', hash + 1)) candidates.push(hash);
    candidates.push(stop);
    for (const end of candidates) {
      const value = source.slice(start, end).trimEnd();
      if (value !== '' && parses(`${key} = ${value}`)) return start + value.length;
    }
    if (stop >= limit) return null;
  }
}

function parses(text: string): boolean {
  try {
    parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A value as TOML: what smol-toml writes after `k = `. A date-like string keeps the bare date style it replaces. */
export function formatTomlValue(value: string | number | boolean | readonly string[], replacing?: string): string {
  if (typeof value === 'string' && replacing !== undefined && /^\d{4}-\d{2}-\d{2}/.test(replacing.trim()) && parses(`k = ${value}`)) {
    return value;
  }
  return stringify({ k: value }).replace(/^k = /, '').trimEnd();
}

/**
 * Sets one top-level field of a TOML block, changing only the value's text.
 * Returns the new block source. A missing key is added after the last
 * top-level line (before any `[table]`); null removes the pair's line.
 */
export function setTomlField(source: string, key: string, value: string | number | boolean | readonly string[] | null, eol: string): string {
  const pair = findTomlPair(source, key);
  if (pair) {
    if (value === null) {
      const lineStart = source.lastIndexOf('\n', pair.valueStart - 1) + 1;
      const lineEnd = source.indexOf('\n', pair.valueEnd);
      return source.slice(0, lineStart) + (lineEnd < 0 ? '' : source.slice(lineEnd + 1));
    }
    return source.slice(0, pair.valueStart) + formatTomlValue(value, pair.raw) + source.slice(pair.valueEnd);
  }
  if (value === null) return source;
  const at = topLevelEnd(source);
  const written = `${/^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key)} = ${formatTomlValue(value)}${eol}`;
  const needsBreak = at > 0 && source[at - 1] !== '\n';
  return source.slice(0, at) + (needsBreak ? eol : '') + written + source.slice(at);
}
