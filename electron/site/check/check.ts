// `postwright check`: everything that would make the published site wrong,
// found before publishing. Posts are read through the workspace, so the
// listing's rules apply (skipped folders, the output folder, Jekyll dates).
import type { CheckProblem, CheckResult } from '../../../common/check';
import { ApiError } from '../../../common/errors';
import { parsePost } from '../../../common/post';
import type { PostSummary } from '../../../common/types';
import type { Workspace } from '../../workspace/workspace';
import { checkDates } from './dates';
import { checkFrontMatter } from './frontMatter';
import { checkImage } from './images';
import { checkLink } from './links';
import { positionsIn } from './positions';
import { problem, type CheckedPost } from './problem';
import { findReferences } from './references';
import { checkSlugs } from './slugs';
import { markdown } from './markdown';
import { SiteIndex, siteUrlOf, type UrlOf } from './siteIndex';

export interface CheckOptions {
  /** The URL each post publishes to; by default, the workspace's permalink setting in postwright.json. */
  urlOf?: UrlOf;
}

/** Posts read and checked at once: enough to overlap reads with parsing, few enough to bound memory. */
const CONCURRENCY = 8;

export async function checkWorkspace(workspace: Workspace, options: CheckOptions = {}): Promise<CheckResult> {
  const posts = await workspace.list();
  const site = new SiteIndex(workspace, posts, options.urlOf ?? (await siteUrlOf(workspace.root)));
  const problems: CheckProblem[] = [];
  const checked = new Map<string, CheckedPost>();
  let next = 0;
  const worker = async () => {
    while (next < posts.length) {
      const summary = posts[next++]!;
      const post = await readPost(workspace, summary);
      if ('severity' in post) {
        problems.push(post);
        continue;
      }
      checked.set(summary.path, post);
      problems.push(...(await checkPost(post, site)));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, posts.length) }, worker));
  problems.push(...checkSlugs(site, checked));
  return { problems: problems.sort(byPlace), posts: posts.length };
}

async function readPost(workspace: Workspace, summary: PostSummary): Promise<CheckedPost | CheckProblem> {
  try {
    const { text } = await workspace.read(summary.id);
    const { body, bodyStart } = parsePost(text);
    return { post: summary, text, body, bodyStart, position: positionsIn(text) };
  } catch (error) {
    const message = `${summary.path} could not be read: ${ApiError.from(error).message}`;
    return problem({ post: summary }, { line: 1 }, 'error', 'unreadable', message);
  }
}

async function checkPost(post: CheckedPost, site: SiteIndex): Promise<CheckProblem[]> {
  const problems = [...checkFrontMatter(post), ...checkDates(post)];
  for (const ref of findReferences(markdown.lex(post.body), post.body)) {
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
