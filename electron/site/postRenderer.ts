// One post, from its bytes on disk to its page: front matter through the same
// summarize() the post list uses, body through the one markdown pipeline, page
// through the theme's TSX templates. Runs in the render workers and, for small
// rebuilds, on the main thread: both call renderPostFile(), so both write the
// same bytes.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createMarkdown, type Markdown } from '../../common/markdown/pipeline';
import { createSanitizer, type Sanitizer } from '../../common/markdown/sanitize';
import { findFrontMatter } from '../../common/post';
import { isPublished, type PublishOptions, type SiteInput } from '../../common/site/model';
import { fileOf } from '../../common/site/permalink';
import type { SiteSettings } from '../../common/siteSettings';
import { Page } from '../../common/theme/Page';
import { PostPage } from '../../common/theme/pages';
import { renderPage } from '../../common/theme/render';
import { absoluteUrl, href, type Site } from '../../common/theme/site';
import { ApiError } from '../../common/errors';
import { fromDisk } from '../workspace/encoding';
import { postId } from '../workspace/ids';
import { summarizeBytes } from '../workspace/summary';
import { findAsset, mimeOf } from './assets';
import { excerptOf } from './excerpt';
import type { OutputFolder } from './outputFolder';

export interface RenderContext {
  /** Real path of the workspace. */
  root: string;
  settings: SiteSettings;
  site: Site;
  publish: PublishOptions;
  /** Images become data: URIs (a standalone page) instead of files in the site. */
  inlineImages?: boolean;
}

/** What the build remembers of a post between builds (see buildCache.ts). */
export interface PostRecord {
  relative: string;
  size: number;
  mtime: number;
  /** Hash of the source bytes. */
  hash: string;
  entry: SiteInput;
  /** Digests of what listing pages show of the post (see digestsOf): their keys hash these, not the fields. */
  listing: string;
  link: string;
  /** Workspace-relative files its page links to, copied into the site. */
  assets: string[];
  /** The page written for it; null when the post is not published (or could not be read). */
  page: { file: string; size: number; hash: string } | null;
  /** Why the file could not be published, e.g. not UTF-8. */
  problem?: string;
}

export const hashOf = (bytes: string | Uint8Array): string => createHash('sha1').update(bytes).digest('base64url');

/**
 * Short digests of a post's fields as listing pages show them (the URL aside,
 * which the site model decides): `listing` for index cards and feeds (every
 * listed field), `link` for the archive and tag pages (title and date). Made
 * once when the post is rendered, so a rebuild hashes 10,000 of these instead
 * of the fields themselves.
 */
export function digestsOf(entry: SiteInput): { listing: string; link: string } {
  const { title, date, words, excerpt, description, tags } = entry;
  const digest = (value: unknown) => hashOf(JSON.stringify(value)).slice(0, 16);
  return { listing: digest([title, date, words, excerpt, description, tags]), link: digest([title, date]) };
}

// jsdom takes a while to load: load it on the first post rendered, not when a worker starts.
const load = createRequire(import.meta.url);
let sharedSanitizer: Sanitizer | undefined;
const lazySanitize: Sanitizer = (html) => {
  if (!sharedSanitizer) {
    const { JSDOM } = load('jsdom') as typeof import('jsdom');
    sharedSanitizer = createSanitizer(new JSDOM('').window as unknown as Window & typeof globalThis);
  }
  return sharedSanitizer(html);
};

/**
 * Whether the last build's record of a post still stands for the same bytes
 * under this build's options: it was left out and still is, or its page is
 * still on disk.
 */
export function stillValid(record: PostRecord, publish: PublishOptions, out: OutputFolder): boolean {
  if (record.problem || !isPublished(record.entry, publish)) return record.page === null;
  return record.page !== null && out.has(record.page.file, record.page.size);
}

export interface RenderedBody {
  record: PostRecord;
  /** The rendered, sanitized body; null when the post is not published. */
  body: string | null;
}

export interface PostRenderer {
  readonly context: RenderContext;
  /** Phase 1: a post's record (front matter, excerpt, assets) and rendered body. */
  render(relative: string, bytes: Uint8Array, stats: { size: number; mtimeMs: number }, hash: string): RenderedBody;
  /** Phase 2: the whole page of a rendered post, at the site path the site model gave it. */
  page(entry: SiteInput, body: string, url: string, kind?: 'post' | 'page'): string;
}

