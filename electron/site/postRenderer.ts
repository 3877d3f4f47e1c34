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
import { fileOf, postUrl } from '../../common/site/permalink';
import type { SiteSettings } from '../../common/siteSettings';
import { PostPage } from '../../common/theme/pages';
import { renderPage } from '../../common/theme/render';
import { absoluteUrl, href, type Site } from '../../common/theme/site';
import { ApiError } from '../../common/errors';
import { fromDisk } from '../workspace/encoding';
import { postId } from '../workspace/ids';
import { summarize } from '../workspace/summary';
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
  /** Workspace-relative files its page links to, copied into the site. */
  assets: string[];
  /** The page written for it; null when the post is not published (or could not be read). */
  page: { file: string; size: number; hash: string } | null;
  /** Why the file could not be published, e.g. not UTF-8. */
  problem?: string;
}

export const hashOf = (bytes: string | Uint8Array): string => createHash('sha1').update(bytes).digest('base64url');

// jsdom takes a while to load, and most posts have no raw HTML: load it on the first that does.
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

export interface PostRenderer {
  readonly context: RenderContext;
  /** The record and (when published) the page of one post. */
  /** `url` overrides the permalink (a post whose slug another post took first). */
  render(relative: string, bytes: Uint8Array, stats: { size: number; mtimeMs: number }, hash: string, url?: string): { record: PostRecord; html: string | null };
}

export function createPostRenderer(context: RenderContext): PostRenderer {
  const { root, settings, site } = context;
  let current = '';
  let assets = new Set<string>();
  const markdown: Markdown = createMarkdown({
    sanitize: lazySanitize,
    rawHtml: settings.rawHtml,
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
    render(relative, bytes, stats, hash, forcedUrl) {
      const base = { relative, size: stats.size, mtime: Math.floor(stats.mtimeMs), hash, assets: [] as string[], page: null };
      let text: string;
      try {
        text = fromDisk(bytes, relative).text;
      } catch (error) {
        const message = ApiError.from(error).message;
        const entry: SiteInput = { path: relative, title: path.posix.basename(relative), date: null, tags: [], draft: true, slug: '', description: '', words: 0, excerpt: '' };
        return { record: { ...base, entry, problem: message }, html: null };
      }
      const { id: _id, modified: _modified, ...summary } = summarize(postId(relative), relative, text, stats.mtimeMs);
      const entry: SiteInput = { ...summary, excerpt: '' };
      if (!isPublished(entry, context.publish)) return { record: { ...base, entry }, html: null };

      current = relative;
      assets = new Set();
      const body = markdown.render(text.slice(findFrontMatter(text).bodyStart)).html;
      entry.excerpt = excerptOf(body);
      const url = forcedUrl ?? postUrl(settings.permalink, entry.slug, entry.date);
      const html = renderPage(PostPage({ site, post: { ...entry, url }, html: body }));
      const page = { file: fileOf(url), size: Buffer.byteLength(html), hash: hashOf(html) };
      return { record: { ...base, entry, assets: [...assets].sort(), page }, html };
    },
  };
}

export interface PostTask {
  relative: string;
  /** The last build's record of this post: its page is not rewritten when the bytes come out the same. */
  previous?: PostRecord;
  /** The last build had the same settings and code, so unchanged source bytes need no render at all. */
  reuse: boolean;
  /** Render at this site path instead of the permalink (see siteModel's duplicates). */
  url?: string;
}

export interface PostResult {
  record: PostRecord;
  /** False when the last build's record still stood and nothing was rendered. */
  rendered: boolean;
  /** The page's bytes changed (or it is new), so it was written. */
  written: boolean;
  /**
   * Not written: the last build put this post elsewhere (its slug was taken), so
   * its permalink may belong to another post. The build decides and renders it again.
   */
  deferred?: true;
}

/** Reads, renders and writes one post; null for a file that vanished. */
export function renderPostFile(renderer: PostRenderer, out: OutputFolder, { relative, previous, reuse, url }: PostTask): PostResult | null {
  const { root } = renderer.context;
  let bytes: Buffer;
  let stats: fs.Stats;
  try {
    const fd = fs.openSync(path.join(root, relative), fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    try {
      stats = fs.fstatSync(fd);
      if (!stats.isFile()) return null;
      bytes = fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
  const hash = hashOf(bytes);
  if (reuse && previous && previous.hash === hash && stillValid(previous, renderer.context.publish, out)) {
    return { record: { ...previous, size: stats.size, mtime: Math.floor(stats.mtimeMs) }, rendered: false, written: false };
  }
  const { record, html } = renderer.render(relative, bytes, stats, hash, url);
  let written = false;
  if (html !== null && record.page && url === undefined && previous?.page && previous.page.file !== record.page.file) {
    return { record, rendered: true, written, deferred: true };
  }
  if (html !== null && record.page) {
    const same = previous?.page?.file === record.page.file && previous.page.hash === record.page.hash && out.has(record.page.file, record.page.size);
    if (!same) out.write(record.page.file, html);
    written = !same;
  }
  return { record, rendered: true, written };
}
