// What the last check learned about each post on its own, kept in the app's
// cache folder (never in the workspace): its front-matter and date problems,
// its links and images, its slug line and, once a link asked for them, its
// headings' ids. Each entry is keyed by the file's content hash, with its size
// and modification time as a shortcut, so a check after one edit reads and
// lexes only that post. A missing, corrupt or older cache costs a full check.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PostSummary } from '../../../common/types';
import { appVersion } from '../../appPaths';
import { checkWorkerScript } from './checkPool';
import type { ExaminedPost } from './examine';
import { localHref } from './hrefs';
import { saveCacheFileSync } from '../../cacheFile';
import type { UrlOf } from './siteIndex';

/** Bump when the file's shape changes. */
const FORMAT = 2;

/** A post's own facts: an ExaminedPost without its summary, which the listing supplies. */
export type Facts = Omit<ExaminedPost, 'post'>;

/** The file the facts were read from: its content hash, and its size and time when it was opened. */
export interface FileStamp {
  hash: string;
  size: number;
  mtime: number;
}

interface Entry extends FileStamp {
  facts: Facts;
  /** Every id a `#fragment` may name in the post, once a link from another post needed them. */
  anchors?: string[];
  /** Where the post publishes, under the settings of the file's `urlKey`. */
  url?: string;
}

interface CacheFile {
  format: number;
  /** The code that examined the posts: facts from other code are not trusted. */
  key: string;
  root: string;
  /** The settings and generator config the entries' URLs were found under. */
  urlKey?: string;
  entries: [relative: string, entry: Entry][];
}

export class FactsCache {
  /** What the last check stored; entries are moved to #next as this check confirms them. */
  readonly #previous: Map<string, Entry>;
  readonly #next = new Map<string, Entry>();
  #changed: boolean;
  #urlKey: string | undefined;

  private constructor(
    private readonly file: string,
    private readonly key: string,
    private readonly root: string,
    previous: Map<string, Entry>,
    urlKey?: string,
  ) {
    this.#previous = previous;
    this.#changed = previous.size === 0;
    this.#urlKey = urlKey;
  }

  /** The cache of checking `root` (its real path); an empty one without a cache folder, which is never saved. */
  static load(cacheDir: string | undefined, root: string): FactsCache {
    if (!cacheDir) return new FactsCache('', '', root, new Map());
    const name = createHash('sha256').update(root).digest('base64url').slice(0, 22);
    const file = path.join(cacheDir, 'check', `${name}.json`);
    const key = codeKey();
    const previous = new Map<string, Entry>();
    let urlKey: string | undefined;
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
      if (data.format === FORMAT && data.key === key && data.root === root && Array.isArray(data.entries)) {
        for (const [relative, entry] of data.entries) previous.set(relative, entry);
        urlKey = data.urlKey;
      }
    } catch {
      // None yet, or unreadable: every post is examined.
    }
    return new FactsCache(file, key, root, previous, urlKey);
  }

  /**
   * The facts of a post whose file has the size and time it had when they were found; null if it may have
   * changed. `listed` is the file's size and time as the list just confirmed them, which spares a stat.
   */
  fresh(summary: PostSummary, listed?: Omit<FileStamp, 'hash'>): ExaminedPost | null {
    const entry = this.#previous.get(summary.path);
    if (!entry) return null;
    const stats = listed ?? this.#stamp(summary.path);
    if (!stats || stats.size !== entry.size || stats.mtime !== entry.mtime) return null;
    this.#next.set(summary.path, entry);
    return { post: summary, ...entry.facts };
  }

  /** The facts of a post whose file was touched but whose content is what it was (a checkout, a save without changes). */
  sameContent(summary: PostSummary, stamp: FileStamp): ExaminedPost | null {
    const entry = this.#previous.get(summary.path);
    if (!entry || entry.hash !== stamp.hash) return null;
    this.#remember(summary.path, { ...entry, ...stamp });
    return { post: summary, ...entry.facts };
  }

  /** Remembers what examining a post found in the file described by `stamp`. */
  store(examined: ExaminedPost, stamp: FileStamp): void {
    const { post, ...facts } = examined;
    this.#remember(post.path, { ...stamp, facts: { ...facts, references: facts.references.filter(mayBeWrong) } });
  }

  /** A post's anchors, if known for the content the check is using. */
  anchors(relative: string): string[] | undefined {
    return this.#next.get(relative)?.anchors;
  }

  /** Remembers a post's anchors, found in the content whose hash is `hash`. */
  storeAnchors(relative: string, hash: string, ids: readonly string[]): void {
    const entry = this.#next.get(relative) ?? this.#previous.get(relative);
    if (!entry || entry.hash !== hash) return; // other content than the facts were found in: the next check finds them again
    this.#remember(relative, { ...entry, anchors: [...ids] });
  }

  /**
   * `site.urlOf`, remembered for each post whose facts fresh() or sameContent() confirmed: the
   * permalink of 10,000 posts (slugs, dates, patterns) was a sixth of a check after one edit. A URL
   * depends on the post's own file, which those confirmed, and on `site.key`: other settings forget them all.
   */
  urls(site: { urlOf: UrlOf; key: string }): UrlOf {
    if (this.#urlKey !== site.key) {
      for (const entry of this.#next.values()) delete entry.url;
      this.#urlKey = site.key;
      this.#changed = true;
    }
    return (post) => {
      const entry = this.#next.get(post.path);
      if (entry?.url !== undefined) return entry.url;
      const url = site.urlOf(post);
      if (entry) this.#remember(post.path, { ...entry, url });
      return url;
    };
  }

  /** Writes what this check found, if anything changed; a failed write only costs the next check its head start. */
  save(): void {
    const gone = [...this.#previous.keys()].some((relative) => !this.#next.has(relative));
    if (!this.file || !(this.#changed || gone)) return;
    const data: CacheFile = { format: FORMAT, key: this.key, root: this.root, urlKey: this.#urlKey, entries: [...this.#next] };
    saveCacheFileSync(this.file, data);
  }

  #stamp(relative: string): Omit<FileStamp, 'hash'> | null {
    const stats = fs.statSync(path.join(this.root, relative), { throwIfNoEntry: false });
    return stats?.isFile() ? { size: stats.size, mtime: Math.floor(stats.mtimeMs) } : null;
  }

  #remember(relative: string, entry: Entry): void {
    this.#next.set(relative, entry);
    this.#changed = true;
  }
}

/**
 * Whether a reference can ever be reported: every image (its alt text), and
 * links that are empty or point into the site. A link to another site is
 * never fetched, so the cache leaves it out.
 */
function mayBeWrong(ref: ExaminedPost['references'][number]): boolean {
  return ref.kind === 'image' || ref.href.trim() === '' || localHref(ref.href) !== null;
}

/** The app's version and the bundled check code: facts found by other code are found again. */
function codeKey(): string {
  const code = fs.existsSync(checkWorkerScript) ? fs.readFileSync(checkWorkerScript) : 'source';
  return createHash('sha256').update(appVersion).update(code).digest('base64url');
}
