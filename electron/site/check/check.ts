// `postwright check`: everything that would make the published site wrong,
// found before publishing. Posts are read through the workspace, so the
// listing's rules apply (skipped folders, the output folder, Jekyll dates).
import type { CheckProblem, CheckResult } from '../../../common/check';
import { ApiError } from '../../../common/errors';
import type { PostSummary } from '../../../common/types';
import type { Workspace } from '../../workspace/workspace';
import { examineInWorkers, workersPay } from './checkPool';
import { examinePost, type ExaminedPost } from './examine';
import { checkImage } from './images';
import { checkLink } from './links';
import { problem } from './problem';
import { checkLinks } from './symlinks';
import { checkSlugs } from './slugs';
import { checkUnusedAssets } from './unusedAssets';
import { SiteIndex, siteUrlOf, type UrlOf } from './siteIndex';

export interface CheckOptions {
  /** The URL each post publishes to; by default, the workspace's permalink setting in postwright.json. */
  urlOf?: UrlOf;
}

/** Posts read and checked at once on this thread: enough to overlap reads with parsing, few enough to bound memory. */
const CONCURRENCY = 8;

export async function checkWorkspace(workspace: Workspace, options: CheckOptions = {}): Promise<CheckResult> {
  return check(workspace, options, workersPay);
}

/** The check, on worker threads when `useWorkers(posts)` says so; both ways give the same problems in the same order. */
export async function check(workspace: Workspace, options: CheckOptions, useWorkers: (posts: number) => boolean): Promise<CheckResult> {
  const posts = await workspace.list();
  const site = new SiteIndex(workspace, posts, options.urlOf ?? (await siteUrlOf(workspace.root)));
  const problems: CheckProblem[] = [];
  const examined = new Map<string, ExaminedPost>();
  const checkOne = async (summary: PostSummary, done: ExaminedPost | null) => {
    const post = done ?? (await examineHere(workspace, summary));
    if ('severity' in post) {
      problems.push(post);
      return;
    }
    examined.set(summary.path, post);
    problems.push(...post.problems, ...(await checkReferences(post, site)), ...(await checkUnusedAssets(workspace.root, post)));
  };
  if (useWorkers(posts.length)) {
    await examineInWorkers(workspace.root, posts, checkOne);
  } else {
    let next = 0;
    const lane = async () => {
      while (next < posts.length) await checkOne(posts[next++]!, null);
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, posts.length) }, lane));
  }
  problems.push(...checkSlugs(site, examined));
  problems.push(...(await checkLinks(workspace)));
  // What the blog's config says that Postwright cannot follow (a permalink template it would have to run…).
  const { configFile, warnings } = workspace.layout;
  for (const message of warnings) problems.push({ file: configFile ?? '', postId: '', line: 1, severity: 'warning', kind: 'config', message });
  return { problems: problems.sort(byPlace), posts: posts.length, layout: workspace.describe(posts) };
}

async function examineHere(workspace: Workspace, summary: PostSummary): Promise<ExaminedPost | CheckProblem> {
  let text: string;
  try {
    ({ text } = await workspace.read(summary.id));
  } catch (error) {
    const message = `${summary.path} could not be read: ${ApiError.from(error).message}`;
    return problem({ post: summary }, { line: 1 }, 'error', 'unreadable', message);
  }
  return examinePost(summary, text);
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
