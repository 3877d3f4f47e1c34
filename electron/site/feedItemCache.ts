// Each feed post's final HTML (rendered, sanitized, every URL made absolute),
// kept across builds in the cache folder: a feed changes whenever one of its
// posts does, and the author usually edits one of the newest, so without it
// every such build renders and sanitizes the whole feed again. An item's key
// holds everything its bytes come from (the post's bytes, the stamp of the
// images it shows, its path and URL, the build key, and this feed code), so a
// stale item can never match; the file keeps only the last feed's items.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { saveCacheFileSync } from '../cacheFile';

/** Bump when the file's shape changes. */
const FORMAT = 1;

interface CacheFileData {
  format: number;
  items: Record<string, string>;
}

/** What a feed item's HTML is made from. */
export interface FeedItemSource {
  /** The build key: settings, site and code (see build.ts buildKey). */
  build: string;
  /** The feed code itself, which the build key's code hash does not cover. */
  code: string;
  path: string;
  url: string;
  /** Hash of the post's bytes. */
  hash: string;
  /** The size and mtime of each image the post shows. */
  imagesStamp: string;
  /** Where the posts it links to live, by reference marker (see common/site/postReferences.ts). */
  links: Readonly<Record<string, string | null>>;
}

export class FeedItemCache {
  readonly #used = new Map<string, string>();

  private constructor(
    private readonly file: string,
    private readonly items: ReadonlyMap<string, string>,
  ) {}

  /** The items kept in `file`; none when it is '' (no cache folder), missing, or of another format. */
  static load(file: string): FeedItemCache {
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFileData;
      if (data.format === FORMAT && data.items && typeof data.items === 'object') return new FeedItemCache(file, new Map(Object.entries(data.items)));
    } catch {
      // none yet, or unreadable: every item is rendered
    }
    return new FeedItemCache(file, new Map());
  }

  static keyOf(source: FeedItemSource): string {
    return createHash('sha256').update(JSON.stringify([source.build, source.code, source.path, source.url, source.hash, source.imagesStamp, source.links])).digest('base64url');
  }

  /** The item's HTML, made by `make` unless a build already made it from the same sources. */
  async item(key: string, make: () => Promise<string | null>): Promise<string | null> {
    const html = this.items.get(key) ?? (await make());
    if (html !== null) this.#used.set(key, html);
    return html;
  }

  /** Keeps this feed's items (and only them); a failed write only costs the next build its head start. */
  save(): void {
    if (this.file) saveCacheFileSync(this.file, { format: FORMAT, items: Object.fromEntries(this.#used) } satisfies CacheFileData);
  }
}
