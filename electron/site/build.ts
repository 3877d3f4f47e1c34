// `postwright build` and File → Export Site…: the whole site, incrementally.
//
// 1. Posts: each body is rendered (in worker threads when there are many)
//    unless the last build's record of it still stands (same size and mtime,
//    or same content hash, under the same settings and code).
// 2. The site model (common/site/model) gives every post its URL, settling
//    posts that share one; then the pages of rendered or moved posts are written.
// 3. Everything else (index pages, tags, archive, feeds, sitemap, theme,
//    assets) through the output ledger: rendered only when its inputs changed,
//    written only when its bytes changed.
// 4. Files the last build wrote that this one did not are deleted.
/// <reference path="./theme.d.ts" />
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BlogLayout } from '../../common/blog/layout';
import type { HugoList } from '../../common/site/hugoLists';
import { siteModel, urlOf, type SiteInput, type SiteModel, type SitePost } from '../../common/site/model';
import { siteNav } from '../../common/site/nav';
import { fileOf, indexUrl } from '../../common/site/permalink';
import { redirectPage, redirectsFile, redirectsOf } from '../../common/site/redirects';
import type { SiteBuildProgress, SiteBuildSummary } from '../../common/site/types';
import type { SiteSettings } from '../../common/siteSettings';
import type { Neighbours } from '../../common/theme/pages';
import { absoluteUrl, href, CUSTOM_CSS, DEFAULT_FAVICON, FEEDS, THEME_CSS, type Site } from '../../common/theme/site';
import themeCss from '../../common/theme/theme.css?raw';
import appIcon from '../../assets/icon.svg?raw';
import { appVersion } from '../appPaths';
import { isSkippedTarget } from '../workspace/linkTargets';
import { isWithin } from '../workspace/paths';
import { findPosts } from '../workspace/scan';
import { BuildCache } from './buildCache';
import { BuildProgress } from './buildProgress';
import type { Feeds } from './feeds';
import { derivedFiles, ImageStore } from './images';
import { ImageIndex } from './imageIndex';
import { listingDigests, writeListings, type Digests } from './listings';
import { CUSTOM_CSS_SOURCE, openSite, type OpenedSite } from './openSite';
import { OutputLedger } from './outputLedger';
import { postLinks, type LinksOf } from './postLinks';
import type { OutputFolder } from './outputFolder';
import { hashOf, linksKey, navDigest, neighboursKey, stillValid, type PageNav, type PageResult, type PageTask, type PostRecord, type RenderContext, type ScanTask } from './postRenderer';
import { openRenderPool, RenderWorkerFailed, renderWorkerScript, type RenderPool } from './renderPool';
import { sitePictures, type SitePictures } from './sitePictures';
import { robots, sitemap } from './sitemap';
import { staticFiles } from './staticFolders';
import { sanitizeSvg } from './svg';

export interface BuildOptions {
  /** The workspace folder. */
  root: string;
  /** Build here instead of the `output` folder of postwright.json. */
  out?: string;
  drafts?: boolean;
  future?: boolean;
  /** The app's cache folder; without it every build is a full one. */
  cacheDir?: string;
  /** Decides which posts are in the future; defaults to the clock. Nothing else reads it. */
  now?: number;
  onProgress?: (progress: SiteBuildProgress) => void;
  /** The render worker script (default: the bundled one); null renders on this thread. */
  workerScript?: string | null;
}

export async function buildSite(options: BuildOptions): Promise<SiteBuildSummary> {
  try {
    return await buildWith(options, options.workerScript === undefined ? renderWorkerScript : options.workerScript);
  } catch (error) {
    if (!(error instanceof RenderWorkerFailed)) throw error;
    // A worker that cannot start (say, in a package that cannot load it) must not stop an export. Pages are
    // written atomically and the build is deterministic, so building again on this thread converges on the same site.
    const summary = await buildWith(options, null);
    return { ...summary, warnings: [`${error.message}. The site was built on one thread instead.`, ...summary.warnings] };
  }
}

/** What the steps of one build share. */
interface Build {
  root: string;
  settings: SiteSettings;
  layout: BlogLayout;
  opened: OpenedSite;
  out: OutputFolder;
  /** Resized images, kept by content hash in the cache folder; without one, in a folder of this build only. */
  imageCache: string;
  pictures: SitePictures;
  /** The site without its nav, which is known once the site model has placed every page. */
  bareSite: Site;
  context: RenderContext;
  /** What every page's bytes depend on besides its own inputs (see buildKey). */
  key: string;
  /** What every post's URL depends on besides the post: the permalink settings and the blog's layout. */
  urlKey: string;
  /** What the last build produced. */
  cache: BuildCache;
  /** What this build produces. */
  ledger: OutputLedger;
  /** Each post's record by its path: kept from the last build, or made by this one. */
  records: Map<string, PostRecord>;
  warnings: string[];
  progress: BuildProgress;
}

