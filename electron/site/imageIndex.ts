// What the image cache knew of each source file when a build last used it:
// its size, modification time and inode, and the record made from its bytes.
// A build publishes every image of the site, not only those of the posts it
// rendered, and finding a record by content hash means reading and hashing
// each source: 2,000 pictures were a tenth of a one-post rebuild of 10,000
// posts. With this index an unchanged file (same size, mtime and inode, the
// build cache's own test of a post) is not read at all. A missing or damaged
// index only costs that read.
import fs from 'node:fs';
import path from 'node:path';
import { saveCacheFileSync } from '../cacheFile';
import type { ImageRecord } from './images';

/** Bump when the file's shape (or what a record means) changes. */
const FORMAT = 1;
const FILE = 'sources.json';

type Entry = [size: number, mtime: number, ino: number, record: ImageRecord];

interface IndexFile {
  format: number;
  entries: [key: string, entry: Entry][];
}

export class ImageIndex {
  readonly #entries: Map<string, Entry>;
  /** The entries this build used or made: only these are kept, so pictures long gone do not pile up. */
  readonly #used = new Set<string>();
  #changed = false;

  private constructor(
    private readonly file: string,
    entries: Map<string, Entry>,
  ) {
    this.#entries = entries;
  }

  /** The index of the image cache in `folder`; empty when there is none yet. */
  static load(folder: string): ImageIndex {
    const file = path.join(folder, FILE);
    const entries = new Map<string, Entry>();
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as IndexFile;
      if (data.format === FORMAT && Array.isArray(data.entries)) for (const [key, entry] of data.entries) entries.set(key, entry);
    } catch {
      // None yet, or unreadable: every image is read once more.
    }
    return new ImageIndex(file, entries);
  }

  /** The record made from `source` under plan `plan`, if the file is as it was then. */
  get(plan: string, source: string, stats: fs.Stats): ImageRecord | undefined {
    const key = `${plan}\0${source}`;
    const entry = this.#entries.get(key);
    if (!entry || entry[0] !== stats.size || entry[1] !== stats.mtimeMs || entry[2] !== stats.ino) return undefined;
    this.#used.add(key);
    return entry[3];
  }

  set(plan: string, source: string, stats: fs.Stats, record: ImageRecord): void {
    const key = `${plan}\0${source}`;
    this.#entries.set(key, [stats.size, stats.mtimeMs, stats.ino, record]);
    this.#used.add(key);
    this.#changed = true;
  }

  /** Writes the index if a build learned anything; a failed write only costs the next build its reads. */
  save(): void {
    if (!this.#changed && this.#used.size === this.#entries.size) return;
    const entries = [...this.#entries].filter(([key]) => this.#used.has(key));
    saveCacheFileSync(this.file, { format: FORMAT, entries } satisfies IndexFile);
    this.#changed = false;
  }
}