export function createPostRenderer(context: RenderContext): PostRenderer {
  const { root, settings, site } = context;
  let current = '';
  let assets = new Set<string>();
  const markdown: Markdown = createMarkdown({
    sanitize: lazySanitize,
    // Liquid's {{ site.url }} and {{ site.baseurl }}, as Jekyll fills them from _config.yml.
    templates: { placeholders: false, site: { url: new URL(settings.baseUrl).origin, baseurl: new URL(settings.baseUrl).pathname.replace(/\/$/, '') } },
    resolveUrl: (url) => {
      const asset = findAsset(root, settings.output, current, url);
      if (!asset) return url;
      const type = mimeOf(asset.relative)!;
      if (context.inlineImages) {
        // A standalone page has no site beside it: images go inside, other files are linked where the site publishes them.
        if (type.startsWith('image/')) return `data:${type};base64,${fs.readFileSync(asset.source).toString('base64')}`;
        return absoluteUrl(site, asset.relative) + asset.suffix;
      }
      assets.add(asset.relative);
      return href(site, asset.relative) + asset.suffix;
    },
  });

  return {
    context,
    render(relative, bytes, stats, hash) {
      const base = { relative, size: stats.size, mtime: Math.floor(stats.mtimeMs), hash, assets: [] as string[], page: null };
      const record = (entry: SiteInput, more: Partial<PostRecord> = {}): PostRecord => ({ ...base, entry, ...digestsOf(entry), ...more });
      let text: string;
      try {
        text = fromDisk(bytes, relative).text;
      } catch (error) {
        const message = ApiError.from(error).message;
        const entry: SiteInput = { path: relative, title: path.posix.basename(relative), date: null, tags: [], draft: true, slug: '', description: '', words: 0, excerpt: '' };
        return { record: record(entry, { problem: message }), body: null };
      }
      // From the bytes, as the post list does: words are counted without decoding the body again.
      const { id: _id, modified: _modified, ...summary } = summarizeBytes(postId(relative), relative, bytes, stats.mtimeMs);
      const entry: SiteInput = { ...summary, excerpt: '' };
      if (!isPublished(entry, context.publish)) return { record: record(entry), body: null };
      current = relative;
      assets = new Set();
      const body = markdown.render(text.slice(findFrontMatter(text).bodyStart)).html;
      entry.excerpt = excerptOf(body);
      return { record: record(entry, { assets: [...assets].sort() }), body };
    },
    page(entry, body, url, kind = 'post') {
      if (kind === 'page') return renderPage(Page({ site, page: { title: entry.title, description: entry.description, url }, html: body }), site);
      return renderPage(PostPage({ site, post: { ...entry, url }, html: body }), site);
    },
  };
}

/** Reads a post file; null when it vanished or is not a regular file. */
function readPost(root: string, relative: string): { bytes: Buffer; stats: fs.Stats } | null {
  try {
    const fd = fs.openSync(path.join(root, relative), fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    try {
      const stats = fs.fstatSync(fd);
      return stats.isFile() ? { bytes: fs.readFileSync(fd), stats } : null;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
}

export interface ScanTask {
  relative: string;
  /** The last build's record of this post. */
  previous?: PostRecord;
  /** The last build had the same settings and code, so unchanged source bytes need no render at all. */
  reuse: boolean;
}

export interface ScanResult {
  record: PostRecord;
  /** False when the last build's record still stood and nothing was rendered. */
  rendered: boolean;
}

export interface PageTask {
  relative: string;
  /** Where the site model puts the post. */
  url: string;
  /** A page (about, now) gets the page layout. */
  kind: 'post' | 'page';
  /** The page the last build wrote for it, so unchanged bytes are not written again. */
  previous: PostRecord['page'];
}

export interface PageResult {
  relative: string;
  page: NonNullable<PostRecord['page']>;
  written: boolean;
}

/**
 * The two phases of a post's build, as one thread runs them: scan() renders
 * a changed post's body and keeps it; once the site model has given every post
 * its URL, page() wraps the body in the page and writes it. A post whose body
 * is not kept (unchanged source, new URL) is read and rendered again.
 */
export class PostWorkshop {
  readonly #bodies = new Map<string, { entry: SiteInput; body: string }>();

  constructor(
    readonly renderer: PostRenderer,
    readonly out: OutputFolder,
  ) {}

  scan({ relative, previous, reuse }: ScanTask): ScanResult | null {
    const file = readPost(this.renderer.context.root, relative);
    if (!file) return null;
    const hash = hashOf(file.bytes);
    const { stats } = file;
    if (reuse && previous && previous.hash === hash && stillValid(previous, this.renderer.context.publish, this.out)) {
      return { record: { ...previous, size: stats.size, mtime: Math.floor(stats.mtimeMs) }, rendered: false };
    }
    const { record, body } = this.renderer.render(relative, file.bytes, stats, hash);
    if (body !== null) this.#bodies.set(relative, { entry: record.entry, body });
    return { record, rendered: true };
  }

  page({ relative, url, kind, previous }: PageTask): PageResult | null {
    let kept = this.#bodies.get(relative);
    if (!kept) {
      const file = readPost(this.renderer.context.root, relative);
      if (!file) return null;
      const { record, body } = this.renderer.render(relative, file.bytes, file.stats, '');
      if (body === null) return null;
      kept = { entry: record.entry, body };
    }
    this.#bodies.delete(relative);
    const html = this.renderer.page(kept.entry, kept.body, url, kind);
    const page = { file: fileOf(url), size: Buffer.byteLength(html), hash: hashOf(html) };
    const same = previous?.file === page.file && previous.hash === page.hash && this.out.has(page.file, page.size);
    if (!same) this.out.write(page.file, html);
    return { relative, page, written: !same };
  }
}