async function buildWith(options: BuildOptions, workerScript: string | null): Promise<SiteBuildSummary> {
  const started = performance.now();
  const build = await startBuild(options);
  // 1. Posts: changed ones are read and their bodies rendered.
  const { relatives, tasks } = await changedPosts(build);
  const pool = openRenderPool(build.context, build.out, tasks.length, workerScript);
  let model: SiteModel<SiteInput>;
  let rendered: number;
  let pagesWritten: number;
  try {
    rendered = await renderPosts(build, pool, tasks);
    // 2. The site model gives every post its URL; then each page that is new, moved or re-rendered is written.
    model = placePosts(build);
    const linksOf = postLinks(model, relatives, build.layout.contentRoot, (url) => href(build.bareSite, url));
    const nav = pageNav(build, model);
    const pageTasks = postPageTasks(build, model, linksOf, nav);
    const indexPages = Math.max(1, Math.ceil(model.posts.length / build.settings.postsPerPage));
    build.progress.expect(pageTasks.length + indexPages + model.tags.length + 4);
    // The workers write post pages while this thread makes the rest, so both cores stay busy.
    const postPages = pool.pages(pageTasks, nav, build.progress.counter());
    // Observed at once, so that a failure of the listings below cannot leave it rejected and unhandled.
    postPages.catch(() => {});
    // 3. Everything else.
    await writeTheRest(build, model, indexPages, nav, linksOf);
    pagesWritten = keepPageRecords(build, await postPages);
  } finally {
    await pool.close();
    if (!options.cacheDir) fs.rmSync(build.imageCache, { recursive: true, force: true });
  }
  const posts = [...build.records.values()].sort(byRelative);
  build.warnings.push(...unpublishedWarnings(model, posts));
  // 4. What the last build wrote and this one did not.
  const deleted = build.ledger.removeStale();
  build.cache.save({ key: build.key, urlKey: build.urlKey }, posts, build.ledger.records);
  build.progress.finish();
  const { drafts, future } = model.leftOut;
  return {
    output: build.out.root,
    posts: model.posts.length,
    pages: model.pages.length,
    rendered,
    files: build.ledger.size,
    written: build.ledger.written + pagesWritten,
    deleted,
    drafts,
    future,
    warnings: build.warnings,
    ms: Math.round(performance.now() - started),
  };
}

/** Opens the workspace and the output folder, makes the site's pictures, and loads the last build's cache. */
async function startBuild(options: BuildOptions): Promise<Build> {
  const opened = await openSite(options.root, options.out, true);
  const { root, settings, customCss, partials, image, favicon, layout } = opened;
  const out = opened.output!;
  const publish = { drafts: options.drafts ?? false, future: options.future ?? false, now: options.now ?? Date.now() };
  const imageCache = options.cacheDir ? path.join(options.cacheDir, 'images') : fs.mkdtempSync(path.join(os.tmpdir(), 'postwright-images-'));
  const pictures = await sitePictures(image, favicon, imageCache);
  const site: Site = { settings, customCss: customCss !== null, partials, icons: pictures.icons };
  if (image) site.image = 'url' in image ? image.url : absoluteUrl(site, pictures.image!);
  const context: RenderContext = { root, settings, site, publish, imageCache, params: layout.params, siteVariables: layout.siteVariables, contentRoot: layout.contentRoot, drafts: { generator: layout.generator, draftFolders: layout.draftFolders } };
  const key = buildKey(context);
  const urlKey = hashOf(JSON.stringify([settings, layout]));
  const cache = BuildCache.load(options.cacheDir, root, out.root, { key, urlKey });
  return {
    root,
    settings,
    layout,
    opened,
    out,
    imageCache,
    pictures,
    bareSite: site,
    context,
    key,
    urlKey,
    cache,
    ledger: new OutputLedger(cache, out),
    records: new Map(),
    warnings: [...opened.partialWarnings],
    progress: new BuildProgress(options.onProgress),
  };
}

/** What a page's bytes depend on besides its own inputs: settings, theme and code. */
function buildKey(context: Omit<RenderContext, 'publish' | 'imageCache'>): string {
  const code = fs.existsSync(renderWorkerScript) ? hashOf(fs.readFileSync(renderWorkerScript)) : 'source';
  return hashOf(JSON.stringify([appVersion, code, context.settings, context.site, context.params, context.siteVariables, context.contentRoot, context.drafts]));
}

