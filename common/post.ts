// The front-matter model of a post: pure functions over its text, shared by
// the backend (listing, renaming) and the editor (live title, field edits).
//
// Front matter is YAML between `---` lines (read with YAML 1.2 core so dates
// stay the strings the author wrote), TOML between `+++` lines, or JSON (a
// `{` … `}` object, or `---json` fences). Nothing here ever evaluates a post:
// `---js` blocks and other formats are reported, never run.
import { Document, isMap, isScalar, isCollection, isSeq, parseDocument, Scalar } from 'yaml';
import type { FrontMatterError } from './types';
import { ApiError, errorMessage } from './errors';
import { fieldOf, keyAsWritten } from './frontMatter/keys';
import { jsonObjectEnd, parseJson } from './frontMatter/json';
import { parseToml, setTomlField } from './frontMatter/toml';

export { slugify } from './slug';
export { countWords } from './words';

export interface ParsedPost {
  /** Front-matter keys and values; empty when there is none or it could not be read. */
  data: Record<string, unknown>;
  /** The text after the front matter. */
  body: string;
  /** Offset of `body` in the text. */
  bodyStart: number;
  /** Why the front matter could not be read; the post is still usable. */
  error?: FrontMatterError;
}

/** Where the front matter sits in a text, found by its fences alone. */
export type FrontMatterBlock =
  | { kind: 'none'; bodyStart: number }
  /** The fields' text in [contentStart, contentEnd); for fenced blocks contentEnd is where the closing fence line starts. */
  | { kind: FrontMatterLanguage; contentStart: number; contentEnd: number; contentLine: number; bodyStart: number }
  /** Unreadable: another language, or (`unclosed`) no closing fence. */
  | { kind: 'unsupported'; message: string; line: number; bodyStart: number; unclosed?: true };

/** The front-matter languages Postwright reads. */
export type FrontMatterLanguage = 'yaml' | 'toml' | 'json';

const EXECUTABLE =
  'Executable front matter is not supported; Postwright never runs code from a post. Rewrite it as YAML between --- lines to edit its fields here.';

const yamlOpen = /^---[ \t]*(?:ya?ml[ \t]*)?$/;
const langOpen = /^---[ \t]*([A-Za-z][\w-]*)[ \t]*$/;
const executable = /^(?:js|javascript|cjs|mjs|jsx|ts|typescript|tsx|node|coffee|coffeescript)$/i;
const yamlClose = /^(?:---|\.\.\.)[ \t]*$/;

