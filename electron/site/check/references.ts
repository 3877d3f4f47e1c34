// The links and images of a post body, each with its offset in the body.
//
// marked's tokens carry their `raw` source but no position. Top-level tokens
// tile the body exactly, so their offsets are running sums; inside a block the
// tokens come in document order, so each is found by searching its raw text
// forward from the previous one. Code blocks and spans are passed over the
// same way, which is what keeps a `[x](y.md)` inside them from being reported
// or from being mistaken for a real link further on.
import type { Token, Tokens } from 'marked';
import { htmlUrls } from '../../../common/markdown/htmlUrls';

export interface Reference {
  kind: 'link' | 'image';
  /** As marked resolved it (reference links included), not yet decoded. */
  href: string;
  /** Link text, or an image's alt text. */
  text: string;
  /** Offset of the `[` or `![` in the body. */
  offset: number;
}

/** Tokens that hold no links and whose text must not be searched for them (an escaped \[ too). */
const opaque = new Set(['code', 'codespan', 'html', 'escape']);

export function findReferences(tokens: readonly Token[], body: string): Reference[] {
  const found: Reference[] = [];
  let blockStart = 0;
  for (const block of tokens) {
    // marked-footnote's list of notes is not source text; the notes themselves are top-level tokens.
    if (block.type === 'footnotes') continue;
    const start = body.startsWith(block.raw, blockStart) ? blockStart : Math.max(body.indexOf(block.raw, blockStart), blockStart);
    const end = Math.min(start + block.raw.length, body.length);
    walk(block, { text: body.slice(start, end), base: start, cursor: 0 }, found);
    blockStart = end;
  }
  return found;
}

interface Region {
  /** The top-level block's source. */
  text: string;
  /** Its offset in the body. */
  base: number;
  /** Where the next token is searched from, within `text`. */
  cursor: number;
}

function walk(token: Token, region: Region, found: Reference[]): void {
  const kind = token.type === 'link' || token.type === 'image' ? token.type : null;
  const isRef = kind !== null;
  const kids = children(token);
  if (!isRef && !opaque.has(token.type) && kids.length === 0) return;
  const at = locate(token.raw, region, isRef);
  if (kind) {
    const ref = token as Tokens.Link | Tokens.Image;
    found.push({ kind, href: ref.href, text: ref.text, offset: region.base + (at ?? region.cursor) });
  }
  if (token.type === 'html' && at !== null) {
    // Raw HTML's files: an <img> is an image (its alt the text), a <video>/<source>/<audio> file too, an <a href> a link.
    for (const url of htmlUrls(token.raw)) {
      found.push({ kind: url.kind, href: url.url, text: url.alt ?? url.tag, offset: region.base + at + url.start });
    }
  }
  if (at === null) {
    // Not verbatim in the source (a blockquote's `>` or a list's indent was stripped): search the children from here.
    for (const kid of kids) walk(kid, region, found);
    return;
  }
  region.cursor = at + (isRef ? 1 : 0);
  for (const kid of kids) walk(kid, region, found);
  region.cursor = Math.max(region.cursor, at + token.raw.length);
}

/** Where `raw` (or, failing that, its first line) next occurs in the region; null if nowhere. */
function locate(raw: string, region: Region, firstLineToo: boolean): number | null {
  if (raw === '') return null;
  const at = region.text.indexOf(raw, region.cursor);
  if (at >= 0) return at;
  const newline = raw.indexOf('\n');
  if (!firstLineToo || newline <= 0) return null;
  const first = region.text.indexOf(raw.slice(0, newline), region.cursor);
  return first >= 0 ? first : null;
}

function children(token: Token): Token[] {
  switch (token.type) {
    case 'list':
      return (token as Tokens.List).items;
    case 'table': {
      const table = token as Tokens.Table;
      return [...table.header, ...table.rows.flat()].flatMap((cell) => cell.tokens);
    }
    case 'footnote':
      return (token as { content?: Token[] }).content ?? [];
    default:
      return 'tokens' in token && Array.isArray(token.tokens) ? token.tokens : [];
  }
}
