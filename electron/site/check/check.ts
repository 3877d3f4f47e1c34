// `postwright check`: everything that would make the published site wrong,
// found before publishing. Posts are read through the workspace, so the
// listing's rules apply (skipped folders, the output folder, Jekyll dates).
import { statSync } from 'node:fs';
import path from 'node:path';
import type { CheckProblem, CheckResult } from '../../../common/check';
import { ApiError } from '../../../common/errors';
import type { PostSummary } from '../../../common/types';
import type { Workspace } from '../../workspace/workspace';
import { examineInWorkers, workersPay } from './checkPool';
import type { ExaminedPost } from './examine';
import { FactsCache, type FileStamp } from './factsCache';
import { checkImage } from './images';
import { checkLink } from './links';
import { problem } from './problem';
import { checkPlaceholderBaseUrl } from './placeholderBaseUrl';
import { checkLinks } from './symlinks';
import { checkNav } from './nav';
import { checkSiteTags } from './siteTags';
import { checkSlugs } from './slugs';
import { checkTagVariants } from './tagVariants';
import { checkUnusedAssets } from './unusedAssets';
import { SiteIndex, siteUrls, type UrlOf } from './siteIndex';
import { FolderListings } from './folderListings';

export interface CheckOptions {
  /** The URL each post publishes to; by default, the workspace's permalink setting in postwright.json. */
  urlOf?: UrlOf;
  /** The app's cache folder: with it, a check after an edit examines only the posts whose files changed. */
  cacheDir?: string;
}

// The markdown pipeline (marked, highlight.js) loads only when a post has to be lexed: not when every post is cached.
const examining = () => import('./examine');

/** Posts read and checked at once on this thread: enough to overlap reads with parsing, few enough to bound memory. */
const CONCURRENCY = 8;

export async function checkWorkspace(workspace: Workspace, options: CheckOptions = {}): Promise<CheckResult> {
  return check(workspace, options, workersPay);
}

/** The check, on worker threads when `useWorkers(posts)` says so; both ways give the same problems in the same order. */
export async function check(workspace: Workspace, options: CheckOptions, useWorkers: (posts: number) => boolean): Promise<CheckResult> {
  // The list's walk reads every folder the check looks into: its listings answer the check's lookups.
  const folders = new FolderListings(workspace.root);
  // So do the stats by which it kept each unchanged post's summary: they say whether the post's facts still hold.
  const listed = new Map<string, { size: number; mtime: number }>();
  const posts = await workspace.list({ folder: (relative, entries) => folders.record(relative, entries), stamp: (relative, size, mtime) => listed.set(relative, { size, mtime }) });
  const facts = FactsCache.load(options.cacheDir, workspace.root);
  // Posts whose files are as the last check found them keep its facts (and their URLs); only the others are read and lexed.
  const changed: PostSummary[] = [];
  const unchanged: ExaminedPost[] = [];
  for (const summary of posts) {
    const known = facts.fresh(summary, listed.get(summary.path));
    if (known) unchanged.push(known);
    else changed.push(summary);
  }
  const site = new SiteIndex(workspace, posts, options.urlOf ?? facts.urls(await siteUrls(workspace.root)), facts, folders);
  const problems: CheckProblem[] = [];
  const examined = new Map<string, ExaminedPost>();
  const checkOne = async (post: ExaminedPost | CheckProblem) => {
    if ('severity' in post) {
      problems.push(post);
      return;
    }
    examined.set(post.post.path, post);
    problems.push(...post.problems, ...(await checkReferences(post, site)), ...checkSiteTags(post, site, workspace.layout), ...(await checkUnusedAssets(workspace.root, post, site.folders)));
  };
  await inLanes(unchanged, checkOne);
  if (useWorkers(changed.length)) {
    await examineInWorkers(workspace.root, changed, async (summary, done, stamp) => {
      if (done && stamp) facts.store(done, stamp);
      await checkOne(done ?? (await examineHere(workspace, summary, facts)));
    });
  } else {
    await inLanes(changed, async (summary) => checkOne(await examineHere(workspace, summary, facts)));
  }
  problems.push(...checkSlugs(site, examined), ...checkTagVariants([...examined.values()]), ...(await checkPlaceholderBaseUrl(workspace.root)));
  problems.push(...(await checkLinks(workspace, folders)));
  problems.push(...(await checkNav(workspace, posts, site.urlOf)));
  facts.save();
  // What the blog's config says that Postwright cannot follow (a permalink template it would have to run…).
  const { configFile, warnings } = workspace.layout;
  for (const message of warnings) problems.push({ file: configFile ?? '', postId: '', line: 1, severity: 'warning', kind: 'config', message });
  return { problems: problems.sort(byPlace), posts: posts.length, layout: workspace.describe(posts) };
}

/** Runs `each` over `items`, CONCURRENCY at a time, so file lookups overlap. */
async function inLanes<T>(items: readonly T[], each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await each(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, lane));
}

async function examineHere(workspace: Workspace, summary: PostSummary, facts: FactsCache): Promise<ExaminedPost | CheckProblem> {
  // Stated before the read: if the file changes in between, the next check sees new stats and reads it again.
  const stats = statSync(path.join(workspace.root, summary.path), { throwIfNoEntry: false });
  let text: string;
  let version: string;
  try {
    ({ text, version } = await workspace.read(summary.id));
  } catch (error) {
    const message = `${summary.path} could not be read: ${ApiError.from(error).message}`;
    return problem({ post: summary }, { line: 1 }, 'error', 'unreadable', message);
  }
  const stamp: FileStamp | null = stats ? { hash: version, size: stats.size, mtime: Math.floor(stats.mtimeMs) } : null;
  const known = stamp && facts.sameContent(summary, stamp);
  if (known) return known;
  const { examinePost } = await examining();
  const post = examinePost(summary, text);
  if (stamp) facts.store(post, stamp);
  return post;
}

/** The problems with a post's links and images, which need the rest of the site. */
async function checkReferences(post: ExaminedPost, site: SiteIndex): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = [];
  for (const ref of post.references) {
    if (ref.kind === 'image') problems.push(...(await checkImage(post, ref, site)));
    else {
      const found = await checkLink(post, ref, site);
      if (found) problems.push(found);
    }
  }
  return problems;
}

function byPlace(a: CheckProblem, b: CheckProblem): number {
  return compare(a.file, b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