/** Blank lines, then a line that opens front matter: what Hugo's page lexer passes over to reach the fence. */
const LEADING_BLANK_LINES = /^(?:[ \t]*\r?\n)+(?=---|\+\+\+|\{|;;;)/;

/** Finds the front-matter fences. Tolerates a BOM, CRLF line endings and blank lines before the opening fence. */
export function findFrontMatter(text: string): FrontMatterBlock {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Hugo reads front matter after blank lines (gohugo.io's own news posts start with one); read as
  // none, such a post would lose its title, date and draft flag and be published.
  const blank = LEADING_BLANK_LINES.exec(text.slice(bom))?.[0] ?? '';
  const start = bom + blank.length;
  /** The opening fence's 1-based line. */
  const line = 1 + (blank.match(/\n/g)?.length ?? 0);
  const first = readLine(text, start);
  const opening = first.line;
  let close: RegExp;
  let kind: FrontMatterLanguage = 'yaml';
  let onUnsupported: ((bodyStart: number) => FrontMatterBlock) | undefined;
  if (yamlOpen.test(opening)) {
    close = yamlClose;
  } else if (/^---[ \t]*json[ \t]*$/i.test(opening)) {
    // Eleventy's ---json fences.
    close = /^---[ \t]*$/;
    kind = 'json';
  } else if (opening.startsWith('---') && langOpen.test(opening)) {
    const lang = langOpen.exec(opening)![1]!;
    close = /^---[ \t]*$/;
    const message = executable.test(lang)
      ? EXECUTABLE
      : `Front matter in "${lang}" is not supported; Postwright reads YAML (---), TOML (+++) and JSON. The file was left as it is.`;
    onUnsupported = (bodyStart) => ({ kind: 'unsupported', message, line, bodyStart });
  } else if (/^\+\+\+[ \t]*$/.test(opening)) {
    close = /^\+\+\+[ \t]*$/;
    kind = 'toml';
  } else if (/^\{[ \t]*$/.test(opening)) {
    // Hugo's JSON front matter: the object itself, with no fences.
    const end = jsonObjectEnd(text, start);
    if (end) return { kind: 'json', contentStart: start, contentEnd: end.contentEnd, contentLine: line, bodyStart: end.bodyStart };
    return {
      kind: 'unsupported',
      message: `The JSON front matter that starts on line ${line} has no closing } line, or is not valid JSON. End the object with a line holding just }.`,
      line,
      bodyStart: text.length,
      unclosed: true,
    };
  } else if (/^;;;[ \t]*$/.test(opening)) {
    close = /^;;;[ \t]*$/;
    onUnsupported = (bodyStart) => ({
      kind: 'unsupported',
      message: ';;; front matter is not supported; Postwright reads YAML (---), TOML (+++) and JSON, and never runs code from a post.',
      line,
      bodyStart,
    });
  } else {
    return { kind: 'none', bodyStart: bom };
  }

  for (let position = first.next; position < text.length; ) {
    const { line: fence, next } = readLine(text, position);
    if (close.test(fence)) {
      if (onUnsupported) return onUnsupported(next);
      return { kind, contentStart: first.next, contentEnd: position, contentLine: line + 1, bodyStart: next };
    }
    position = next;
  }
  // No closing fence. Executable or foreign blocks are not scanned as Markdown:
  // their whole text stays out of the body.
  if (onUnsupported) return { ...onUnsupported(text.length), unclosed: true } as FrontMatterBlock;
  const fence = kind === 'toml' ? '+++' : '---';
  return {
    kind: 'unsupported',
    message: `The front matter that starts on line ${line} has no closing ${fence} line. Add a line with just ${fence} after the last field.`,
    line,
    bodyStart: first.next,
    unclosed: true,
  };
}

/**
 * Whether findFrontMatter's answer for `prefix` holds for any longer text that
 * starts with it: the line that decided it (the first line, or the closing
 * fence) ended inside the prefix. Lets callers read only a post's start.
 */
export function frontMatterSettled(prefix: string, block: FrontMatterBlock): boolean {
  if (block.kind === 'unsupported' && block.unclosed) return false;
  // For "none", the first line that is not blank decides (blank lines may still lead to a fence).
  const decidingLineEnd = block.kind === 'none' ? (/^\uFEFF?(?:[ \t]*\r?\n)*[ \t]*[^\s][^\n]*\n/.exec(prefix)?.[0].length ?? 0) - 1 : block.bodyStart - 1;
  return decidingLineEnd >= 0 && prefix.charCodeAt(decidingLineEnd) === 10;
}

function readLine(text: string, start: number): { line: string; next: number } {
  let end = text.indexOf('\n', start);
  const next = end < 0 ? text.length : end + 1;
  if (end < 0) end = text.length;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return { line: text.slice(start, end), next };
}

export function parsePost(text: string): ParsedPost {
  const block = findFrontMatter(text);
  return { ...frontMatterData(text, block), body: text.slice(block.bodyStart), bodyStart: block.bodyStart };
}

/** The fields of a front-matter block found by findFrontMatter(text). */
export function frontMatterData(text: string, block: FrontMatterBlock): { data: Record<string, unknown>; error?: FrontMatterError } {
  if (block.kind === 'none') return { data: {} };
  if (block.kind === 'unsupported') return { data: {}, error: { message: block.message, line: block.line } };
  const source = text.slice(block.contentStart, block.contentEnd);
  if (block.kind === 'toml') return parseToml(source, block.contentLine);
  if (block.kind === 'json') return parseJson(source, block.contentLine);
  return parseYaml(source, block.contentLine);
}

function parseYaml(source: string, firstLine: number): { data: Record<string, unknown>; error?: FrontMatterError } {
  const doc = parseDocument(source, { version: '1.2', schema: 'core', prettyErrors: false });
  const problem = doc.errors[0];
  if (problem) return { data: {}, error: yamlError(source, firstLine, problem.pos[0], problem.message) };
  if (doc.contents !== null && !isMap(doc.contents)) {
    return { data: {}, error: yamlError(source, firstLine, doc.contents.range?.[0] ?? 0, 'Front matter must be "key: value" lines') };
  }
  try {
    // maxAliasCount caps "billion laughs" alias expansion.
    const data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown> | null;
    return { data: data ?? {} };
  } catch (error) {
    return { data: {}, error: yamlError(source, firstLine, 0, errorMessage(error)) };
  }
}

function yamlError(source: string, firstLine: number, offset: number, message: string): FrontMatterError {
  let line = firstLine;
  for (let i = source.indexOf('\n'); i >= 0 && i < offset; i = source.indexOf('\n', i + 1)) line++;
  return { message: `Front matter line ${line}: ${message}. Fix the YAML there; until then its fields are ignored.`, line };
}

/** The text of the first `# heading` outside code blocks, or null. */
export function firstHeading(body: string): string | null {
  let fence: string | null = null;
  for (let start = 0; start < body.length; ) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    const line = body.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    const trimmed = line.replace(/^ {0,3}/, '');
    const marker = /^(`{3,}|~{3,})/.exec(trimmed)?.[1];
    if (marker) {
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && trimmed.slice(marker.length).trim() === '') fence = null;
      continue;
    }
    if (fence !== null) continue;
    const heading = /^#(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(trimmed);
    if (heading?.[1]) return heading[1];
  }
  return null;
}

/** A front-matter value as display text: strings trimmed, finite numbers written out, anything else empty. */
export function frontMatterText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** A post is a draft when it says `draft: true` or (Jekyll) `published: false`, keys in any case as Hugo reads them. */
export function isDraft(data: Record<string, unknown>): boolean {
  return truthy(fieldOf(data, 'draft')) || falsy(fieldOf(data, 'published'));
}

// Hugo casts `draft = "true"` to a boolean; a quoted flag must not publish a draft.
const truthy = (value: unknown) => value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
const falsy = (value: unknown) => value === false || (typeof value === 'string' && value.trim().toLowerCase() === 'false');

/** Tags from an array, or one string: comma-separated if it has commas ("a b, c d"), else space-separated. */
export function frontMatterTags(value: unknown): string[] {
  const parts = Array.isArray(value)
    ? value.map(frontMatterText)
    : typeof value === 'string'
      ? value.split(value.includes(',') ? ',' : /\s+/).map((s) => s.trim())
      : [];
  return parts.filter((tag) => tag !== '');
}

const dateLike =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?[ \t]*(Z|z|[+-]\d{1,2}(?::?\d{2})?)?)?$/;

/** A front-matter date as YYYY-MM-DD[THH:MM[:SS][zone]], or null if it is not one. */
export function normalizeDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = dateLike.exec(value.trim());
  if (!m) return null;
  const pad = (s: string) => s.padStart(2, '0');
  let out = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  if (m[4] !== undefined) {
    out += `T${pad(m[4])}:${m[5]}`;
    if (m[6] !== undefined) out += `:${m[6]}${m[7] ?? ''}`;
    const zone = m[8];
    if (zone) {
      if (zone === 'Z' || zone === 'z') out += 'Z';
      else {
        const z = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone)!;
        out += `${z[1]}${pad(z[2]!)}:${z[3] ?? '00'}`;
      }
    }
  }
  return out;
}

/** A field's new value; null empties it (`key:`), leaving the key in place. */
export type FieldValue = string | number | boolean | null | readonly string[];

/** How a scalar is quoted in the YAML; a field edit can ask to keep one. */
export type QuoteStyle = 'plain' | 'single' | 'double';

/**
 * Sets one top-level front-matter field, editing only that value's characters
 * so the rest of the file keeps its layout, quoting and comments. A missing key
 * is added before the closing fence; a post without front matter gets some.
 * A value is written in `quote` style where YAML allows it (default: the style
 * it has now), and a block list stays a block list.
 * Throws ApiError('unsupported') when the front matter cannot be edited safely.
 */
export function setFrontMatterField(text: string, key: string, value: FieldValue, quote?: QuoteStyle): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const found = findFrontMatter(text);
  if (found.kind === 'none') {
    if (value === null) return text;
    return `${text.slice(0, found.bodyStart)}---${eol}${formatPair(key, value)}${eol}---${eol}${text.slice(found.bodyStart)}`;
  }
  const block = editable(found, key);
  if (block.kind === 'toml') {
    const source = text.slice(block.contentStart, block.contentEnd);
    const { data, error } = parseToml(source, block.contentLine);
    if (error) throw new ApiError('unsupported', `Cannot set "${key}": ${error.message}`);
    const written = setTomlField(source, keyAsWritten(data, key) ?? key, value, eol);
    return text.slice(0, block.contentStart) + written + text.slice(block.contentEnd);
  }
  const { source, pair } = editablePair(text, { ...block, kind: 'yaml' }, key);
  if (!pair) {
    if (value === null) return text;
    const needsBreak = source.length > 0 && !source.endsWith('\n');
    const insert = `${needsBreak ? eol : ''}${formatPair(key, value)}${eol}`;
    return text.slice(0, block.contentEnd) + insert + text.slice(block.contentEnd);
  }
  const at = (offset: number) => block.contentStart + offset;
  const old = pair.value;
  const style = quote ? styles[quote] : isScalar(old) ? old.type : undefined;
  if (value !== null && isScalar(old) && old.range && old.range[1] > old.range[0] && !isBlockScalar(old)) {
    // The common case: replace just the value's characters, keeping its quote style where it can.
    return text.slice(0, at(old.range[0])) + formatValue(value, style) + text.slice(at(old.range[1]));
  }
  // An empty value, a block scalar or a nested collection: rewrite from the colon to the value's end.
  const keyEnd = (pair.key as Scalar).range![1];
  const colon = source.indexOf(':', keyEnd);
  const end = old && (isScalar(old) || isCollection(old)) && old.range ? Math.max(old.range[1], colon + 1) : colon + 1;
  const replaced = source.slice(colon, end);
  const keepBreak = replaced.endsWith('\n') ? (replaced.endsWith('\r\n') ? '\r\n' : '\n') : '';
  let written: string;
  if (value === null) written = ':';
  else if (isSeq(old) && !old.flow && typeof value === 'object' && value.length > 0) {
    // A block list stays one, at the indent its first item had.
    const indent = ' '.repeat(old.range![0] - source.lastIndexOf('\n', old.range![0] - 1) - 1);
    written = `:${value.map((item) => `${eol}${indent}- ${formatValue(item)}`).join('')}`;
  } else written = `: ${formatValue(value, style)}`;
  return text.slice(0, at(colon)) + written + keepBreak + text.slice(at(end));
}

/** How a top-level field's value is quoted now; null when it is missing or not a quotable scalar. Throws as setFrontMatterField does. */
export function frontMatterQuoteStyle(text: string, key: string): QuoteStyle | null {
  const block = findFrontMatter(text);
  if (block.kind === 'none') return null;
  const fenced = editable(block, key);
  if (fenced.kind !== 'yaml') return null;
  const old = editablePair(text, { ...fenced, kind: 'yaml' }, key).pair?.value;
  if (!isScalar(old) || !old.range || old.range[1] === old.range[0] || isBlockScalar(old)) return null;
  return old.type === Scalar.QUOTE_DOUBLE ? 'double' : old.type === Scalar.QUOTE_SINGLE ? 'single' : 'plain';
}

const styles: Record<QuoteStyle, Scalar.Type> = { plain: Scalar.PLAIN, single: Scalar.QUOTE_SINGLE, double: Scalar.QUOTE_DOUBLE };

type LanguageBlock = Extract<FrontMatterBlock, { contentStart: number }>;
type FencedBlock = LanguageBlock & { kind: 'yaml' | 'toml' };
type YamlBlock = LanguageBlock & { kind: 'yaml' };

function editable(block: Exclude<FrontMatterBlock, { kind: 'none' }>, key: string): FencedBlock {
  if (block.kind === 'unsupported') throw new ApiError('unsupported', `Cannot set "${key}": ${block.message}`);
  if (block.kind === 'json') {
    throw new ApiError('unsupported', `Cannot set "${key}": JSON front matter is read-only here, so its layout is never rewritten. Edit it in the text, or turn it into YAML between --- lines.`);
  }
  return { ...block, kind: block.kind };
}


/** The pair for `key`, if any, in YAML that can be edited; throws ApiError('unsupported') when it cannot. */
function editablePair(text: string, block: YamlBlock, key: string) {
  const source = text.slice(block.contentStart, block.contentEnd);
  const doc = parseDocument(source, { version: '1.2', schema: 'core', prettyErrors: false });
  const problem = doc.errors[0];
  if (problem) {
    const { message } = yamlError(source, block.contentLine, problem.pos[0], problem.message);
    throw new ApiError('unsupported', `Cannot set "${key}": ${message}`);
  }
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) {
    throw new ApiError('unsupported', `Cannot set "${key}": the front matter is not "key: value" lines.`);
  }
  const items = contents?.items ?? [];
  // The key as written, else in another case (`Draft:`), as Hugo matches keys.
  const pair =
    items.find((p) => isScalar(p.key) && p.key.value === key) ??
    items.find((p) => isScalar(p.key) && typeof p.key.value === 'string' && p.key.value.toLowerCase() === key.toLowerCase());
  return { source, pair };
}

function isBlockScalar(node: Scalar): boolean {
  return node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
}

function formatPair(key: string, value: FieldValue): string {
  const plainKey = /^[A-Za-z_][\w-]*$/.test(key);
  return `${plainKey ? key : formatValue(key)}: ${formatValue(value)}`;
}

/** Words YAML 1.1 readers (Jekyll's Ruby) take for booleans, though YAML 1.2 does not. */
const yaml11Bool = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/** One value as inline YAML: never a block scalar, never wrapped. */
function formatValue(value: FieldValue, style?: Scalar.Type): string {
  const node = typeof value === 'object' && value !== null ? new Document([...value], { version: '1.2' }).contents! : new Scalar(value);
  if (isScalar(node) && (style === Scalar.QUOTE_DOUBLE || style === Scalar.QUOTE_SINGLE)) node.type = style;
  // Line breaks: a plain or single-quoted scalar would fold onto unindented lines; double quotes escape them.
  else if (isScalar(node) && typeof value === 'string' && (yaml11Bool.test(value) || /[\r\n]/.test(value))) {
    node.type = Scalar.QUOTE_DOUBLE;
  }
  if (isScalar(node) && node.type === Scalar.QUOTE_SINGLE && typeof value === 'string' && /[\r\n]/.test(value)) {
    node.type = Scalar.QUOTE_DOUBLE;
  }
  const doc = new Document(node, { version: '1.2' });
  // Flow style only for lists: it would also quote every scalar with a comma in it.
  const flow = isScalar(node) ? {} : { collectionStyle: 'flow', flowCollectionPadding: false } as const;
  return doc.toString({ lineWidth: 0, blockQuote: false, ...flow }).trimEnd();
}
