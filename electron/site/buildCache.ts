// What the last build of a workspace into an output folder produced, kept in
// the app's cache folder (never in the workspace or the output): each post's
// source hash and page, and every other output's inputs and bytes. With it a
// rebuild renders only what changed, leaves unchanged files untouched and
// deletes what it no longer produces. A missing or corrupt cache only costs a
// full build.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PostRecord } from './postRenderer';

/** Bump when the cache's shape changes. */
const FORMAT = 2;

/** One output that is not a post page: a hash of what it was made from, and of its bytes. */
export interface OutputRecord {
  key: string;
  size: number;
  hash: string;
}

interface CacheFile {
  format: number;
  /** Settings and code the last build used: when they differ, every page is rendered again. */
  key: string;
  posts: PostRecord[];
  outputs: Record<string, OutputRecord>;
}

export class BuildCache {
  private constructor(
    private readonly file: string,
    /** Whether the last build had the same settings and code. */
    readonly sameKey: boolean,
    readonly posts: ReadonlyMap<string, PostRecord>,
    readonly outputs: Readonly<Record<string, OutputRecord>>,
  ) {}

  /** The cache of building `root` into `outputRoot` (both real paths); empty when there is none. */
  static load(cacheDir: string | undefined, root: string, outputRoot: string, key: string): BuildCache {
    const name = createHash('sha256').update(`${root}\0${outputRoot}`).digest('base64url').slice(0, 22);
    const file = cacheDir ? path.join(cacheDir, 'site', `${name}.json`) : '';
    let data: CacheFile | null = null;
    try {
      if (file) data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
    } catch {
      // none yet, or unreadable: a full build
    }
    if (!data || data.format !== FORMAT || !Array.isArray(data.posts)) return new BuildCache(file, false, new Map(), {});
    return new BuildCache(file, data.key === key, new Map(data.posts.map((p) => [p.relative, p])), data.outputs ?? {});
  }

  /** Every file the last build wrote, relative to the output folder. */
  files(): Set<string> {
    const files = new Set(Object.keys(this.outputs));
    for (const post of this.posts.values()) if (post.page) files.add(post.page.file);
    return files;
  }

  /** Stores this build's results; a failed write only costs the next build its head start. */
  save(key: string, posts: readonly PostRecord[], outputs: Record<string, OutputRecord>): void {
    if (!this.file) return;
    const data: CacheFile = { format: FORMAT, key, posts: [...posts], outputs };
    const temp = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(temp, JSON.stringify(data));
      fs.renameSync(temp, this.file);
    } catch {
      fs.rmSync(temp, { force: true });
    }
  }

  /** Forgets the last build (after a failed one, whose outputs are not known to be whole). */
  clear(): void {
    if (this.file) fs.rmSync(this.file, { force: true });
  }
}
