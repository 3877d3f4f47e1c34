// The posts workspace: the only code that touches post files.
//
// Posts are named by opaque ids (ids.ts); every path goes through
// resolveInside() (paths.ts); reads are strict UTF-8 and writes atomic
// (encoding.ts, files.ts). This class ties those together behind the API the
// backend exposes through the contract.
import { lstat, realpath, stat } from 'node:fs/promises';
import path, { posix } from 'node:path';
import type { EventPayload } from '../../common/api';
import { classify, inDraftFolder } from '../../common/blog/classify';
import { describeLayout, pageFolderOf, type BlogLayout } from '../../common/blog/layout';
import { ApiError } from '../../common/errors';
import { setFrontMatterField, slugify } from '../../common/post';
import { isPublished, urlOf } from '../../common/site/model';
import type { SearchResult } from '../../common/search';
import type { HistoryVersion, PostDocument, PostSummary, SaveResult, TemplateValues, WorkspaceInfo } from '../../common/types';
import { liquidSite } from '../../common/markdown/templateTags';
import { reportUnexpected } from '../reportUnexpected';
import { addAsset, findAsset, type AddOptions, type AddedAsset, type AssetFile } from './assets';
import { DeletedPosts } from './deletedPosts';
import { formatOf, fromDisk, toDisk, versionOf, type DiskFormat } from './encoding';
import { readFileBytes, removeLeftovers, writeAtomic, type FileBytes } from './files';
import { PostHistory } from './history';
import { IdIndex, postId } from './ids';
import { readBlogLayout } from './blogLayout';
import { assetsFolderOf, conflictCopyName, isInSkippedFolder, isPageBundle, isPostFileName } from './names';
import { isSkippedTarget } from './linkTargets';
import { code, isWithin, resolveInside, type Inside } from './paths';
import { renamePost, type Addresses } from './rename';
import { findPosts, type WalkWatchers } from './scan';
import { ListCache, type StampWatcher } from './listCache';
import { TextSearch } from './textSearch';
import { summarizeInParallel } from './parallelList';
import { readSettings, readSiteSettings, type WorkspaceSettings } from './settings';
import { summarize, summarizeBytes } from './summary';
import { watchFolder, type FolderWatch, type WatchBatch } from './watch';

export interface WorkspaceOptions {
  /** Moves a file or folder to the OS trash (Platform.trash). */
  trash: (absolutePath: string) => Promise<void>;
  /** The app's cache folder; with it, a reopened workspace re-reads only the posts that changed. */
  cacheDir?: string;
  /** The app's history folder (outside the workspace); with it, every save keeps the version it replaces. */
  historyDir?: string;
}

type ChangeListener = (change: EventPayload<'posts.changed'>) => void;

/** Where new posts go when the workspace has this folder; else the root. */
const POSTS_FOLDER = 'posts';

export class Workspace {
  readonly #index = new IdIndex();
  readonly #options: WorkspaceOptions;
  #settings: WorkspaceSettings;
  #layout: BlogLayout;
  /** One chokidar watcher, shared by every listener so each change is processed once. */
  #watch: FolderWatch | undefined;
  readonly #listeners = new Set<ChangeListener>();
  /** Watch batches are handled one after another, in order. */
  #watchQueue: Promise<void> = Promise.resolve();
  /** Per-path queues, so two saves (or a save and a rename) of one post never interleave. */
  readonly #locks = new Map<string, Promise<unknown>>();
  readonly #cache: ListCache | undefined;
  readonly #history: PostHistory | undefined;
  /** Copies of deleted posts, for Undo (kept beside the history; none without it). */
  readonly #deleted: DeletedPosts | undefined;
  #storing: Promise<void> = Promise.resolve();
  readonly #search: TextSearch;

