// `postwright build` and File → Export Site…: the whole site, incrementally.
//
// 1. Posts: each body is rendered (in worker threads when there are many)
//    unless the last build's record of it still stands (same size and mtime,
//    or same content hash, under the same settings and code).
// 2. The site model (common/site/model) gives every post its URL, settling
//    posts that share one; then the pages of rendered or moved posts are written.
// 3. Everything else (index pages, tags, archive, feeds, sitemap, theme,
//    assets) through emit(): rendered only when its inputs changed, written
//    only when its bytes changed.
// 4. Files the last build wrote that this one did not are deleted.
/// <reference path="./theme.d.ts" />
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BlogLayout } from '../../common/blog/layout';
import { ApiError } from '../../common/errors';
import { siteModel, type PublishOptions, type SiteInput, type SiteModel, type SitePost } from '../../common/site/model';
import { fileOf, indexUrl } from '../../common/site/permalink';
import { referencedFile, referenceMarker, type ReferenceScope } from '../../common/site/postReferences';
import { CATEGORIES_URL, hugoLists } from '../../common/site/hugoLists';
import type { SiteBuildProgress, SiteBuildSummary } from '../../common/site/types';
import type { SiteSettings } from '../../common/siteSettings';
import { ArchivePage, IndexPage, NotFoundPage, TagPage, TagsPage, type Neighbours, type Taxonomy } from '../../common/theme/pages';
import type { ListedPost } from '../../common/theme/PostLinks';
import { renderPage } from '../../common/theme/render';
import { absoluteUrl, href, CUSTOM_CSS, DEFAULT_FAVICON, FEEDS, PARTIALS, THEME_CSS, type Partials, type Site } from '../../common/theme/site';
import themeCss from '../../common/theme/theme.css?raw';
import appIcon from '../../assets/icon.svg?raw';
import { appVersion } from '../appPaths';
import { isSkippedTarget } from '../workspace/linkTargets';
import { isWithin, resolveInside } from '../workspace/paths';
import { readBlogLayout } from '../workspace/blogLayout';
import { findPosts } from '../workspace/scan';
import { readSiteSettings } from '../workspace/settings';
import { BuildCache, type OutputRecord } from './buildCache';
import type { Feeds } from './feeds';
import { derivedFiles, ImageStore } from './images';
import { ImageIndex } from './imageIndex';
import { OutputFolder } from './outputFolder';
import { createPartialSanitizer, type PartialSanitizer } from './partialSanitizer';
import { hashOf, linksKey, navDigest, neighboursKey, stillValid, type PageNav, type PageTask, type PostRecord, type RenderContext, type ScanTask } from './postRenderer';
import { openRenderPool, RenderWorkerFailed, renderWorkerScript } from './renderPool';
import { siteImage, workspaceFavicon, type SiteFile } from './siteFiles';
import { sitePictures } from './sitePictures';
import { robots, sitemap } from './sitemap';
import { staticFiles } from './staticFolders';
import { siteNav } from '../../common/site/nav';
import { redirectPage, redirectsFile, redirectsOf } from '../../common/site/redirects';
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

/** Where the workspace's own styles live. */
const CUSTOM_CSS_SOURCE = 'theme/custom.css';

export interface OpenedSite {
  /** The workspace's real path. */
  root: string;
  settings: SiteSettings;
  /** Where to build; null when not asked for (a standalone export). */
  output: OutputFolder | null;
  /** The real path of theme/custom.css, when the workspace has one. */
  customCss: string | null;
  /** The workspace's theme/partials/*.html, sanitized. */
  partials: Partials;
  /** What sanitizing the partials left out, one line a partial. */
  partialWarnings: string[];
  /** What the blog's generator config says: which files are posts and pages, permalinks, static folders. */
  layout: BlogLayout;
  /** The default link-preview image (postwright.json `image`), when set. */
  image: Awaited<ReturnType<typeof siteImage>>;
  /** The workspace's favicon; null publishes Postwright's. */
  favicon: SiteFile | null;
}