/** Keeps the records of posts that have not changed since the last build; returns every post's path, and a task for each of the rest. */
async function changedPosts(build: Build): Promise<{ relatives: string[]; tasks: ScanTask[] }> {
  const { root, cache, records } = build;
  const relatives = (await findPosts(root, build.settings.output)).sort();
  const tasks: ScanTask[] = [];
  for (const relative of relatives) {
    const previous = cache.posts.get(relative);
    // Not path.join: normalizing 10,000 paths that are already normal showed in the profile of a small rebuild.
    const stats = previous && fs.statSync(`${root}/${relative}`, { throwIfNoEntry: false });
    const same = cache.sameKey && stats && stats.size === previous.size && Math.floor(stats.mtimeMs) === previous.mtime;
    if (same && stillValid(previous, build.context.publish, build.out, root)) records.set(relative, previous);
    else tasks.push({ relative, previous, reuse: cache.sameKey });
  }
  build.progress.expect(relatives.length);
  build.progress.advance(records.size);
  return { relatives, tasks };
}

/** Reads and renders the changed posts; returns how many bodies were rendered (the others' hashes had not changed). */
async function renderPosts(build: Build, pool: RenderPool, tasks: readonly ScanTask[]): Promise<number> {
  let rendered = 0;
  for (const result of await pool.scan(tasks, build.progress.counter())) {
    if (!result) continue;
    build.records.set(result.record.relative, result.record);
    if (result.rendered) rendered++;
  }
  return rendered;
}

const byRelative = (a: PostRecord, b: PostRecord) => (a.relative < b.relative ? -1 : 1);

/** The site model: every published post and page, with its URL. */
function placePosts(build: Build): SiteModel<SiteInput> {
  const sorted = [...build.records.values()].sort(byRelative);
  return siteModel(sorted.filter((p) => !p.problem).map((p) => p.entry), build.settings, build.context.publish, build.layout, (entry, kind) => placed(build, entry, kind));
}

/**
 * A post's URL before posts that claim one are told apart: the last build's when the post's record is
 * the cached one (its file unchanged, the permalinks and layout too: see CacheKeys), else expanded from
 * the permalinks. Expanding 10,000 of them was a fifth of a rebuild after one edit.
 */
function placed(build: Build, entry: SiteInput, kind: 'post' | 'page'): string {
  const record = build.records.get(entry.path)!;
  if (record.url !== undefined && record === build.cache.posts.get(entry.path)) return record.url;
  return (record.url = urlOf(entry, kind, build.settings, build.layout));
}

/** The nav, once, from the published pages: every page's header shows it. */
function pageNav(build: Build, model: SiteModel<SiteInput>): PageNav {
  const navigation = siteNav(model.pages, model.posts, build.layout, build.settings);
  build.warnings.push(...navigation.warnings.map(({ file, message }) => `${file}: ${message}`));
  return { links: navigation.links, digest: navDigest(navigation.links) };
}

/** The newer and older posts beside the i-th (newest first): what a post page links to at its end. */
const neighboursOf = (posts: readonly SitePost[], i: number): Neighbours => {
  const link = (p: SitePost | undefined) => p && { title: p.title, url: p.url };
  return { newer: link(posts[i - 1]), older: link(posts[i + 1]) };
};

/** Claims each post's and page's file, and makes a task for each one that is not in the output as it should be. */
function postPageTasks(build: Build, model: SiteModel<SiteInput>, linksOf: LinksOf, nav: PageNav): PageTask[] {
  const { records, ledger, cache } = build;
  const pageTasks: PageTask[] = [];
  model.posts.forEach((post, i) => {
    const record = records.get(post.path)!;
    const file = fileOf(post.url);
    ledger.claim(file, post.path);
    const neighbours = neighboursOf(model.posts, i);
    const links = linksOf(record);
    // A rendered post has no page yet; a kept one may have to move (a post that took its URL is gone), link to new neighbours, or to a post that moved.
    if (record.page?.file !== file || record.page.neighbours !== neighboursKey(neighbours) || record.page.links !== linksKey(links) || record.page.nav !== nav.digest) {
      pageTasks.push({ relative: post.path, url: post.url, neighbours, links, previous: record.page ?? cache.posts.get(post.path)?.page ?? null });
    }
  });
  // Pages (about, now) get the page layout, and no neighbours.
  for (const page of model.pages) {
    const record = records.get(page.path)!;
    const file = fileOf(page.url);
    ledger.claim(file, page.path);
    const links = linksOf(record);
    if (record.page?.file !== file || record.page.links !== linksKey(links) || record.page.nav !== nav.digest) {
      pageTasks.push({ relative: page.path, url: page.url, neighbours: {}, kind: 'page', links, previous: record.page ?? cache.posts.get(page.path)?.page ?? null });
    }
  }
  return pageTasks;
}

