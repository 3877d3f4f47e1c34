// One post, from its bytes on disk to its page: front matter through the same
// summarize() the post list uses, body through the one markdown pipeline, page
// through the theme's TSX templates. Runs in the render workers and, for small
// rebuilds, on the main thread: both call renderPostFile(), so both write the
// same bytes.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createMarkdown, type ImageAttributes, type Markdown } from '../../common/markdown/pipeline';
import type { UrlKind } from '../../common/markdown/urls';
import { liquidSite, paramText } from '../../common/markdown/templateTags';
import { inDraftFolder } from '../../common/blog/classify';
import type { BlogLayout } from '../../common/blog/layout';
import { fieldOf } from '../../common/frontMatter/keys';
import { findFrontMatter, parsePost } from '../../common/post';
import { fillReferences, isReferenceMarker, linkedFile, referenceMarker, referencesIn, type PostReference } from '../../common/site/postReferences';
import { isPublished, type PublishOptions, type SiteInput } from '../../common/site/model';
import type { NavLink } from '../../common/site/nav';
import { fileOf } from '../../common/site/permalink';
import type { SiteSettings } from '../../common/siteSettings';
import { Page } from '../../common/theme/Page';
import { PostPage, type Neighbours } from '../../common/theme/pages';
import { renderPage } from '../../common/theme/render';
import { absoluteUrl, href, type Site } from '../../common/theme/site';
import { ApiError } from '../../common/errors';
import { fromDisk } from '../workspace/encoding';
import { postId } from '../workspace/ids';
import { summarizeBytes } from '../workspace/summary';
import { findAsset, mimeOf, type AssetLink } from './assets';
import { sanitizePostHtml } from './domWindow';
import { imageAttributes, ImageStore, isResizable } from './images';
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
  /** Where resized images are kept (see images.ts); without it images are published as they are. */
  imageCache?: string;
  /** The site's own params (Hugo's `[params]`), for `{{< param >}}` after the post's front matter. */
  params?: Readonly<Record<string, string>>;
  /** The folder the blog's generator publishes at the site's root (see findAsset). */
  contentRoot?: string;
  /** Liquid's site variables from Jekyll's _config.yml, for `{{ site.name }}`. */
  siteVariables?: Readonly<Record<string, string>>;
  /** Which folders hold drafts (Jekyll's `_drafts`): their posts are drafts whatever their front matter says. */
  drafts?: Pick<BlogLayout, 'generator' | 'draftFolders'>;
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
  /** Its links to other posts (by file, post_url, ref…), whose URLs its page holds once the site model placed them (see postReferences.ts). */
  references?: PostReference[];
  /** Workspace-relative images it shows resized: their derived files are published, not the originals. */
  images: string[];
  /** The size and mtime of each of `images` when it was rendered (see imagesStamp): another picture under the same name renders the post again. */
  imagesStamp: string;
  /** The page written for it, the neighbours it links to (see neighboursKey) and the URLs of the posts it links to (see linksKey); null when the post is not published (or could not be read). */
  page: { file: string; size: number; hash: string; neighbours: string; links?: string; nav?: string } | null;
  /** Why the file could not be published, e.g. not UTF-8. */
  problem?: string;
  /** Where the site model placed it before telling apart posts that claim one URL; kept while the blog's permalinks and layout are unchanged. */
  url?: string;
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
  const { title, date, words, excerpt, description, tags, author, updated, socialImage } = entry;
  const digest = (value: unknown) => hashOf(JSON.stringify(value)).slice(0, 16);
  return { listing: digest([title, date, words, excerpt, description, tags, author, updated, socialImage]), link: digest([title, date]) };
}


/**
 * Whether the last build's record of a post still stands for the same bytes
 * under this build's options: it was left out and still is, or its page is
 * still on disk.
 */
export function stillValid(record: PostRecord, publish: PublishOptions, out: OutputFolder, root: string): boolean {
  if (record.problem || !isPublished(record.entry, publish)) return record.page === null;
  if (record.images.length > 0 && imagesStamp(root, record.images) !== record.imagesStamp) return false;
  return record.page !== null && out.has(record.page.file, record.page.size);
}

