// Find in all posts: a case-insensitive search of every post's text.
//
// Texts are kept in memory after the first search, each with a trigram
// fingerprint (trigramFilter.ts). While the workspace is watched (the app, the
// bridge), the watcher and our own saves say which posts changed (`forget`),
// so a later search reads only those; unwatched (one-shot CLI use), each
// post's size and modification time are checked first. It runs in the backend
// (the main process, or the bridge's server), never on the page's thread.
//
// A search does the least work the result needs: the fingerprints rule out
// most posts for a rare query without scanning them; every other post is
// scanned only up to its first match (to count the posts that match); and
// matches are counted, in path order, only until the result's list is
// settled (MAX_HITS posts at the MAX_COUNTED cap, which no later post can
// outrank). Snippets are cut for the listed posts alone.
import { statSync } from 'node:fs';
import path from 'node:path';
import { MATCHES_PER_HIT, MAX_COUNTED, MAX_HITS, type PostHit, type SearchResult, type TextMatch } from '../../common/search';
import { fromDisk } from './encoding';
import { readFileBytesSync } from './files';
import { postId } from './ids';
import { mayContain, queryBits, trigramFilter } from './trigramFilter';

interface CachedText {
  size: number;
  mtimeMs: number;
  text: string;
  /** The text lower-cased, when that keeps every offset (almost always); else null and a regex is used. */
  folded: string | null;
  /** Trigrams of `folded`; null until the background work has made it (or with `folded`). */
  filter: Uint32Array | null;
}

/** Characters of the line shown either side of a match. */
const BEFORE = 40;
const AFTER = 80;
/** Reading runs in slices this long between turns of the event loop. */
const READ_SLICE_MS = 20;
/** Fingerprinting runs in slices this long, so searches and saves are never kept waiting behind it. */
const SLICE_MS = 10;

export class TextSearch {
  readonly #texts = new Map<string, CachedText>();
  /** Texts read but not yet fingerprinted: fingerprints cost more than one scan, so they are made after the search that read them. */
  #unprinted: CachedText[] = [];
  /** Settles when the texts read so far are all fingerprinted. */
  #printed: Promise<void> = Promise.resolve();
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
    const bits = byIndex ? queryBits(folded) : [];
    const find = (cached: CachedText, limit: number): Found[] =>
      byIndex && cached.folded !== null ? indexesOf(cached.folded, folded, limit) : regexMatches(cached.text, pattern, limit);

    const matching = texts.filter(([, cached]) => (cached.filter === null || mayContain(cached.filter, bits)) && find(cached, 1).length > 0);
    matching.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const counted: { relative: string; cached: CachedText; count: number }[] = [];
    let atCap = 0;
    for (const [relative, cached] of matching) {
      if (atCap >= MAX_HITS) break; // settled: every post after this one has a later path and at most the cap
      const count = find(cached, MAX_COUNTED).length;
      if (count === MAX_COUNTED) atCap++;
      counted.push({ relative, cached, count });
    }
    counted.sort((a, b) => b.count - a.count || (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
    const hits: PostHit[] = counted.slice(0, MAX_HITS).map(({ relative, cached, count }) => ({
      id: postId(relative),
      path: relative,
      count,
      matches: find(cached, MATCHES_PER_HIT).map(({ at, length }) => snippet(cached.text, at, length)),
    }));
    return { hits, total: matching.length, searched: texts.length };
  }

  /** Every post's text as it is on disk now; posts that vanished or cannot be read are left out. */
  async #current(relatives: readonly string[]): Promise<[string, CachedText][]> {
    const results: ([string, CachedText] | null)[] = new Array(relatives.length).fill(null);
    // Watched, a cached text is current: only the others are read (all of them, the first time).
    const toRead: number[] = [];
    relatives.forEach((relative, index) => {
      const cached = this.watched ? this.#texts.get(relative) : undefined;
      if (cached) results[index] = [relative, cached];
      else toRead.push(index);
    });
    // Blocking reads cost about a third of callback ones (no thread-pool round trip per call), so they
    // run here, in short slices with a turn of the event loop between, so the process stays responsive.
    for (let next = 0; next < toRead.length; ) {
      const until = performance.now() + READ_SLICE_MS;
      while (next < toRead.length && performance.now() < until) {
        const index = toRead[next++]!;
        const relative = relatives[index]!;
        const text = this.#text(relative);
        if (text) results[index] = [relative, text];
      }
      if (next < toRead.length) await new Promise((resolve) => setImmediate(resolve));
    }
    if (this.#texts.size > relatives.length || toRead.length > 0) {
      const live = new Set(relatives);
      for (const relative of this.#texts.keys()) if (!live.has(relative)) this.#texts.delete(relative);
    }
    return results.filter((entry): entry is [string, CachedText] => entry !== null);
  }

  #text(relative: string): CachedText | null {
    const absolute = path.join(this.root, relative);
    const cached = this.#texts.get(relative);
    try {
      if (cached && this.watched) return cached;
      if (cached) {
        const stats = statSync(absolute);
        if (stats.size === cached.size && stats.mtimeMs === cached.mtimeMs) return cached;
      }
      const { bytes, stats } = readFileBytesSync(absolute, relative);
      const { text } = fromDisk(bytes, relative);
      const lower = text.toLowerCase();
      const folded = lower.length === text.length ? lower : null;
      const entry: CachedText = { size: stats.size, mtimeMs: stats.mtimeMs, text, folded, filter: null };
      this.#texts.set(relative, entry);
      if (folded !== null) this.#fingerprintLater(entry);
      return entry;
    } catch {
      // Gone since the last listing, not UTF-8, or unreadable: the post list already says why; search skips it.
      this.#texts.delete(relative);
      return null;
    }
  }

  /** Resolves once every text read so far has its fingerprint (benchmarks wait for it). */
  fingerprinted(): Promise<void> {
    return this.#printed;
  }

  #fingerprintLater(entry: CachedText): void {
    this.#unprinted.push(entry);
    if (this.#unprinted.length > 1) return; // a run is under way and will take it
    this.#printed = new Promise((done) => {
      const slice = () => {
        const until = performance.now() + SLICE_MS;
        while (this.#unprinted.length > 0 && performance.now() < until) {
          const next = this.#unprinted.pop()!;
          next.filter = trigramFilter(next.folded!);
        }
        if (this.#unprinted.length > 0) setImmediate(slice);
        else done();
      };
      // Not unref'd: with only unref'd immediates pending, Node's event loop may sleep in its poll phase and never run them.
      setImmediate(slice);
    });
  }
}

interface Found {
  at: number;
  length: number;
}

/** The first `limit` places `needle` occurs, not overlapping. */
function indexesOf(text: string, needle: string, limit: number): Found[] {
  const found: Found[] = [];
  for (let at = text.indexOf(needle); at >= 0 && found.length < limit; at = text.indexOf(needle, at + needle.length)) {
    found.push({ at, length: needle.length });
  }
  return found;
}

function regexMatches(text: string, pattern: RegExp, limit: number): Found[] {
  const found: Found[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m && found.length < limit; m = pattern.exec(text)) found.push({ at: m.index, length: m[0].length });
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
