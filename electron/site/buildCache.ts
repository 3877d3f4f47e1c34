// What the last build of a workspace into an output folder produced, kept in
// the app's cache folder (never in the workspace or the output): each post's
// source hash and page, and every other output's inputs and bytes. With it a
// rebuild renders only what changed, leaves unchanged files untouched and
// deletes what it no longer produces. A missing or corrupt cache only costs a
// full build.
//
// Two files, because a rebuild after one edit must not read and write
// megabytes: an index of every post and output as plain arrays (what the site
// model and the pages' keys need), and the posts' excerpts, the bulk of the
// text, in a file that only grows. The index records where each excerpt is, so
// a rebuild reads only those of the posts on pages it renders again, and
// appends only those it rendered; the excerpt file is rewritten whole when it
// is mostly stale.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../common/errors';
import type { SiteInput } from '../../common/site/model';
import type { PostRecord } from './postRenderer';

/** Bump when the cache's shape changes. */
const FORMAT = 9;
/** The excerpt file is rewritten when it holds more than this many times the bytes still in use. */
const STALE_FACTOR = 3;

/** One output that is not a post page: a hash of what it was made from, and of its bytes. */
export interface OutputRecord {
  key: string;
  size: number;
  hash: string;
}

/** Where an excerpt is in the excerpt file: byte offset and length of its JSON string. */
type Span = [offset: number, length: number];
type IndexedEntry = [title: string, date: string | null, tags: string[], draft: boolean, slug: string, description: string, words: number, error: SiteInput['error'] | null, optional: Optional | null];
/** The fields most posts leave out, kept only when set (a page's kind, its own permalink and old addresses decide its URLs). */
type Optional = Pick<SiteInput, 'author' | 'image' | 'updated' | 'socialImage' | 'kind' | 'categories' | 'permalink' | 'expires' | 'aliases' | 'fileSlug' | 'nav'>;
type IndexedPost = [
  relative: string,
  size: number,
  mtime: number,
  hash: string,
  listing: string,
  link: string,
  assets: string[],
  page: [file: string, size: number, hash: string, neighbours: string, links: string | null, nav: string | null] | null,
  problem: string | null,
  entry: IndexedEntry,
  excerpt: Span | null,
  images: string[],
  imagesStamp: string,
  references: PostRecord['references'] | null,
  url: string | null,
];

interface IndexFile {
  format: number;
  /** Settings and code the last build used: when they differ, every page is rendered again. */
  key: string;
  /** The permalink settings and blog layout the posts' URLs were placed with: when they differ, every URL is placed again. */
  urlKey: string;
  /** The excerpt file's name beside the index, and its size when the index was written. */
  excerpts: string;
  excerptsSize: number;
  posts: IndexedPost[];
  outputs: [file: string, key: string, size: number, hash: string][];
}

/** What the cached records depend on besides each post's own file. */
export interface CacheKeys {
  /** Settings, theme and code: what every page's bytes depend on. */
  key: string;
  /** The permalink settings and the blog's layout: what every post's URL depends on. */
  urlKey: string;
}

/** A post's record as the index keeps it: plain arrays, and only the optional fields that are set. */
function indexedPost(p: PostRecord, excerpt: Span | null): IndexedPost {
  const { title, date, tags, draft, slug, description, words, error, author, image, updated, socialImage, kind, categories, permalink, expires, aliases, fileSlug, nav } = p.entry;
  const page = p.page && ([p.page.file, p.page.size, p.page.hash, p.page.neighbours, p.page.links ?? null, p.page.nav ?? null] as [string, number, string, string, string | null, string | null]);
  const set = { author, image, updated, socialImage, kind, categories, permalink, expires, aliases, fileSlug, nav };
  const optional = Object.values(set).some(Boolean) ? (Object.fromEntries(Object.entries(set).filter(([, v]) => v)) as Optional) : null;
  const fields: IndexedEntry = [title, date, tags, draft, slug, description, words, error ?? null, optional];
  return [p.relative, p.size, p.mtime, p.hash, p.listing, p.link, p.assets, page, p.problem ?? null, fields, excerpt, p.images, p.imagesStamp, p.references ?? null, p.url ?? null];
}