export interface RenderedBody {
  record: PostRecord;
  /** The rendered, sanitized body; null when the post is not published. */
  body: string | null;
  /** Images the renderer has not read yet: load them (ImageStore.load) and render again for their sizes. */
  unread: string[];
}

export interface PostRenderer {
  readonly context: RenderContext;
  /** Phase 1: a post's record (front matter, excerpt, assets) and rendered body. */
  render(relative: string, bytes: Uint8Array, stats: { size: number; mtimeMs: number }, hash: string): RenderedBody;
  /** render(), after reading (or resizing) the images it shows, so each has its size and sources. */
  renderWithImages(relative: string, bytes: Uint8Array, stats: { size: number; mtimeMs: number }, hash: string): Promise<RenderedBody>;
  /**
   * Phase 2: the whole page of a rendered post, at the site path the site model gave it, linking to its
   * neighbours and, through `links` (by referenceMarker), to the posts it names.
   */
  page(entry: SiteInput, body: string, url: string, neighbours?: Neighbours, kind?: 'post' | 'page', links?: Readonly<Record<string, string | null>>, nav?: NavLink[]): string;
}

export function createPostRenderer(context: RenderContext): PostRenderer {
  const { root, site } = context;
  const store = context.imageCache && !context.inlineImages ? new ImageStore(context.imageCache) : null;
  /** The post being rendered: the pipeline's callbacks below note what it uses. */
  let post = new PostUses('', '');
  const markdown: Markdown = createMarkdown({
    sanitize: sanitizePostHtml,
    // Liquid's {{ site.repository }} and the like, as Jekyll fills them from _config.yml; url and baseurl as the site publishes.
    templates: {
      placeholders: false,
      site: liquidSite(context.siteVariables ?? {}, context.settings.baseUrl),
      // Its URL is known in phase 2, once every post is placed.
      reference: referenceMarker,
      param: (name) => paramText(fieldOf(parsePost(post.text).data, name)) ?? (context.params && paramText(fieldOf(context.params, name))),
    },
    imageAttributes: (src) => post.sized.get(src),
    resolveUrl: (url, kind) => resolvePostUrl(context, store, post, url, kind),
  });

  const render: PostRenderer['render'] = (relative, bytes, stats, hash) => {
    const base = { relative, size: stats.size, mtime: Math.floor(stats.mtimeMs), hash, assets: [] as string[], images: [] as string[], imagesStamp: '', page: null };
    const record = (entry: SiteInput, more: Partial<PostRecord> = {}): PostRecord => ({ ...base, entry, ...digestsOf(entry), ...more });
    let text: string;
    try {
      text = fromDisk(bytes, relative).text;
    } catch (error) {
      const entry: SiteInput = { path: relative, title: path.posix.basename(relative), date: null, tags: [], draft: true, slug: '', description: '', words: 0, excerpt: '' };
      return { record: record(entry, { problem: ApiError.from(error).message }), body: null, unread: [] };
    }
    // From the bytes, as the post list does: words are counted without decoding the body again.
    const { id: _id, modified: _modified, ...summary } = summarizeBytes(postId(relative), relative, bytes, stats.mtimeMs);
    const entry: SiteInput = { ...summary, excerpt: '' };
    // As the site model has it, so a draft's record says it is left out (and the next build does not render it again).
    if (context.drafts && inDraftFolder(relative, context.drafts)) entry.draft = true;
    if (!isPublished(entry, context.publish)) return { record: record(entry), body: null, unread: [] };
    post = new PostUses(relative, text);
    const body = markdown.render(text.slice(findFrontMatter(text).bodyStart)).html;
    entry.excerpt = excerptOf(body);
    const socialImage = frontImage(context, store, post, entry.image) ?? post.firstImage;
    if (socialImage) entry.socialImage = socialImage;
    const shown = [...post.images].sort();
    const more: Partial<PostRecord> = { assets: [...post.assets].sort(), images: shown, imagesStamp: imagesStamp(root, shown) };
    const references = referencesIn(body);
    if (references.length > 0) more.references = references;
    return { record: record(entry, more), body, unread: [...post.unread] };
  };

  return {
    context,
    render,
    async renderWithImages(relative, bytes, stats, hash) {
      const first = render(relative, bytes, stats, hash);
      if (first.unread.length === 0 || !store) return first;
      await Promise.all(first.unread.map((source) => store.load(source)));
      return render(relative, bytes, stats, hash);
    },
    page(entry, unfilled, url, neighbours = {}, kind = 'post', links = {}, nav) {
      const body = fillReferences(unfilled, (reference) => links[referenceMarker(reference)] ?? null);
      // The nav is decided once the site model has placed every page, after this renderer was made.
      const shown: Site = nav ? { ...site, nav } : site;
      if (kind === 'page') return renderPage(Page({ site: shown, page: { title: entry.title, description: entry.description, url }, html: body }), shown);
      return renderPage(PostPage({ site: shown, post: { ...entry, url }, html: body, neighbours }), shown);
    },
  };
}

