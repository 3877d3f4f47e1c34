// What a link can point at: the workspace's posts (by file and by the URL each
// publishes to), their anchors, and other files in the workspace.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { ApiError } from '../../../common/errors';
import { parsePost } from '../../../common/post';
import type { PostSummary } from '../../../common/types';
import { normalizeRelative, resolveInside } from '../../workspace/paths';
import type { Workspace } from '../../workspace/workspace';
import { normalizeUrlPath } from './hrefs';
import { urlOf } from '../../../common/site/model';
import { tagUrl } from '../../../common/site/permalink';
import { CATEGORIES_URL, categoryUrl, sectionFolders, sectionUrl } from '../../../common/site/hugoLists';
import { FEEDS, THEME_CSS, DEFAULT_FAVICON } from '../../../common/theme/site';
import { readBlogLayout } from '../../workspace/blogLayout';
import { readSiteSettings } from '../../workspace/settings';
import { isPlaceholderAddress } from '../../../common/siteAddress';
import type { FactsCache } from './factsCache';
import { FolderListings } from './folderListings';

/** The URL a post publishes to (the site's permalink setting). */
export type UrlOf = (post: PostSummary) => string;

/**
 * Where each post publishes under the blog's permalinks (the URL the build gives it), and a key of
 * everything besides the post itself that decides it: the settings and the generator's config.
 */
export async function siteUrls(root: string): Promise<{ urlOf: UrlOf; key: string }> {
  const layout = readBlogLayout(root);
  const settings = await readSiteSettings(root, layout);
  const key = createHash('sha256').update(JSON.stringify([settings, layout])).digest('base64url');
  return { urlOf: (post) => `/${urlOf(post, post.kind ?? 'post', settings, layout)}`, key };
}

export type FileKind = 'file' | 'folder' | 'missing' | 'outside';

export class SiteIndex {
  readonly #byPath = new Map<string, PostSummary>();
  readonly #byUrl = new Map<string, PostSummary[]>();
  /** The folders posts publish into (`/posts/`): a link into one that matches no post is broken. */
  readonly #postFolders = new Set<string>();
  readonly #anchors = new Map<string, Promise<Set<string>>>();
  #paths: Set<string> | undefined;
  /** The workspace's folders as this check found them: most lookups end in one of these listings. */
  readonly folders: FolderListings;
  #base: Promise<URL | null> | undefined;
  /** Addresses the build writes besides posts and pages: old addresses (redirects), listings, feeds. */
  readonly #generated = new Set(['/', '/archive/', '/tags/', ...[...Object.values(FEEDS), 'sitemap.xml', 'robots.txt', '404.html', THEME_CSS, DEFAULT_FAVICON].map((file) => `/${file}/`)]);

  constructor(
    private readonly workspace: Workspace,
    posts: readonly PostSummary[],
    readonly urlOf: UrlOf,
    /** Where the anchors of posts found by earlier checks are kept. */
    private readonly facts?: FactsCache,
    folders = new FolderListings(workspace.root),
  ) {
    this.folders = folders;
    for (const post of posts) {
      this.#byPath.set(post.path, post);
      const url = normalizeUrlPath(urlOf(post));
      this.#byUrl.set(url, [...(this.#byUrl.get(url) ?? []), post]);
      this.#postFolders.add(posix.dirname(url));
      for (const alias of post.aliases ?? []) this.#generated.add(normalizeUrlPath(alias.startsWith('/') ? alias : `/${alias}`));
      for (const tag of post.tags) this.#generated.add(`/${tagUrl(tag)}`);
    }
    // A Hugo blog keeps its section and category lists (see hugoLists.ts).
    if (workspace.layout.generator === 'hugo') {
      const pages = posts.filter((post) => post.kind === 'page').map((page) => page.path);
      for (const folder of sectionFolders(workspace.layout, pages)) this.#generated.add(`/${sectionUrl(folder)}`);
      const categories = posts.flatMap((post) => post.categories ?? []);
      if (categories.length > 0) this.#generated.add(`/${CATEGORIES_URL}`);
      for (const name of categories) this.#generated.add(`/${categoryUrl(name)}`);
    }
  }

