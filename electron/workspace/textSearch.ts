// Find in all posts: a case-insensitive search of every post's text.
//
// Texts are kept in memory after the first search. While the workspace is
// watched (the app, the bridge), the watcher and our own saves say which posts
// changed (`forget`), so a later search reads only those and scans the rest in
// memory; unwatched (one-shot CLI use), each post's size and modification time
// are checked first. It runs in the backend (the main process, or the bridge's
// server), never on the page's thread.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { MATCHES_PER_HIT, MAX_COUNTED, MAX_HITS, type PostHit, type SearchResult, type TextMatch } from '../../common/search';
import { fromDisk } from './encoding';
import { readFileBytes } from './files';
import { postId } from './ids';
import { READ_CONCURRENCY } from './scan';

interface CachedText {
  size: number;
  mtimeMs: number;
  text: string;
  /** The text lower-cased, when that keeps every offset (almost always); else null and a regex is used. */
  folded: string | null;
}

/** Characters of the line shown either side of a match. */
const BEFORE = 40;
const AFTER = 80;

export class TextSearch {
  readonly #texts = new Map<string, CachedText>();
  /** Whether a folder watch reports every change through `forget`, so cached texts need no stat. */
  watched = false;

  constructor(private readonly root: string) {}

  /** The post at `relative` changed or went away: read it again next time. */
  forget(relative: string): void {
    this.#texts.delete(relative);
  }

  async search(relatives: readonly string[], query: string): Promise<SearchResult> {
    const needle = query.trim();
    const texts = await this.#current(relatives);
    const folded = needle.toLowerCase();
    // Lower-casing can change a string's length (İ → i̇); then offsets come from a case-insensitive regex instead.
    const byIndex = folded.length === needle.length;
    const pattern = new RegExp(escapeRegExp(needle), 'giu');
    const hits: PostHit[] = [];
    for (const [relative, cached] of texts) {
      const offsets = byIndex && cached.folded !== null ? indexesOf(cached.folded, folded) : regexMatches(cached.text, pattern);
      if (!offsets.length) continue;
      hits.push({
        id: postId(relative),
        path: relative,
        count: offsets.length,
        matches: offsets.slice(0, MATCHES_PER_HIT).map(({ at, length }) => snippet(cached.text, at, length)),
      });
    }
    hits.sort((a, b) => b.count - a.count || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { hits: hits.slice(0, MAX_HITS), total: hits.length, searched: texts.length };
  }

  /** Every post's text as it is on disk now; posts that vanished or cannot be read are left out. */
  async #current(relatives: readonly string[]): Promise<[string, CachedText][]> {
    const results: ([string, CachedText] | null)[] = new Array(relatives.length).fill(null);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < relatives.length) {
        const index = next++;
        const relative = relatives[index]!;
        const text = await this.#text(relative);
        if (text) results[index] = [relative, text];
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, relatives.length) }, worker));
    const live = new Set(relatives);
    for (const relative of this.#texts.keys()) if (!live.has(relative)) this.#texts.delete(relative);
    return results.filter((entry): entry is [string, CachedText] => entry !== null);
  }

  async #text(relative: string): Promise<CachedText | null> {
    const absolute = path.join(this.root, relative);
    const cached = this.#texts.get(relative);
    try {
      if (cached && this.watched) return cached;
      if (cached) {
        const stats = await stat(absolute);
        if (stats.size === cached.size && stats.mtimeMs === cached.mtimeMs) return cached;
      }
      const { bytes, stats } = await readFileBytes(absolute, relative);
      const { text } = fromDisk(bytes, relative);
      const folded = text.toLowerCase();
      const entry = { size: stats.size, mtimeMs: stats.mtimeMs, text, folded: folded.length === text.length ? folded : null };
      this.#texts.set(relative, entry);
      return entry;
    } catch {
      // Gone since the last listing, not UTF-8, or unreadable: the post list already says why; search skips it.
      this.#texts.delete(relative);
      return null;
    }
  }
}

interface Found {
  at: number;
  length: number;
}

function indexesOf(text: string, needle: string): Found[] {
  const found: Found[] = [];
  for (let at = text.indexOf(needle); at >= 0 && found.length < MAX_COUNTED; at = text.indexOf(needle, at + needle.length)) {
    found.push({ at, length: needle.length });
  }
  return found;
}

function regexMatches(text: string, pattern: RegExp): Found[] {
  const found: Found[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m && found.length < MAX_COUNTED; m = pattern.exec(text)) found.push({ at: m.index, length: m[0].length });
  return found;
}

/** The match's line and column, and the part of its line around it. */
function snippet(text: string, at: number, length: number): TextMatch {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at + length);
  const end = lineEnd < 0 ? text.length : lineEnd;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  const from = Math.max(lineStart, at - BEFORE);
  const to = Math.min(end, at + length + AFTER);
  // An ellipsis says words were cut, not indentation or trailing spaces.
  const cutBefore = text.slice(lineStart, from).trim() !== '';
  const cutAfter = text.slice(to, end).trim() !== '';
  return {
    line,
    column: at - lineStart + 1,
    length,
    before: (cutBefore ? '…' : '') + text.slice(from, at).trimStart(),
    match: text.slice(at, at + length),
    after: text.slice(at + length, to).trimEnd() + (cutAfter ? '…' : ''),
  };
}

/** The query as a literal in a regular expression. */
function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