/** Records where each post page the workers wrote now is; returns how many were written (the others' bytes had not changed). */
function keepPageRecords(build: Build, results: readonly (PageResult | null)[]): number {
  let written = 0;
  for (const result of results) {
    if (!result) continue;
    build.records.set(result.relative, { ...build.records.get(result.relative)!, page: result.page });
    if (result.written) written++;
  }
  return written;
}

/** Every file of the site that is not a post page, in the order of the progress steps. */
async function writeTheRest(build: Build, model: SiteModel<SiteInput>, indexPages: number, nav: PageNav, linksOf: LinksOf): Promise<void> {
  // Every listing's header shows the nav: its key is part of each listing's inputs.
  const site: Site = { ...build.bareSite, nav: nav.links };
  const digests = listingDigests(model, build.records);
  /** A post's excerpt: a cached record's entry has none, the cache holds it apart. */
  const excerptOf = (p: SitePost) => p.excerpt ?? build.cache.excerpt(p.path);
  const advance = () => build.progress.advance();
  const lists = await writeListings(build.ledger, {
    model,
    layout: build.layout,
    site,
    chrome: nav.digest,
    pages: indexPages,
    perPage: build.settings.postsPerPage,
    digests,
    excerptOf,
    advance,
  });
  await writeFeeds(build, model.posts.slice(0, build.settings.feedLength), digests, linksOf, excerptOf);
  advance();
  await writeSitemap(build, site, model, indexPages, lists);
  await writeThemeFiles(build);
  advance();
  await copyLinkedFiles(build, model);
  await publishStatic(build);
  await publishRedirects(build, model);
  advance();
}

/** RSS, Atom and JSON Feed of the newest posts. */
async function writeFeeds(build: Build, newest: readonly SitePost[], digests: Digests, linksOf: LinksOf, excerptOf: (p: SitePost) => string): Promise<void> {
  const { records, ledger } = build;
  // Feeds carry whole posts, so they change with any of their posts' bytes, and with where the posts they link to live.
  const feedInputs = ['feeds', newest.map((p) => [digests(p, 'listing'), p.time, records.get(p.path)!.hash, linksOf(records.get(p.path)!)])];
  // The feed modules load only when a feed changes (a rebuild after an edit to an old post needs none).
  let made: Promise<Feeds> | undefined;
  const feed = () =>
    (made ??= Promise.all([import('./feedItems'), import('./feedItemCache')]).then(([{ feedItems }, { FeedItemCache }]) =>
      feedItems(build.context, newest, excerptOf, {
        cache: FeedItemCache.load(build.cache.companion('feed-items')),
        sourceOf: (post) => {
          const record = records.get(post.path);
          return record ? { build: build.key, path: post.path, url: post.url, hash: record.hash, imagesStamp: record.imagesStamp, links: linksOf(record) } : null;
        },
      }),
    ));
  await ledger.emit(FEEDS.rss, feedInputs, async () => (await feed()).rss);
  await ledger.emit(FEEDS.atom, feedInputs, async () => (await feed()).atom);
  await ledger.emit(FEEDS.json, feedInputs, async () => (await feed()).json);
}

/** sitemap.xml, with every page of the site, and robots.txt, which points to it. */
async function writeSitemap(build: Build, site: Site, model: SiteModel<SiteInput>, indexPages: number, lists: readonly HugoList[]): Promise<void> {
  const mapEntries = [
    ...Array.from({ length: indexPages }, (_, i) => ({ url: indexUrl(i + 1), date: i === 0 ? model.posts[0]?.date : null })),
    ...model.posts.map((p) => ({ url: p.url, date: p.date })),
    ...model.pages.map((p) => ({ url: p.url, date: p.date })),
    { url: 'archive/' },
    { url: 'tags/' },
    ...model.tags.map((t) => ({ url: t.url })),
    ...lists.map((l) => ({ url: l.url })),
  ];
  await build.ledger.emit('sitemap.xml', ['sitemap', mapEntries], () => sitemap(site, mapEntries));
  await build.ledger.emit('robots.txt', ['robots'], () => robots(site));
}