  /**
   * Whether the built site answers at a URL path with something other than a
   * post or page: a redirect from an old address, a listing or feed, the index's
   * later pages, a file of the workspace or of a static folder (`static/x.png`
   * at `/x.png`).
   */
  async serves(url: string): Promise<boolean> {
    const normal = normalizeUrlPath(url);
    if (this.#generated.has(normal) || /^\/page\/\d+\/$/.test(normal)) return true;
    const relative = url.replace(/^\/+/, '');
    if (relative === '') return true;
    return (await this.fileAt(relative)) === 'file' || (await this.publishesFrom(url));
  }

  /**
   * Whether a site path names a workspace file published from elsewhere than the same path: a static
   * folder's (`static/x.png` at `/x.png`), or one in the folder the generator publishes at the root
   * (`src/blog/x.png` for Eleventy's input `src`), which the build finds for a post that links it.
   */
  async publishesFrom(url: string): Promise<boolean> {
    const relative = url.replace(/^\/+/, '');
    for (const { source, target } of this.workspace.layout.staticFolders) {
      if (target === '' || relative.startsWith(target)) {
        if ((await this.fileAt(`${source}/${relative.slice(target.length)}`)) === 'file') return true;
      }
    }
    const { contentRoot } = this.workspace.layout;
    return contentRoot !== '' && (await this.fileAt(`${contentRoot}/${relative}`)) === 'file';
  }

  /**
   * The site path (`/news/x/#y`) of an absolute URL under the site's own base URL, which a blog's posts
   * often use to link each other (`https://gohugo.io/news/x/`); null for any other URL.
   */
  async ownPath(href: string): Promise<string | null> {
    let url: URL;
    try {
      url = new URL(href.trim());
    } catch {
      return null;
    }
    // A placeholder address (example.com, the default) is nobody's site: links to it are links elsewhere.
    this.#base ??= readSiteSettings(this.workspace.root, this.workspace.layout).then((settings) => (isPlaceholderAddress(settings.baseUrl) ? null : new URL(settings.baseUrl)));
    const base = await this.#base;
    if (!base || url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return null;
    return `/${url.pathname.slice(base.pathname.length)}${url.search}${url.hash}`;
  }

  /** Every post and page file, workspace-relative. */
  paths(): ReadonlySet<string> {
    return (this.#paths ??= new Set(this.#byPath.keys()));
  }

  postAt(path: string): PostSummary | undefined {
    return this.#byPath.get(path);
  }

  /** The posts that publish to a URL path (more than one is a duplicate slug). */
  postsAtUrl(url: string): readonly PostSummary[] {
    return this.#byUrl.get(normalizeUrlPath(url)) ?? [];
  }

  urls(): IterableIterator<[string, PostSummary[]]> {
    return this.#byUrl.entries();
  }

  /** Whether a URL path has the shape of a post's permalink (it sits in a folder posts publish into). */
  isPostFolder(url: string): boolean {
    return this.#postFolders.has(posix.dirname(normalizeUrlPath(url)));
  }

  /** What is at a workspace-relative path, without reading it; links out of the workspace are 'outside'. */
  async fileAt(relative: string): Promise<FileKind> {
    if (posix.normalize(`${relative}/`) === './') return 'folder'; // the workspace itself
    const listed = await this.#listedKind(relative);
    if (listed) return listed;
    let real: string;
    try {
      real = (await resolveInside(this.workspace.root, relative)).real;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'outside-workspace') return 'outside';
      return 'missing';
    }
    const stats = await stat(real).catch(() => null);
    return stats === null ? 'missing' : stats.isDirectory() ? 'folder' : 'file';
  }

  /** A file or real folder its folder's listing holds; undefined for everything else (a link, a missing name, a path that climbs out), which the gate decides. */
  async #listedKind(relative: string): Promise<'file' | 'folder' | undefined> {
    let normal: string;
    try {
      normal = normalizeRelative(relative);
    } catch {
      return undefined;
    }
    const kind = await this.folders.kindOf(normal);
    return kind === 'file' || kind === 'folder' ? kind : undefined;
  }

  /** The ids a `#fragment` may name in a post; `known` when the caller already found them. */
  anchors(post: PostSummary, known?: readonly string[]): Promise<Set<string>> {
    let ids = this.#anchors.get(post.path);
    if (!ids) {
      const cached = known ?? this.facts?.anchors(post.path);
      ids = cached ? Promise.resolve(new Set(cached)) : this.#findAnchors(post);
      this.#anchors.set(post.path, ids);
    }
    return ids;
  }

  async #findAnchors(post: PostSummary): Promise<Set<string>> {
    try {
      const { text, version } = await this.workspace.read(post.id);
      const { anchorsIn } = await import('./anchors'); // the markdown pipeline, loaded only when a post is rendered
      const ids = anchorsIn(parsePost(text).body);
      this.facts?.storeAnchors(post.path, version, [...ids]);
      return ids;
    } catch {
      return new Set<string>();
    }
  }
}