/** What rendering one post's body notes besides its HTML: the files and images it uses, and its first image. */
class PostUses {
  /** Workspace-relative files its page links to. */
  readonly assets = new Set<string>();
  /** Workspace-relative images it shows resized. */
  readonly images = new Set<string>();
  /** Real paths of images the image store has not read yet. */
  readonly unread = new Set<string>();
  /** The attributes of each resized image, by the src it was given. */
  readonly sized = new Map<string, ImageAttributes>();
  /** The absolute URL of the body's first image, for link previews. */
  firstImage: string | undefined;

  constructor(
    /** The post's workspace-relative path: its links are relative to it. */
    readonly relative: string,
    /** The post's text, for `{{< param >}}` (its front matter is parsed only when a post asks). */
    readonly text: string,
  ) {}
}

/** A link or image URL of a post's body as the site publishes it: a file beside the post at its site address (resized, for an image), another post by its marker. */
function resolvePostUrl(context: RenderContext, store: ImageStore | null, post: PostUses, url: string, kind: UrlKind): string {
  const { site } = context;
  if (kind === 'link' && !isReferenceMarker(url) && linkedFile(url, post.relative)) return referenceMarker({ kind: 'file', target: url });
  const asset = findAsset(context.root, context.settings.output, post.relative, url, context.contentRoot);
  const src = kind === 'image' && asset ? resized(context, store, post, asset) : null;
  if (kind === 'image') post.firstImage ??= src ? new URL(src, site.settings.baseUrl).href : asset ? absoluteUrl(site, asset.relative) : webUrl(url);
  if (src) return src;
  if (!asset) return url;
  const type = mimeOf(asset.relative)!;
  if (context.inlineImages) {
    // A standalone page has no site beside it: images go inside, other files are linked where the site publishes them.
    if (type.startsWith('image/')) return `data:${type};base64,${fs.readFileSync(asset.source).toString('base64')}`;
    return absoluteUrl(site, asset.relative) + asset.suffix;
  }
  post.assets.add(asset.relative);
  return href(site, asset.relative) + asset.suffix;
}

/** A resized image's src (its largest fallback), or null when it is published as it is. */
function resized(context: RenderContext, store: ImageStore | null, post: PostUses, asset: AssetLink): string | null {
  if (!store || !isResizable(asset.relative)) return null;
  const record = store.known(asset.source);
  if (record === undefined) post.unread.add(asset.source);
  if (!record || record === 'failed') return null;
  post.images.add(asset.relative);
  const { src, attributes } = imageAttributes(asset.relative, record, (file) => href(context.site, file));
  post.sized.set(src, attributes);
  return src;
}