  private constructor(
    /** The real absolute path of the workspace folder. */
    readonly root: string,
    settings: WorkspaceSettings,
    options: WorkspaceOptions,
  ) {
    this.#settings = settings;
    this.#layout = readBlogLayout(root);
    this.#options = options;
    this.#search = new TextSearch(root);
    this.#cache = options.cacheDir ? ListCache.for(options.cacheDir, root) : undefined;
    // A history folder inside the workspace would fill it with copies (and list them as posts): none then.
    const historyDir = options.historyDir && path.resolve(options.historyDir);
    this.#history = historyDir && !isWithin(root, historyDir) ? PostHistory.for(historyDir, root) : undefined;
    this.#deleted = this.#history && DeletedPosts.for(this.#history.dir);
  }

  static async open(root: string, options: WorkspaceOptions): Promise<Workspace> {
    let real: string;
    try {
      real = await realpath(root);
    } catch {
      throw new ApiError('not-found', `The folder ${root} does not exist. Choose an existing folder to open as a workspace.`);
    }
    if (!(await stat(real)).isDirectory()) {
      throw new ApiError('not-found', `${root} is a file, not a folder. Choose the folder that holds your posts.`);
    }
    return new Workspace(real, await readSettings(real), options);
  }

  info(): Omit<WorkspaceInfo, 'templates'> {
    return { name: path.basename(this.root), root: this.root, outputDir: this.#settings.outputDir };
  }

  /** What the blog's template tags read, as the build fills them; without `url` and `baseurl` while postwright.json is broken (check says why). */
  async templateValues(): Promise<TemplateValues> {
    const layout = readBlogLayout(this.root);
    const settings = await readSiteSettings(this.root, layout).catch(() => null);
    return { site: settings ? liquidSite(layout.siteVariables, settings.baseUrl) : { ...layout.siteVariables }, params: layout.params };
  }

  /**
   * Every post, newest first; posts whose front matter is broken are listed with an error. `folder` is
   * told each folder the walk reads, and `stamp` the stats of each post whose cached summary was kept.
   */
  async list({ folder, stamp }: Pick<WalkWatchers, 'folder'> & { stamp?: StampWatcher } = {}): Promise<PostSummary[]> {
    this.#settings = await readSettings(this.root);
    this.#layout = readBlogLayout(this.root);
    const leftovers: string[] = [];
    const relatives = await findPosts(this.root, this.#settings.outputDir, '', { leftovers, folder });
    this.#index.reset(relatives);
    // Temp files of saves that were killed mid-write; the posts themselves were never touched.
    await removeLeftovers(leftovers.map((relative) => path.join(this.root, relative)));
    if (!this.#cache) return this.#classifyAll(await summarizeInParallel(this.root, relatives)).sort(newestFirst);
    const { valid, stale } = await this.#cache.split(relatives, stamp);
    const posts = valid.concat(await summarizeInParallel(this.root, stale));
    // Written after the list is returned; close() waits for it.
    this.#storing = this.#storing.then(() => this.#cache?.storeIfChanged(posts));
    return this.#classifyAll(posts).sort(newestFirst);
  }

  /** The blog's layout as the last list() read it: generator, post and page folders, static folders. */
  get layout(): BlogLayout {
    return this.#layout;
  }

  /** "Hugo site: 124 posts, 45 pages, static/ → /", for the last list. */
  describe(posts: readonly PostSummary[]): string {
    const pages = posts.filter((post) => post.kind === 'page').length;
    return describeLayout(this.#layout, posts.length - pages, pages);
  }

  /** Posts and pages as the blog's generator sees them; files that are neither are left out of the list. */
  #classifyAll(summaries: PostSummary[]): PostSummary[] {
    return summaries.map((summary) => this.#classify(summary)).filter((summary): summary is PostSummary => summary !== null);
  }

  #classify(summary: PostSummary): PostSummary | null {
    const kind = classify(summary, this.#layout);
    if (kind === 'ignored') return null;
    return kind === 'page' ? { ...summary, kind: 'page' } : summary;
  }

  /** A summary for a file the author has open: never dropped, even if it is not a post. */
  #summarize(id: string, relative: string, text: string, modified: number): PostSummary {
    const summary = summarize(id, relative, text, modified);
    return this.#classify(summary) ?? summary;
  }

  async read(id: string): Promise<PostDocument> {
    const post = await this.#locate(id);
    const { bytes, stats } = await this.#readBytes(post);
    const { text } = fromDisk(bytes, post.relative);
    return { post: this.#summarize(id, post.relative, text, stats.mtimeMs), text, version: versionOf(bytes) };
  }

  /** Find in all posts: every post whose text contains `query`, any case, with snippets. */
  async search(query: string): Promise<SearchResult> {
    if (this.#index.size === 0) this.#index.reset(await findPosts(this.root, this.#settings.outputDir));
    return this.#search.search(this.#index.paths(), query);
  }

  /** Resolves once the texts searched so far are fingerprinted, so later searches skip most posts unread. */
  searchIndexed(): Promise<void> {
    return this.#search.fingerprinted();
  }

  /** The post's path relative to the root (the recovery journal records it beside the text). */
  async pathOf(id: string): Promise<string> {
    return (await this.#locate(id)).relative;
  }

  /** A new draft post, or page (no date), in the folder the blog keeps them in. */
  async create(title: string, kind: 'post' | 'page' = 'post'): Promise<PostDocument> {
    const slug = slugify(title) || 'untitled';
    const folder = kind === 'page' ? pageFolderOf(this.#layout) : (await this.#isFolder(POSTS_FOLDER)) ? POSTS_FOLDER : '';
    let text = setFrontMatterField('', 'title', title.trim());
    if (kind === 'post') text = setFrontMatterField(text, 'date', today());
    text = `${setFrontMatterField(text, 'draft', true)}\n`;
    const names = (n: number) => posix.join(folder, `${n === 1 ? slug : `${slug}-${n}`}.md`);
    const created = await this.#writeNew(names, 1000, text, Buffer.from(text, 'utf8'));
    if (created) return created;
    throw new ApiError('exists', `There are already 1000 ${kind}s named ${slug}; choose a different title.`);
  }

  /** Writes a new post at the first free name of `names(1..attempts)`; null when all are taken. */
  async #writeNew(names: (n: number) => string, attempts: number, text: string, bytes: Buffer): Promise<PostDocument | null> {
    for (let n = 1; n <= attempts; n++) {
      const relative = names(n);
      const target = await resolveInside(this.root, relative);
      try {
        const stats = await writeAtomic(target.real, bytes, relative, { noClobber: true });
        const id = this.#index.add(relative);
        return { post: this.#summarize(id, relative, text, stats.mtimeMs), text, version: versionOf(bytes) };
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'exists')) throw error;
      }
    }
    return null;
  }

  /** Writes the editor's text, unless the file changed since `baseVersion` was read. */
  async save(id: string, text: string, baseVersion: string): Promise<SaveResult> {
    const post = await this.#locate(id);
    return this.#serial(post.relative, async (): Promise<SaveResult> => {
      let current: FileBytes;
      try {
        current = await this.#readBytes(post);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'not-found') return { status: 'conflict', disk: null };
        throw error;
      }
      const version = versionOf(current.bytes);
      if (version !== baseVersion) {
        return { status: 'conflict', disk: { text: fromDisk(current.bytes, post.relative).text, version } };
      }
      const bytes = toDisk(text, formatOf(current.bytes));
      if (!bytes.equals(current.bytes)) await this.#keepVersion(post.relative, current);
      const stats = await writeAtomic(post.real, bytes, post.relative);
      this.#search.forget(post.relative);
      return { status: 'saved', version: versionOf(bytes), post: this.#summarize(id, post.relative, text, stats.mtimeMs) };
    });
  }

  /**
   * Snapshots the version a save is about to replace. History is a safety net,
   * not a gate: a full or broken history folder never stops the save itself.
   */
  async #keepVersion(relative: string, replaced: FileBytes): Promise<void> {
    if (!this.#history) return;
    try {
      const text = fromDisk(replaced.bytes, relative).text;
      const words = summarize('', relative, text, 0).words;
      await this.#history.keep(relative, text, words, replaced.stats.mtimeMs, this.#settings.history);
    } catch {
      // Deliberately ignored: the post's own save matters more than its history.
    }
  }

  /** The kept versions of a post, newest first (empty without a history folder). */
  async history(id: string): Promise<HistoryVersion[]> {
    const post = await this.#locate(id);
    return this.#history ? this.#history.list(post.relative) : [];
  }

  /** The text of one kept version. */
  async historyVersion(id: string, versionId: string): Promise<{ text: string }> {
    const post = await this.#locate(id);
    if (!this.#history) throw new ApiError('not-found', 'Version history is not kept in this window.');
    return { text: await this.#history.read(post.relative, versionId) };
  }

  /** Keeps a losing version of a conflict as a new file beside the post. */
  async saveCopy(id: string, text: string): Promise<PostDocument> {
    const post = await this.#locate(id);
    const format: DiskFormat = await readFileBytes(post.real, post.relative).then(
      (file) => formatOf(file.bytes),
      () => ({ bom: false, eol: '\n' }),
    );
    const now = new Date();
    const copy = await this.#writeNew((n) => conflictCopyName(post.relative, now, n), 100, text, toDisk(text, format));
    if (copy) return copy;
    throw new ApiError('exists', `Too many conflict copies of ${post.relative} this second; try again.`);
  }

  /** Renames slug, file (or bundle folder) and assets folder; the post gets a new id. */
  async rename(id: string, slug: string): Promise<PostDocument> {
    // The contract's schemas (zod) load here, not with the workspace: listing and checking never need them.
    const { Slug } = await import('../../common/api');
    if (!Slug.safeParse(slug).success) {
      throw new ApiError('invalid-arguments', `"${slug}" is not a slug: use lower-case words joined by hyphens.`);
    }
    const post = await this.#locate(id);
    const newRelative = await this.#serial(post.relative, async () => renamePost(this.root, post, slug, await this.#addresses()));
    // Best effort, like keeping a version: the rename has happened either way.
    await this.#history?.move(post.relative, newRelative).catch(() => {});
    if (isPageBundle(post.relative)) {
      // Everything indexed under the bundle folder moved with it.
      const oldFolder = posix.dirname(post.relative);
      const newFolder = posix.dirname(newRelative);
      for (const moved of this.#index.under(oldFolder)) {
        this.#index.remove(moved);
        this.#index.add(newFolder + moved.slice(oldFolder.length));
      }
    } else {
      this.#index.remove(post.relative);
      this.#index.add(newRelative);
    }
    return this.read(postId(newRelative));
  }

  /** Where posts are published, under the blog's permalinks: a rename keeps a moved post's old address. */
  async #addresses(): Promise<Addresses> {
    const layout = this.#layout;
    const settings = await readSiteSettings(this.root, layout);
    const publish = { drafts: false, future: true, now: 0 };
    return {
      addressOf: (relative, text) => {
        const summary = this.#summarize(postId(relative), relative, text, 0);
        const kind = classify(summary, layout);
        if (kind === 'ignored' || inDraftFolder(relative, layout) || !isPublished(summary, publish)) return null;
        return urlOf(summary, kind, settings, layout);
      },
      key: layout.generator === 'jekyll' ? 'redirect_from' : 'aliases',
    };
  }

  /** Saves an image beside the post (see assets.ts). */
  async addAsset(id: string, fileName: string, bytes: Uint8Array, options: AddOptions = {}): Promise<AddedAsset> {
    const post = await this.#locate(id);
    // One at a time per post, so two pastes never race for one free name.
    return this.#serial(`${post.relative}\0assets`, () => addAsset(this.root, post.relative, fileName, bytes, options));
  }

  /** An image in the workspace, for the preview's asset route. */
  asset(relative: string): Promise<AssetFile> {
    return findAsset(this.root, relative, this.#settings.outputDir);
  }

  /**
   * Moves the post, and its assets folder, to the OS trash. With a history
   * folder, a copy is kept first and `undo` is the token that restores it.
   */
  async delete(id: string): Promise<{ trashedPath: string; undo: string | null }> {
    const post = await this.#locate(id);
    return this.#serial(post.relative, async () => {
      if (!(await lstat(post.path).catch(() => null))) {
        this.#index.remove(post.relative);
        throw new ApiError('not-found', `${post.relative} no longer exists; it may have been deleted already. Reload the post list.`);
      }
      if (isPageBundle(post.relative)) {
        const folder = await resolveInside(this.root, posix.dirname(post.relative));
        const others = (await findPosts(this.root, this.#settings.outputDir, folder.relative)).filter((p) => p !== post.relative);
        // A bundle folder is the post's; but never trash other posts that happen to live in it.
        const target = others.length === 0 ? folder : post;
        const undo = await this.#keepDeleted(post.relative, [target.relative]);
        await this.#trash(target, post.relative, undo);
        for (const gone of others.length === 0 ? this.#index.under(folder.relative) : [post.relative]) this.#index.remove(gone);
        return { trashedPath: target.relative, undo };
      }
      const assets = await resolveInside(this.root, assetsFolderOf(post.relative)!);
      const hasAssets = (await lstat(assets.path).catch(() => null))?.isDirectory() ?? false;
      const undo = await this.#keepDeleted(post.relative, hasAssets ? [post.relative, assets.relative] : [post.relative]);
      await this.#trash(post, post.relative, undo);
      this.#index.remove(post.relative);
      if (hasAssets) {
        try {
          await this.#trash(assets, post.relative, null);
        } catch (error) {
          throw new ApiError(
            'io',
            `${post.relative} is in the trash, but its assets folder ${assets.relative} could not be moved there: ${ApiError.from(error).message}`,
          );
        }
      }
      return { trashedPath: post.relative, undo };
    });
  }

  /** A copy for Undo; null (and the delete goes on: the trash still has it) when there is no history folder or the copy fails. */
  async #keepDeleted(post: string, items: string[]): Promise<string | null> {
    if (!this.#deleted) return null;
    try {
      return await this.#deleted.keep(this.root, post, items);
    } catch {
      return null;
    }
  }

  /** Undo a delete: the post (and its assets) back where they were, as they were; returns it as it is now. */
  async restoreDeleted(token: string): Promise<PostDocument> {
    if (!this.#deleted) throw new ApiError('not-found', 'Deleted posts are not kept in this window; restore the post from the Trash.');
    const { post, items } = await this.#deleted.restore(this.root, token);
    for (const item of items) {
      this.#search.forget(item);
      const found = item === post ? [post] : await findPosts(this.root, this.#settings.outputDir, item).catch(() => []);
      for (const relative of found) this.#index.add(relative);
    }
    this.#index.add(post);
    return this.read(postId(post));
  }

  /**
   * Reports post files added, changed or removed on disk, by anyone. Resolves
   * once watching has started; the returned function stops this listener.
   */
  async watch(listener: ChangeListener): Promise<() => Promise<void>> {
    this.#listeners.add(listener);
    if (!this.#watch) {
      if (this.#index.size === 0) this.#index.reset(await findPosts(this.root, this.#settings.outputDir));
      this.#watch = await watchFolder(
        this.root,
        () => this.#settings.outputDir,
        (batch) => {
          this.#watchQueue = this.#watchQueue.then(() => this.#onBatch(batch)).catch(reportUnexpected('applying a batch of file changes from the watcher'));
        },
      );
      this.#search.watched = true;
    }
    return async () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) await this.#stopWatching();
    };
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    await this.#stopWatching();
    await this.#storing;
  }

  async #stopWatching(): Promise<void> {
    const watch = this.#watch;
    this.#watch = undefined;
    this.#search.watched = false;
    await watch?.close();
  }

  async #onBatch(batch: WatchBatch): Promise<void> {
    const emit = (change: EventPayload<'posts.changed'>) => {
      for (const listener of this.#listeners) listener(change);
    };
    for (const folder of batch.removedFolders) {
      for (const gone of this.#index.under(folder)) {
        this.#index.remove(gone);
        emit({ kind: 'removed', id: postId(gone) });
      }
    }
    const files = new Set(batch.files);
    for (const folder of batch.addedFolders) {
      for (const found of await findPosts(this.root, this.#settings.outputDir, folder)) files.add(found);
    }
    for (const relative of files) {
      this.#search.forget(relative);
      if (!isPostFileName(posix.basename(relative)) || isInSkippedFolder(relative, this.#settings.outputDir)) continue;
      const known = this.#index.has(relative);
      const change = await this.#describe(relative);
      if (change) {
        this.#index.add(relative);
        emit({ kind: known ? 'changed' : 'added', id: change.post.id, post: change.post, version: change.version });
      } else if (known) {
        this.#index.remove(relative);
        emit({ kind: 'removed', id: postId(relative) });
      }
    }
  }

  /** The post at a path as it is now, or null if it is gone or not ours to show. */
  async #describe(relative: string): Promise<{ post: PostSummary; version: string } | null> {
    try {
      const inside = await resolveInside(this.root, relative);
      // A link that appeared since the last walk gets the walk's rule: never a post from a skipped place.
      if (isSkippedTarget(this.root, inside.real, this.#settings.outputDir)) return null;
      const { bytes, stats } = await readFileBytes(inside.real, relative);
      const post = this.#classify(summarizeBytes(postId(relative), relative, bytes, stats.mtimeMs));
      return post && { post, version: versionOf(bytes) };
    } catch {
      return null;
    }
  }

  async #trash(target: Inside, postRelative: string, undo: string | null): Promise<void> {
    try {
      await this.#options.trash(target.path);
    } catch (error) {
      if (undo) await this.#deleted?.drop(undo);
      throw new ApiError(
        'io',
        `Could not move ${target.relative} to the trash (${ApiError.from(error).message}); ${postRelative} was not deleted.`,
      );
    }
  }

  /** The post's path, checked; an unknown id triggers one fresh walk before giving up. */
  async #locate(id: string): Promise<Inside> {
    let relative = this.#index.pathOf(id);
    if (relative === undefined) {
      this.#index.reset(await findPosts(this.root, this.#settings.outputDir));
      relative = this.#index.pathOf(id);
    }
    if (relative === undefined) {
      throw new ApiError('not-found', `No post has the id "${id}"; it may have been renamed or deleted. Reload the post list.`);
    }
    return resolveInside(this.root, relative);
  }

  async #readBytes(post: Inside): Promise<FileBytes> {
    try {
      return await readFileBytes(post.real, post.relative);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if (code(error) === 'ENOENT') {
        throw new ApiError('not-found', `${post.relative} no longer exists; it may have been moved or deleted. Reload the post list.`);
      }
      if (code(error) === 'EACCES' || code(error) === 'EPERM') {
        throw new ApiError('io', `${post.relative} cannot be read: permission denied. Make it readable to open it here.`);
      }
      throw new ApiError('io', `Could not read ${post.relative}: ${ApiError.from(error).message}`);
    }
  }

  async #isFolder(relative: string): Promise<boolean> {
    try {
      const inside = await resolveInside(this.root, relative);
      return (await stat(inside.real)).isDirectory();
    } catch {
      return false;
    }
  }

  #serial<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(key) ?? Promise.resolve();
    const run = previous.then(task, task);
    // The caller gets this task's error from `run`; the lock only waits for it to settle.
    const settled = run.catch(() => {});
    this.#locks.set(key, settled);
    void settled.then(() => {
      if (this.#locks.get(key) === settled) this.#locks.delete(key);
    });
    return run;
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Newest date first; undated posts after dated ones; then by title, then path. */
function newestFirst(a: PostSummary, b: PostSummary): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return collator.compare(a.title, b.title) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
