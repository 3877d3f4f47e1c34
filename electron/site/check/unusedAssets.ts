// Images in a post's assets folder that the post no longer links: left behind
// when a paste is undone or a link deleted. A warning, naming each file, so the
// author can delete it (the file stays until then: it may be wanted again).
import { readdir } from 'node:fs/promises';
import { posix } from 'node:path';
import type { CheckProblem } from '../../../common/check';
import { assetsFolderOf } from '../../workspace/names';
import { resolveInside } from '../../workspace/paths';
import type { ExaminedPost } from './examine';
import { localHref } from './hrefs';
import { problem } from './problem';
import type { EntryKind } from '../../workspace/entryKind';
import type { FolderListings } from './folderListings';

export async function checkUnusedAssets(root: string, post: ExaminedPost, folders: FolderListings): Promise<CheckProblem[]> {
  const folder = assetsFolderOf(post.post.path);
  if (!folder) return [];
  // Most posts have no assets folder, and a check visits every post: the listing of the post's own folder
  // (read once for all its posts) says so. A real folder is listed the same way; a link goes through the workspace's gate.
  const kind = await folders.kindOf(folder);
  if (kind === undefined) return [];
  let files: { name: string; kind: EntryKind }[];
  if (kind === 'folder') files = [...((await folders.entries(folder)) ?? [])].map(([name, entryKind]) => ({ name, kind: entryKind }));
  else {
    const inside = await resolveInside(root, folder).catch(() => null);
    if (!inside) return [];
    const entries = await readdir(inside.real, { withFileTypes: true }).catch(() => []);
    files = entries.map((entry) => ({ name: entry.name, kind: entry.isFile() ? 'file' : 'other' }));
  }
  const used = new Set<string>();
  for (const ref of post.references) {
    const href = localHref(ref.href);
    if (href === null || href === 'malformed' || href.path === '') continue;
    used.add(href.path.startsWith('/') ? href.path.slice(1) : posix.join(posix.dirname(post.post.path), href.path));
  }
  return files
    .filter((file) => file.kind === 'file' && !file.name.startsWith('.') && !used.has(posix.join(folder, file.name)))
    .map((file) => file.name)
    .sort()
    .map((name) =>
      problem(post, { line: 1 }, 'warning', 'unused-asset', `${posix.join(folder, name)} is not linked from this post (left from an undone paste or a deleted link?). Delete it, or link it again.`),
    );
}