/** The workspace, its settings, and the output folder they (or `out`) name. */
export async function openSite(root: string, out: string | undefined, withOutput: boolean): Promise<OpenedSite> {
  let real: string;
  try {
    real = fs.realpathSync(root);
  } catch {
    throw new ApiError('not-found', `The folder ${root} does not exist. Give the workspace folder that holds your posts.`);
  }
  if (!fs.statSync(real).isDirectory()) throw new ApiError('not-found', `${root} is a file, not a workspace folder.`);
  const layout = readBlogLayout(real);
  const settings = await readSiteSettings(real, layout);
  // The configured folder must stay inside the workspace, links included; --out is the author's explicit choice.
  let output: OutputFolder | null = null;
  if (withOutput) output = OutputFolder.open(out ? path.resolve(out) : (await resolveInside(real, settings.output)).real, real);
  const custom = await themeFile(real, CUSTOM_CSS_SOURCE, settings.output);
  const customCss = custom && fs.statSync(custom, { throwIfNoEntry: false })?.isFile() ? custom : null;
  const partialWarnings: string[] = [];
  const partials = await readPartials(real, settings.output, partialWarnings);
  return { root: real, settings, output, customCss, partials, partialWarnings, image: await siteImage(real, settings), favicon: await workspaceFavicon(real), layout };
}

/** A theme file's real path, through the workspace's guard; null when missing, or when a link leads it to a skipped place (.git, .env…). */
async function themeFile(root: string, relative: string, outputDir: string): Promise<string | null> {
  const file = await resolveInside(root, relative).catch(() => null);
  return file && !isSkippedTarget(root, file.real, outputDir) ? file.real : null;
}

/** A partial is a snippet of a page; anything bigger is a mistake (a whole site pasted in). */
const PARTIAL_LIMIT = 256 * 1024;

/** theme/partials/{head,header,footer}.html, read through the same guard as every workspace path, and sanitized. */
async function readPartials(root: string, outputDir: string, partialWarnings: string[]): Promise<Partials> {
  const partials: Partials = {};
  let sanitizePartial: PartialSanitizer | undefined;
  for (const name of PARTIALS) {
    const source = `theme/partials/${name}.html`;
    const file = await themeFile(root, source, outputDir);
    const stat = file === null ? undefined : fs.statSync(file, { throwIfNoEntry: false });
    if (file === null || !stat?.isFile()) continue;
    if (stat.size > PARTIAL_LIMIT) throw new ApiError('invalid-arguments', `${source} is ${Math.ceil(stat.size / 1024)} KB; a partial may be at most 256 KB.`);
    sanitizePartial ??= createPartialSanitizer();
    const { html, removed } = sanitizePartial(fs.readFileSync(file, 'utf8'));
    if (removed > 0) partialWarnings.push(`${source}: ${removed} part${removed === 1 ? '' : 's'} left out (script, event handlers, frames or a meta refresh); a workspace's partials cannot add script to the site.`);
    partials[name] = html;
  }
  return partials;
}

/** Hugo's categories taxonomy and main sections, listed as tags are. */
const CATEGORIES: Taxonomy = { title: 'Categories', url: CATEGORIES_URL, relation: 'in', every: 'Every category' };
const SECTION: Taxonomy = { title: 'Archive', url: 'archive/', relation: 'in', every: 'Every post' };

/** What a page's bytes depend on besides its own inputs: settings, theme and code. */
function buildKey(context: Omit<RenderContext, 'publish' | 'imageCache'>): string {
  const code = fs.existsSync(renderWorkerScript) ? hashOf(fs.readFileSync(renderWorkerScript)) : 'source';
  return hashOf(JSON.stringify([appVersion, code, context.settings, context.site, context.params, context.siteVariables, context.contentRoot, context.drafts]));
}

/** The newer and older posts beside the i-th (newest first): what a post page links to at its end. */
const neighboursOf = (posts: readonly SitePost[], i: number): Neighbours => {
  const link = (p: SitePost | undefined) => p && { title: p.title, url: p.url };
  return { newer: link(posts[i - 1]), older: link(posts[i + 1]) };
};

const keyOf = (value: unknown): string => createHash('sha1').update(JSON.stringify(value)).digest('base64url');

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

