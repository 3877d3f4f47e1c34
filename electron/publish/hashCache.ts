// The sha256 of each file of the built site from the last publish, kept in the
// publish state folder (never in the workspace or the site), so comparing with
// the host after a one-post edit hashes only the files the build rewrote. A
// hash is reused only while the file keeps its inode, size, modification and
// change times: any write, even one that restores the old mtime, changes its
// ctime. A missing or unreadable cache only costs hashing every file again.
import fs from 'node:fs';
import { saveCacheFileSync } from '../cacheFile';

/** Bump when the file's shape changes. */
const FORMAT = 1;

type Stamp = [ino: number, size: number, mtimeMs: number, ctimeMs: number];

interface CacheFile {
  format: number;
  siteDir: string;
  files: [relative: string, stamp: Stamp, sha256: string][];
}

const stampOf = (stats: fs.Stats): Stamp => [stats.ino, stats.size, stats.mtimeMs, stats.ctimeMs];
const same = (a: Stamp, b: Stamp) => a.every((value, i) => value === b[i]);

export class HashCache {
  readonly #previous = new Map<string, { stamp: Stamp; sha256: string }>();
  readonly #next = new Map<string, { stamp: Stamp; sha256: string }>();

  private constructor(
    private readonly file: string,
    private readonly siteDir: string,
  ) {}

  /** The hashes last recorded for `siteDir` in `file`. */
  static load(file: string, siteDir: string): HashCache {
    const cache = new HashCache(file, siteDir);
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
      if (data.format === FORMAT && data.siteDir === siteDir && Array.isArray(data.files)) {
        for (const [relative, stamp, sha256] of data.files) cache.#previous.set(relative, { stamp, sha256 });
      }
    } catch {
      // None yet, or unreadable: every file is hashed.
    }
    return cache;
  }

  /** The file's hash if it is untouched since it was recorded. */
  get(relative: string, stats: fs.Stats): string | undefined {
    const known = this.#previous.get(relative);
    if (!known || !same(known.stamp, stampOf(stats))) return undefined;
    this.#next.set(relative, known);
    return known.sha256;
  }

  /** Records a hash made from the file while it had `stats` (taken before reading it). */
  set(relative: string, stats: fs.Stats, sha256: string): void {
    this.#next.set(relative, { stamp: stampOf(stats), sha256 });
  }

  /** Writes the hashes of this comparison; a failed write only costs the next one its head start. */
  save(): void {
    const data: CacheFile = { format: FORMAT, siteDir: this.siteDir, files: [...this.#next].map(([relative, e]) => [relative, e.stamp, e.sha256]) };
    saveCacheFileSync(this.file, data);
  }
}