export class BuildCache {
  /** The excerpt file, opened on first use. */
  #fd: number | null = null;

  private constructor(
    private readonly file: string,
    /** Whether the last build had the same settings and code. */
    readonly sameKey: boolean,
    readonly posts: ReadonlyMap<string, PostRecord>,
    readonly outputs: Readonly<Record<string, OutputRecord>>,
    /** Where each cached post's excerpt is; a cached record's entry has none of its own. */
    private readonly spans: ReadonlyMap<string, Span>,
    /** The excerpt file's name and the bytes of it the index knows of. */
    private readonly excerpts: { name: string; size: number } | null,
  ) {}

  /** The cache of building `root` into `outputRoot` (both real paths); empty when there is none. */
  static load(cacheDir: string | undefined, root: string, outputRoot: string, { key, urlKey }: CacheKeys): BuildCache {
    const name = createHash('sha256').update(`${root}\0${outputRoot}`).digest('base64url').slice(0, 22);
    const file = cacheDir ? path.join(cacheDir, 'site', `${name}.json`) : '';
    const empty = new BuildCache(file, false, new Map(), {}, new Map(), null);
    let data: IndexFile;
    try {
      if (!file) return empty;
      data = JSON.parse(fs.readFileSync(file, 'utf8')) as IndexFile;
      if (data.format !== FORMAT || !Array.isArray(data.posts) || !Array.isArray(data.outputs)) return empty;
      // The file only grows between index writes: shorter means it is not the one the index describes.
      if (fs.statSync(path.join(path.dirname(file), data.excerpts)).size < data.excerptsSize) return empty;
    } catch {
      return empty; // none yet, or unreadable: a full build
    }
    const posts = new Map<string, PostRecord>();
    const spans = new Map<string, Span>();
    const samePlaces = data.urlKey === urlKey;
    for (const [relative, size, mtime, hash, listing, link, assets, page, problem, fields, span, images, imagesStamp, references, url] of data.posts) {
      const [title, date, tags, draft, slug, description, words, error, optional] = fields;
      const entry: SiteInput = { path: relative, title, date, tags, draft, slug, description, words, ...optional };
      if (error) entry.error = error;
      const record: PostRecord = { relative, size, mtime, hash, entry, listing, link, assets, images, imagesStamp, page: page && { file: page[0], size: page[1], hash: page[2], neighbours: page[3] } };
      if (page?.[4] && record.page) record.page.links = page[4];
      if (page?.[5] && record.page) record.page.nav = page[5];
      if (references) record.references = references;
      if (url !== null && samePlaces) record.url = url;
      if (problem !== null) record.problem = problem;
      posts.set(relative, record);
      if (span) spans.set(relative, span);
    }
    const outputs: Record<string, OutputRecord> = {};
    for (const [output, outputKey, size, hash] of data.outputs) outputs[output] = { key: outputKey, size, hash };
    return new BuildCache(file, data.key === key, posts, outputs, spans, { name: data.excerpts, size: data.excerptsSize });
  }