async function buildWith(options: BuildOptions, workerScript: string | null): Promise<SiteBuildSummary> {
  const started = performance.now();
  const opened = await openSite(options.root, options.out, true);
  const { root, settings, customCss, partials, image, favicon, layout } = opened;
  const out = opened.output!;
  const publish: PublishOptions = { drafts: options.drafts ?? false, future: options.future ?? false, now: options.now ?? Date.now() };
  // Resized images are kept by content hash in the cache folder; without one, in a folder of this build only.
  const imageCache = options.cacheDir ? path.join(options.cacheDir, 'images') : fs.mkdtempSync(path.join(os.tmpdir(), 'postwright-images-'));
  const pictures = await sitePictures(image, favicon, imageCache);
  const site: Site = { settings, customCss: customCss !== null, partials, icons: pictures.icons };
  if (image) site.image = 'url' in image ? image.url : absoluteUrl(site, pictures.image!);
  /** The site without its nav, which is known once the site model has placed every page. */
  const bareSite = site;
  const context: RenderContext = { root, settings, site, publish, imageCache, params: layout.params, siteVariables: layout.siteVariables, contentRoot: layout.contentRoot, drafts: { generator: layout.generator, draftFolders: layout.draftFolders } };
  const key = buildKey(context);
  const cache = BuildCache.load(options.cacheDir, root, out.root, key);
  const warnings: string[] = [...opened.partialWarnings];
  /** A post's excerpt: a cached record's entry has none, the cache holds it apart. */
  const excerptOf = (p: SitePost) => p.excerpt ?? cache.excerpt(p.path);
  /** A post as the index shows it (tag and archive pages show no excerpt, so they take the posts as they are). */
  const listed = (p: SitePost): ListedPost => ({ title: p.title, url: p.url, date: p.date, words: p.words, excerpt: excerptOf(p), description: p.description, tags: p.tags });

  // 1. Posts: changed ones are read and their bodies rendered.
  const relatives = (await findPosts(root, settings.output)).sort();
  const records = new Map<string, PostRecord>();
  const tasks: ScanTask[] = [];
  for (const relative of relatives) {
    const previous = cache.posts.get(relative);
    // Not path.join: normalizing 10,000 paths that are already normal showed in the profile of a small rebuild.
    const stats = previous && fs.statSync(`${root}/${relative}`, { throwIfNoEntry: false });
    const same = cache.sameKey && stats && stats.size === previous.size && Math.floor(stats.mtimeMs) === previous.mtime;
    if (same && stillValid(previous, publish, out, root)) records.set(relative, previous);
    else tasks.push({ relative, previous, reuse: cache.sameKey });
  }
  // Progress counts posts read, then pages written (post pages and the rest, which are written side by side).
  let total = relatives.length;
  let done = 0;
  const advance = (n = 1) => options.onProgress?.({ done: (done += n), total });
  /** A pool's running count as steps of `advance`. */
  const counter = () => {
    let seen = 0;
    return (n: number) => {
      advance(n - seen);
      seen = n;
    };
  };
  advance(records.size);
  let rendered = 0;
  let written = 0;

  const produced = new Map<string, string>();
  const outputs: Record<string, OutputRecord> = {};
  const claim = (file: string, by: string) => {
    const other = produced.get(file);
    if (other !== undefined) throw new ApiError('exists', `${by} and ${other} would both be written to ${file} in the site; rename one of them.`);
    produced.set(file, by);
  };
  const emit = async (file: string, inputs: unknown, make: () => string | Uint8Array | Promise<string | Uint8Array>) => {
    claim(file, file);
    const inputKey = keyOf(inputs);
    const previous = cache.outputs[file];
    if (cache.sameKey && previous?.key === inputKey && out.has(file, previous.size)) {
      outputs[file] = previous;
      return;
    }
    const bytes = await make();
    const record = { key: inputKey, size: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length, hash: hashOf(bytes) };
    if (!(previous?.hash === record.hash && out.has(file, record.size))) {
      out.write(file, bytes);
      written++;
    }
    outputs[file] = record;
  };
  const copy = (file: string, source: string, by: string) => {
    claim(file, by);
    const stats = fs.statSync(source);
    const record = { key: `${stats.size}:${Math.floor(stats.mtimeMs)}`, size: stats.size, hash: '' };
    const previous = cache.outputs[file];
    if (!(previous?.key === record.key && out.has(file, record.size))) {
      out.copy(source, file);
      written++;
    }
    outputs[file] = record;
  };

  // 3. Everything else.
  const listings = async (model: SiteModel<SiteInput>, pages: number, nav: PageNav) => {
    const perPage = settings.postsPerPage;
    // Every listing's header shows the nav: its key is part of each listing's inputs.
    const site: Site = { ...bareSite, nav: nav.links };
    const chrome = nav.digest;
    // Keys hash each post's digests (made when it was rendered), not its fields; each post's pair is
    // made once here, as tag pages and the archive list every post again (tens of thousands of lookups).
    const pairs = new Map<SitePost, { listing: string; link: string }>();
    // Pages too: a Hugo section of pages only (gohugo.io's showcase/) lists them.
    for (const p of [...model.posts, ...model.pages]) {
      const record = records.get(p.path)!;
      pairs.set(p, { listing: `${p.url} ${record.listing}`, link: `${p.url} ${record.link}` });
    }
    const digests = (p: SitePost, kind: 'listing' | 'link') => pairs.get(p)![kind];
    for (let page = 1; page <= pages; page++) {
      const posts = model.posts.slice((page - 1) * perPage, page * perPage);
      await emit(fileOf(indexUrl(page)), ['index', chrome, page, pages, posts.map((p) => digests(p, 'listing'))], () =>
        renderPage(IndexPage({ site, posts: posts.map(listed), page, pages }), site),
      );
      advance();
    }
    for (const tag of model.tags) {
      await emit(fileOf(tag.url), ['tag', chrome, tag.name, tag.posts.map((p) => digests(p, 'link'))], () =>
        renderPage(TagPage({ site, name: tag.name, url: tag.url, posts: tag.posts }), site),
      );
      advance();
    }
    const tagList = model.tags.map((t) => ({ name: t.name, url: t.url, count: t.posts.length }));
    await emit(fileOf('tags/'), ['tags', chrome, tagList], () => renderPage(TagsPage({ site, tags: tagList }), site));
    // A Hugo blog's section and category lists, where its own pages don't stand.
    const hugo = hugoLists(model.posts, layout, model.pages);
    const unclaimed = (url: string) => !produced.has(fileOf(url));
    for (const list of [...hugo.sections, ...hugo.categories].filter((l) => unclaimed(l.url))) {
      const taxonomy = list.url.startsWith(CATEGORIES_URL) ? CATEGORIES : SECTION;
      await emit(fileOf(list.url), ['list', chrome, list.url, list.name, list.posts.map((p) => digests(p, 'link'))], () =>
        renderPage(TagPage({ site, name: list.name, url: list.url, posts: list.posts, taxonomy }), site),
      );
    }
    if (hugo.categories.length > 0 && unclaimed(CATEGORIES_URL)) {
      const categoryList = hugo.categories.map((c) => ({ name: c.name, url: c.url, count: c.posts.length }));
      await emit(fileOf(CATEGORIES_URL), ['categories', chrome, categoryList], () => renderPage(TagsPage({ site, tags: categoryList, taxonomy: CATEGORIES }), site));
    }
    await emit(fileOf('archive/'), ['archive', chrome, model.posts.map((p) => digests(p, 'link'))], () => renderPage(ArchivePage({ site, posts: model.posts }), site));
    // The blog's own 404 page (404.md) replaces the theme's.
    if (!produced.has('404.html')) await emit('404.html', ['404', chrome], () => renderPage(NotFoundPage({ site }), site));
    advance();
    const newest = model.posts.slice(0, settings.feedLength);
    // Feeds carry whole posts, so they change with any of their posts' bytes, and with where the posts they link to live.
    const feedInputs = ['feeds', newest.map((p) => [digests(p, 'listing'), p.time, records.get(p.path)!.hash, linksOf(records.get(p.path)!)])];
    // The feed modules load only when a feed changes (a rebuild after an edit to an old post needs none).
    let made: Promise<Feeds> | undefined;
    const feed = () =>
      (made ??= Promise.all([import('./feedItems'), import('./feedItemCache')]).then(([{ feedItems }, { FeedItemCache }]) =>
        feedItems(context, newest, excerptOf, {
          cache: FeedItemCache.load(cache.companion('feed-items')),
          sourceOf: (post) => {
            const record = records.get(post.path);
            return record ? { build: key, path: post.path, url: post.url, hash: record.hash, imagesStamp: record.imagesStamp, links: linksOf(record) } : null;
          },
        }),
      ));
    await emit(FEEDS.rss, feedInputs, async () => (await feed()).rss);
    await emit(FEEDS.atom, feedInputs, async () => (await feed()).atom);
    await emit(FEEDS.json, feedInputs, async () => (await feed()).json);
    advance();
    const mapEntries = [
      ...Array.from({ length: pages }, (_, i) => ({ url: indexUrl(i + 1), date: i === 0 ? model.posts[0]?.date : null })),
      ...model.posts.map((p) => ({ url: p.url, date: p.date })),
      ...model.pages.map((p) => ({ url: p.url, date: p.date })),
      { url: 'archive/' },
      { url: 'tags/' },
      ...model.tags.map((t) => ({ url: t.url })),
      ...[...hugo.sections, ...hugo.categories].map((l) => ({ url: l.url })),
    ];
    await emit('sitemap.xml', ['sitemap', mapEntries], () => sitemap(site, mapEntries));
    await emit('robots.txt', ['robots'], () => robots(site));
    await emit(THEME_CSS, ['theme', hashOf(themeCss)], () => themeCss);
    if (customCss) copy(CUSTOM_CSS, customCss, CUSTOM_CSS_SOURCE);
    if (!favicon) await emit(DEFAULT_FAVICON, ['favicon', hashOf(appIcon)], () => appIcon);
    for (const picture of pictures.files) copy(picture.file, picture.source, picture.by);
    advance();
    const assets = new Map<string, string>();
    const images = new Map<string, string>();
    for (const post of [...model.posts, ...model.pages]) {
      const record = records.get(post.path)!;
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
      for (const file of derivedFiles(image, record)) copy(file.sitePath, path.join(imageCache, file.cacheName), `${file.sitePath} (${image}, shown in ${by})`);
    }
    index.save();
    for (const [asset, by] of [...assets].sort(([a], [b]) => (a < b ? -1 : 1))) {
      // .native: one call, where the JS version lstats every folder along the way (~40 ms of a one-edit rebuild of 10,000 posts).
      const source = fs.realpathSync.native(path.join(root, asset));
      // Checked when the post was rendered; checked again, since a link may have been swapped since.
      if (isWithin(root, source) && !isSkippedTarget(root, source, settings.output)) copy(asset, source, `${asset} (linked from ${by})`);
    }
    await publishStatic();
    await publishRedirects(model);
    advance();
  };

  /** The blog's static folders, after the site's own files: a static file never replaces a page. */
  const publishStatic = async () => {
    const { files, skipped } = staticFiles(root, layout, settings.output);
    warnings.push(...skipped);
    for (const { file, source, relative } of files) {
      if (produced.has(file)) {
        if (file === relative) continue; // already copied as a file a post links to
        warnings.push(`${relative} is not published: the site's own /${file} is there.`);
        continue;
      }
      if (file.toLowerCase().endsWith('.svg')) {
        const stats = fs.statSync(source);
        await emit(file, ['svg', stats.size, stats.mtimeMs], () => sanitizeSvg(fs.readFileSync(source, 'utf8')));
      } else copy(file, source, relative);
    }
  };

  /** A page at each old address (aliases, redirect_from) and one _redirects file for hosts that read it. */
  const publishRedirects = async (model: SiteModel<SiteInput>) => {
    const redirects = redirectsOf([...model.posts, ...model.pages]).filter(({ from, by }) => {
      if (!produced.has(fileOf(from))) return true;
      warnings.push(`${by}: its old address /${from} is not redirected, as a page of the site is there.`);
      return false;
    });
    for (const { from, to } of redirects) {
      if (produced.has(fileOf(from))) continue; // two posts claim one old address: the first keeps it
      await emit(fileOf(from), ['redirect', to], () => redirectPage(absoluteUrl(site, to), settings.language));
    }
    if (redirects.length > 0) await emit('_redirects', ['_redirects', redirects], () => redirectsFile(redirects, new URL(settings.baseUrl).pathname));
  };

  const pool = openRenderPool(context, out, tasks.length, workerScript);
  let model: SiteModel<SiteInput>;
  /** Where each post a post links to lives, by referenceMarker (set once the site model has placed every post). */
  let linksOf: (record: PostRecord) => Record<string, string | null> = () => ({});
  try {
    for (const result of await pool.scan(tasks, counter())) {
      if (!result) continue;
      records.set(result.record.relative, result.record);
      if (result.rendered) rendered++;
    }

    // 2. The site model gives every post its URL; then each page that is new, moved or re-rendered is written.
    const sorted = [...records.values()].sort((a, b) => (a.relative < b.relative ? -1 : 1));
    model = siteModel(sorted.filter((p) => !p.problem).map((p) => p.entry), settings, publish, layout);
    // Links between posts: each reference's target file, and the URL the model gave it (none when it is not published).
    const scope: ReferenceScope = { files: new Set(relatives), contentRoot: layout.contentRoot };
    const urlByPath = new Map([...model.posts, ...model.pages].map((p) => [p.path, p.url]));
    linksOf = (record) => {
      const links: Record<string, string | null> = {};
      for (const reference of record.references ?? []) {
        const target = referencedFile(reference, record.relative, scope);
        const url = target ? urlByPath.get(target.path) : undefined;
        links[referenceMarker(reference)] = target && url !== undefined ? href(site, url) + target.fragment : null;
      }
      return links;
    };
    // The nav, once, from the published pages: every page's header shows it.
    const navigation = siteNav(model.pages, model.posts, layout, settings);
    warnings.push(...navigation.warnings.map(({ file, message }) => `${file}: ${message}`));
    const nav: PageNav = { links: navigation.links, digest: navDigest(navigation.links) };
    const pageTasks: PageTask[] = [];
    model.posts.forEach((post, i) => {
      const record = records.get(post.path)!;
      const file = fileOf(post.url);
      claim(file, post.path);
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
      claim(file, page.path);
      const links = linksOf(record);
      if (record.page?.file !== file || record.page.links !== linksKey(links) || record.page.nav !== nav.digest) {
        pageTasks.push({ relative: page.path, url: page.url, neighbours: {}, kind: 'page', links, previous: record.page ?? cache.posts.get(page.path)?.page ?? null });
      }
    }
    const pages = Math.max(1, Math.ceil(model.posts.length / settings.postsPerPage));
    total += pageTasks.length + pages + model.tags.length + 4;
    // The workers write post pages while this thread makes the rest, so both cores stay busy.
    const postPages = pool.pages(pageTasks, nav, counter());
    // Observed at once, so that a failure of the listings below cannot leave it rejected and unhandled.
    postPages.catch(() => {});
    await listings(model, pages, nav);
    for (const result of await postPages) {
      if (!result) continue;
      records.set(result.relative, { ...records.get(result.relative)!, page: result.page });
      if (result.written) written++;
    }
  } finally {
    await pool.close();
    if (!options.cacheDir) fs.rmSync(imageCache, { recursive: true, force: true });
  }
  const posts = [...records.values()].sort((a, b) => (a.relative < b.relative ? -1 : 1));
  for (const { url, paths } of model.duplicates) {
    warnings.push(`${paths.join(', ')} all have the address /${url}; the first keeps it and the others get -2, -3… Give each its own "slug" to choose.`);
  }
  for (const post of posts) {
    if (post.problem) warnings.push(post.problem);
    else if (post.entry.error) warnings.push(`${post.relative} is not published: ${post.entry.error.message}`);
  }
  const { drafts, future } = model.leftOut;

  // 4. What the last build wrote and this one did not.
  let deleted = 0;
  for (const file of cache.files()) {
    if (produced.has(file)) continue;
    out.remove(file);
    deleted++;
  }
  cache.save(key, posts, outputs);
  options.onProgress?.({ done: total, total });

  return {
    output: out.root,
    posts: model.posts.length,
    pages: model.pages.length,
    rendered,
    files: produced.size,
    written,
    deleted,
    drafts,
    future,
    warnings,
    ms: Math.round(performance.now() - started),
  };
}