/** The theme's CSS, the workspace's own, the favicon and the site's pictures. */
async function writeThemeFiles(build: Build): Promise<void> {
  const { ledger, opened } = build;
  await ledger.emit(THEME_CSS, ['theme', hashOf(themeCss)], () => themeCss);
  if (opened.customCss) ledger.copy(CUSTOM_CSS, opened.customCss, CUSTOM_CSS_SOURCE);
  if (!opened.favicon) await ledger.emit(DEFAULT_FAVICON, ['favicon', hashOf(appIcon)], () => appIcon);
  for (const picture of build.pictures.files) ledger.copy(picture.file, picture.source, picture.by);
}

/** The files posts link to, each by the first post that links it; images as their resized files. */
async function copyLinkedFiles(build: Build, model: SiteModel<SiteInput>): Promise<void> {
  const { root, ledger, imageCache } = build;
  const assets = new Map<string, string>();
  const images = new Map<string, string>();
  for (const post of [...model.posts, ...model.pages]) {
    const record = build.records.get(post.path)!;
    for (const asset of record.assets) if (!assets.has(asset)) assets.set(asset, post.path);
    for (const image of record.images) if (!images.has(image)) images.set(image, post.path);
  }
  // Resized images: their derived files from the cache (made when their posts were rendered), never the original.
  const index = ImageIndex.load(imageCache);
  const store = new ImageStore(imageCache, index);
  for (const [image, by] of [...images].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const source = fs.realpathSync.native(path.join(root, image));
    const record = isWithin(root, source) ? await store.load(source) : 'failed';
    if (record === 'failed') continue;
    for (const file of derivedFiles(image, record)) ledger.copy(file.sitePath, path.join(imageCache, file.cacheName), `${file.sitePath} (${image}, shown in ${by})`);
  }
  index.save();
  for (const [asset, by] of [...assets].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // .native: one call, where the JS version lstats every folder along the way (~40 ms of a one-edit rebuild of 10,000 posts).
    const source = fs.realpathSync.native(path.join(root, asset));
    // Checked when the post was rendered; checked again, since a link may have been swapped since.
    if (isWithin(root, source) && !isSkippedTarget(root, source, build.settings.output)) ledger.copy(asset, source, `${asset} (linked from ${by})`);
  }
}

/** The blog's static folders, after the site's own files: a static file never replaces a page. */
async function publishStatic(build: Build): Promise<void> {
  const { ledger, warnings } = build;
  const { files, skipped } = staticFiles(build.root, build.layout, build.settings.output);
  warnings.push(...skipped);
  for (const { file, source, relative } of files) {
    if (ledger.has(file)) {
      if (file === relative) continue; // already copied as a file a post links to
      warnings.push(`${relative} is not published: the site's own /${file} is there.`);
      continue;
    }
    if (file.toLowerCase().endsWith('.svg')) {
      const stats = fs.statSync(source);
      await ledger.emit(file, ['svg', stats.size, stats.mtimeMs], () => sanitizeSvg(fs.readFileSync(source, 'utf8')));
    } else ledger.copy(file, source, relative);
  }
}

/** A page at each old address (aliases, redirect_from) and one _redirects file for hosts that read it. */
async function publishRedirects(build: Build, model: SiteModel<SiteInput>): Promise<void> {
  const { ledger, settings } = build;
  const redirects = redirectsOf([...model.posts, ...model.pages]).filter(({ from, by }) => {
    if (!ledger.has(fileOf(from))) return true;
    build.warnings.push(`${by}: its old address /${from} is not redirected, as a page of the site is there.`);
    return false;
  });
  for (const { from, to } of redirects) {
    if (ledger.has(fileOf(from))) continue; // two posts claim one old address: the first keeps it
    await ledger.emit(fileOf(from), ['redirect', to], () => redirectPage(absoluteUrl(build.bareSite, to), settings.language));
  }
  if (redirects.length > 0) await ledger.emit('_redirects', ['_redirects', redirects], () => redirectsFile(redirects, new URL(settings.baseUrl).pathname));
}

/** What the author should know of posts the site leaves out, or publishes at another address. */
function unpublishedWarnings(model: SiteModel<SiteInput>, posts: readonly PostRecord[]): string[] {
  const warnings = model.duplicates.map(({ url, paths }) => `${paths.join(', ')} all have the address /${url}; the first keeps it and the others get -2, -3… Give each its own "slug" to choose.`);
  for (const post of posts) {
    if (post.problem) warnings.push(post.problem);
    else if (post.entry.error) warnings.push(`${post.relative} is not published: ${post.entry.error.message}`);
  }
  return warnings;
}
