// Images in a post's assets folder that the post no longer links: left behind
// when a paste is undone or a link deleted. A warning, naming each file, so the
// author can delete it (the file stays until then: it may be wanted again).
import { lstat, readdir } from 'node:fs/promises';
import path, { posix } from 'node:path';
import type { CheckProblem } from '../../../common/check';
import { assetsFolderOf } from '../../workspace/names';
import { resolveInside } from '../../workspace/paths';
import type { ExaminedPost } from './examine';
import { localHref } from './hrefs';
import { problem } from './problem';

export async function checkUnusedAssets(root: string, post: ExaminedPost): Promise<CheckProblem[]> {
  const folder = assetsFolderOf(post.post.path);
  if (!folder) return [];
  // Most posts have no assets folder, and a check visits every post: one lstat says so, where resolving the
  // path through the workspace's symlink gate costs several calls (a fifth of a check after one edit).
  if (!(await lstat(path.join(root, ...folder.split('/'))).then(() => true, () => false))) return [];
  const inside = await resolveInside(root, folder).catch(() => null);
  if (!inside) return [];
  const files = await readdir(inside.real, { withFileTypes: true }).catch(() => []);
  const used = new Set<string>();
  for (const ref of post.references) {
    const href = localHref(ref.href);
    if (href === null || href === 'malformed' || href.path === '') continue;
    used.add(href.path.startsWith('/') ? href.path.slice(1) : posix.join(posix.dirname(post.post.path), href.path));
  }
  return files
    .filter((file) => file.isFile() && !file.name.startsWith('.') && !used.has(posix.join(folder, file.name)))
    .map((file) => file.name)
    .sort()
    .map((name) =>
      problem(post, { line: 1 }, 'warning', 'unused-asset', `${posix.join(folder, name)} is not linked from this post (left from an undone paste or a deleted link?). Delete it, or link it again.`),
    );
}