/** `image:` as an absolute URL: a web address as it is, a file beside the post published with it. */
function frontImage(context: RenderContext, store: ImageStore | null, post: PostUses, image: string | undefined): string | undefined {
  if (!image) return undefined;
  const { site } = context;
  const asset = findAsset(context.root, context.settings.output, post.relative, image, context.contentRoot);
  if (!asset || !mimeOf(asset.relative)!.startsWith('image/')) return webUrl(image);
  const src = resized(context, store, post, asset);
  if (src) return new URL(src, site.settings.baseUrl).href;
  post.assets.add(asset.relative);
  return absoluteUrl(site, asset.relative);
}

/** An http(s) URL as the URL parser writes it; undefined for anything else (a relative path, data:, a typo). */
export function webUrl(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
}

/** The size and mtime of each image, to notice one replaced under the same name. */
export function imagesStamp(root: string, images: readonly string[]): string {
  return images.map((image) => {
    const stats = fs.statSync(`${root}/${image}`, { throwIfNoEntry: false });
    return `${stats?.size}:${Math.floor(stats?.mtimeMs ?? 0)}`;
  }).join(' ');
}

/** The URLs a page gives the posts it links to, short: a page whose links lead elsewhere now is written again. */
export const linksKey = (links: Readonly<Record<string, string | null>>): string => hashOf(JSON.stringify(Object.entries(links).sort())).slice(0, 16);

/** The nav, short: every page's header shows it, so a page whose nav changed is written again. */
export const navDigest = (nav: readonly NavLink[]): string => hashOf(JSON.stringify(nav)).slice(0, 16);

/** What a page shows of its neighbours, short: a page whose neighbours changed is written again. */
export const neighboursKey = (n: Neighbours): string => hashOf(JSON.stringify([n.newer?.url, n.newer?.title, n.older?.url, n.older?.title])).slice(0, 16);

/** Reads a post file; null when it vanished or is not a regular file. */
export function readPost(root: string, relative: string): { bytes: Buffer; stats: fs.Stats } | null {
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
  /** The newer and older posts its page links to. */
  neighbours: Neighbours;
  /** A page (about, now) gets the page layout; a post when absent. */
  kind?: 'post' | 'page';
  /** Where each post it links to lives (by referenceMarker); null for one that is not published. */
  links: Record<string, string | null>;
  /** The page the last build wrote for it, so unchanged bytes are not written again. */
  previous: PostRecord['page'];
}

/** The site's nav, sent once with each batch of page tasks, and its digest (navDigest), kept in each page's record. */
export interface PageNav {
  links: NavLink[];
  digest: string;
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

  async scan({ relative, previous, reuse }: ScanTask): Promise<ScanResult | null> {
    const file = readPost(this.renderer.context.root, relative);
    if (!file) return null;
    const hash = hashOf(file.bytes);
    const { stats } = file;
    if (reuse && previous && previous.hash === hash && stillValid(previous, this.renderer.context.publish, this.out, this.renderer.context.root)) {
      return { record: { ...previous, size: stats.size, mtime: Math.floor(stats.mtimeMs) }, rendered: false };
    }
    const { record, body } = await this.renderer.renderWithImages(relative, file.bytes, stats, hash);
    if (body !== null) this.#bodies.set(relative, { entry: record.entry, body });
    return { record, rendered: true };
  }

  async page({ relative, url, neighbours, kind, links, previous }: PageTask, nav: PageNav): Promise<PageResult | null> {
    let kept = this.#bodies.get(relative);
    if (!kept) {
      const file = readPost(this.renderer.context.root, relative);
      if (!file) return null;
      const { record, body } = await this.renderer.renderWithImages(relative, file.bytes, file.stats, '');
      if (body === null) return null;
      kept = { entry: record.entry, body };
    }
    this.#bodies.delete(relative);
    const html = this.renderer.page(kept.entry, kept.body, url, neighbours, kind, links, nav.links);
    const page = { file: fileOf(url), size: Buffer.byteLength(html), hash: hashOf(html), neighbours: neighboursKey(neighbours), links: linksKey(links), nav: nav.digest };
    const same = previous?.file === page.file && previous.hash === page.hash && this.out.has(page.file, page.size);
    if (!same) this.out.write(page.file, html);
    return { relative, page, written: !same };
  }
}