  /** The excerpt of a post whose record came from this cache (its entry carries none). */
  excerpt(relative: string): string {
    const span = this.spans.get(relative);
    if (!span) return '';
    try {
      this.#fd ??= fs.openSync(path.join(path.dirname(this.file), this.excerpts!.name), 'r');
      const bytes = Buffer.alloc(span[1]);
      fs.readSync(this.#fd, bytes, 0, span[1], span[0]);
      const excerpt: unknown = JSON.parse(bytes.toString('utf8'));
      if (typeof excerpt === 'string') return excerpt;
    } catch {
      // damaged: below
    }
    this.clear();
    throw new ApiError('io', `The build cache in ${path.dirname(this.file)} was damaged, so nothing was deleted from the site; it has been cleared: build again for a full build.`);
  }

  /** A file beside this cache for another cache of the same build (such as the feed items); '' when there is no cache folder. */
  companion(name: string): string {
    return this.file && `${this.file.slice(0, -'.json'.length)}.${name}.json`;
  }

  /** Every file the last build wrote, relative to the output folder. */
  files(): Set<string> {
    const files = new Set(Object.keys(this.outputs));
    for (const post of this.posts.values()) if (post.page) files.add(post.page.file);
    return files;
  }

  /** Stores this build's results; a failed write only costs the next build its head start. */
  save({ key, urlKey }: CacheKeys, posts: readonly PostRecord[], outputs: Record<string, OutputRecord>): void {
    if (!this.file) return;
    const folder = path.dirname(this.file);
    const temp = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    let fresh: string | null = null;
    try {
      fs.mkdirSync(folder, { recursive: true });
      // Excerpts this build rendered are appended; the cached ones stay where they are.
      const added: string[] = [];
      let live = 0;
      for (const post of posts) {
        if (post.entry.excerpt) added.push(JSON.stringify(post.entry.excerpt));
        else live += this.spans.get(post.relative)?.[1] ?? 0;
      }
      const appended = Buffer.from(added.length ? `${added.join('\n')}\n` : '');
      live += appended.length;
      const known = this.excerpts?.size ?? 0;
      const rewrite = !this.excerpts || known + appended.length > STALE_FACTOR * live;
      const name = rewrite ? `${path.basename(this.file, '.json')}-${randomBytes(6).toString('hex')}.excerpts` : this.excerpts!.name;
      const excerptFile = path.join(folder, name);
      const spans = new Map<string, Span>();
      let size: number;
      if (rewrite) {
        // The stale excerpt file in one read; the new one holds only what the index refers to.
        const old = this.excerpts && this.spans.size ? fs.readFileSync(path.join(folder, this.excerpts.name)) : Buffer.alloc(0);
        const kept: Buffer[] = [];
        size = 0;
        for (const post of posts) {
          const span = post.entry.excerpt ? null : this.spans.get(post.relative);
          if (!span) continue;
          const bytes = old.subarray(span[0], span[0] + span[1] + 1);
          spans.set(post.relative, [size, span[1]]);
          kept.push(bytes);
          size += bytes.length;
        }
        kept.push(appended);
        fresh = excerptFile;
        fs.writeFileSync(excerptFile, Buffer.concat(kept));
      } else {
        for (const post of posts) {
          const span = post.entry.excerpt ? null : this.spans.get(post.relative);
          if (span) spans.set(post.relative, span);
        }
        // Appended where the file ends now, which is past what the index knew of if an earlier save stopped halfway.
        const fd = fs.openSync(excerptFile, 'a');
        try {
          size = fs.fstatSync(fd).size;
          fs.writeSync(fd, appended);
        } finally {
          fs.closeSync(fd);
        }
      }
      for (const post of posts) {
        if (!post.entry.excerpt) continue;
        const length = Buffer.byteLength(JSON.stringify(post.entry.excerpt));
        spans.set(post.relative, [size, length]);
        size += length + 1;
      }
      const data: IndexFile = {
        format: FORMAT,
        key,
        urlKey,
        excerpts: name,
        excerptsSize: size,
        posts: posts.map((p) => indexedPost(p, spans.get(p.relative) ?? null)),
        outputs: Object.entries(outputs).map(([file, o]) => [file, o.key, o.size, o.hash]),
      };
      fs.writeFileSync(temp, JSON.stringify(data));
      fs.renameSync(temp, this.file);
      if (rewrite) this.#removeExcerpts(name);
    } catch {
      fs.rmSync(temp, { force: true });
      if (fresh) fs.rmSync(fresh, { force: true });
    } finally {
      this.#close();
    }
  }

  /** Forgets the last build (after a failed one, whose outputs are not known to be whole). */
  clear(): void {
    this.#close();
    if (!this.file) return;
    fs.rmSync(this.file, { force: true });
    this.#removeExcerpts(null);
  }

  /** Every excerpt file of this cache but `keep`, the one of an index that was not used (cut short, older format) included. */
  #removeExcerpts(keep: string | null): void {
    const folder = path.dirname(this.file);
    const prefix = `${path.basename(this.file, '.json')}-`;
    for (const name of fs.readdirSync(folder)) {
      if (name.startsWith(prefix) && name.endsWith('.excerpts') && name !== keep) fs.rmSync(path.join(folder, name), { force: true });
    }
  }

  #close(): void {
    if (this.#fd !== null) fs.closeSync(this.#fd);
    this.#fd = null;
  }
}
