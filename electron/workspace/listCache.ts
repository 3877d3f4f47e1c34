// The post list of the last launch, kept in the app's own cache folder (never in
// the workspace) so that reopening a big workspace reads only the posts that
// changed. A summary is reused only while its file keeps the same size and
// modification time; a missing, corrupt or older-format cache is simply ignored.
import { createHash, randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PostSummary } from '../../common/types';

/** Bump when PostSummary or how it is derived changes. */
const FORMAT = 3;

interface CacheFile {
  format: number;
  root: string;
  entries: [relative: string, size: number, summary: PostSummary][];
}

/** Told a post file's size and modification time (whole milliseconds), as a stat just found them. */
export type StampWatcher = (relative: string, size: number, mtime: number) => void;

export class ListCache {
  #entries = new Map<string, { size: number; summary: PostSummary }>();
  #loaded = false;
  /** Whether the last split found anything new, changed or gone. */
  #changed = true;

  constructor(
    private readonly file: string,
    private readonly root: string,
  ) {}

  /** The cache for one workspace folder inside `cacheDir`. */
  static for(cacheDir: string, root: string): ListCache {
    const name = createHash('sha256').update(root).digest('base64url').slice(0, 22);
    return new ListCache(path.join(cacheDir, `list-${name}.json`), root);
  }

  /** Splits `relatives` into summaries still valid and paths that must be read; `confirmed` is told the stats each valid one was kept for. */
  async split(relatives: readonly string[], confirmed?: StampWatcher): Promise<{ valid: PostSummary[]; stale: string[] }> {
    await this.#load();
    const valid: PostSummary[] = [];
    const stale: string[] = [];
    for (const relative of relatives) {
      const cached = this.#entries.get(relative);
      if (cached && this.#unchanged(relative, cached.size, cached.summary.modified)) {
        valid.push(cached.summary);
        confirmed?.(relative, cached.size, cached.summary.modified);
      } else stale.push(relative);
    }
    this.#changed = stale.length > 0 || valid.length !== this.#entries.size;
    return { valid, stale };
  }

  /** Remembers a fresh list unless nothing changed; a failed write only costs the next launch its head start. */
  async storeIfChanged(posts: readonly PostSummary[]): Promise<void> {
    if (!this.#changed) return;
    this.#changed = false;
    const entries = new Map<string, { size: number; summary: PostSummary }>();
    for (const summary of posts) {
      const cached = this.#entries.get(summary.path);
      if (cached?.summary === summary) {
        entries.set(summary.path, cached);
        continue;
      }
      const stats = statSync(path.join(this.root, summary.path), { throwIfNoEntry: false });
      // Changed again since it was read (or never read: unreadable files carry the time of the attempt):
      // caching it now would pair new stats with an old summary.
      if (stats && Math.floor(stats.mtimeMs) === summary.modified) entries.set(summary.path, { size: stats.size, summary });
    }
    this.#entries = entries;
    const data: CacheFile = { format: FORMAT, root: this.root, entries: [...entries].map(([r, e]) => [r, e.size, e.summary]) };
    const temp = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFile(temp, JSON.stringify(data));
      await rename(temp, this.file);
    } catch {
      // The cache is only a speed-up: the next list rescans. The temp file may not even exist.
      await unlink(temp).catch(() => {});
    }
  }

  #unchanged(relative: string, size: number, modified: number): boolean {
    const stats = statSync(path.join(this.root, relative), { throwIfNoEntry: false });
    return stats !== undefined && stats.isFile() && stats.size === size && Math.floor(stats.mtimeMs) === modified;
  }

  async #load(): Promise<void> {
    if (this.#loaded) return;
    this.#loaded = true;
    try {
      const data = JSON.parse(await readFile(this.file, 'utf8')) as CacheFile;
      if (data.format !== FORMAT || data.root !== this.root || !Array.isArray(data.entries)) return;
      for (const [relative, size, summary] of data.entries) this.#entries.set(relative, { size, summary });
    } catch {
      // No cache yet, or an unreadable one: list from the files.
    }
  }
}
