// Renaming a post: its front-matter slug (if it has one), its file name (or
// page-bundle folder) and its assets folder, with links into that folder.
// When that moves the published post to a new address, the old one is added
// to the post's own list of old addresses (`aliases:` or `redirect_from:`, the
// key its generator reads), so the build keeps it alive as a redirect, and so
// does Hugo or Jekyll (with jekyll-redirect-from) if the blog goes back.
//
// Order, so the post is never lost and a failure is undone:
//   1. check every target name is free;
//   2. rewrite the text in place (atomic write);
//   3. rename the file (or bundle folder);
//   4. rename the assets folder.
// Each step is atomic on its own; if 3 or 4 fails, the earlier steps are
// rolled back. The moves never replace anything: a name taken by another
// program after the check makes the move fail (and roll back) instead.
import { randomBytes } from 'node:crypto';
import { lstat, rename, unlink } from 'node:fs/promises';
import path, { posix } from 'node:path';
import { ApiError, errorMessage } from '../../common/errors';
import { fieldOf, keyAsWritten } from '../../common/frontMatter/keys';
import { parsePost, setFrontMatterField } from '../../common/post';
import { rewriteAssetLinks } from './assetLinks';
import { fromDisk, toDisk, type DiskFormat, formatOf } from './encoding';
import { moveNoClobber, readFileBytes, writeAtomic } from './files';
import { assetsFolderOf, extensionOf, isPageBundle, jekyllPrefix } from './names';
import { code, resolveInside, type Inside } from './paths';

interface Move {
  from: Inside;
  to: Inside;
  /** Only the letter case changes, on a disk that ignores case: the target "exists" as the source itself. */
  caseOnly?: boolean;
}

/** Where a post is published, to keep its old address when a rename moves it. */
export interface Addresses {
  /** The site path the post at `relative` with `text` is published at; null when it is not published (a draft, unreadable). */
  addressOf(relative: string, text: string): string | null;
  /** The key old addresses go under when the post has none yet: `redirect_from` (Jekyll) or `aliases` (Hugo, the rest). */
  key: 'aliases' | 'redirect_from';
}

/** Renames the post at `post` to `slug`; returns its new relative path. `slug` is already validated. */
export async function renamePost(root: string, post: Inside, slug: string, addresses?: Addresses): Promise<string> {
  const relative = post.relative;
  const moves: Move[] = [];
  let newRelative: string;
  let assetsMove: Move | undefined;

  if (isPageBundle(relative)) {
    const folder = posix.dirname(relative);
    const newFolder = posix.join(posix.dirname(folder), jekyllPrefix(posix.basename(folder)) + slug);
    newRelative = `${newFolder}/${posix.basename(relative)}`;
    if (newFolder !== folder) moves.push({ from: await resolveInside(root, folder), to: await resolveInside(root, newFolder) });
  } else {
    const name = posix.basename(relative);
    newRelative = posix.join(posix.dirname(relative), jekyllPrefix(name) + slug + extensionOf(name));
    if (newRelative !== relative) {
      moves.push({ from: post, to: await resolveInside(root, newRelative) });
      const assets = assetsFolderOf(relative)!;
      const assetsFrom = await resolveInside(root, assets);
      if ((await lstat(assetsFrom.path).catch(() => null))?.isDirectory()) {
        assetsMove = { from: assetsFrom, to: await resolveInside(root, assetsFolderOf(newRelative)!) };
        moves.push(assetsMove);
      }
    }
  }

  for (const move of moves) {
    const target = await lstat(move.to.path).catch(() => null);
    const source = await lstat(move.from.path);
    // On case-insensitive disks "Hello.md" → "hello.md" finds the post itself: that is not a clash.
    move.caseOnly =
      target !== null &&
      target.ino === source.ino &&
      target.dev === source.dev &&
      move.to.path.toLowerCase() === move.from.path.toLowerCase();
    if (target && !move.caseOnly) {
      throw new ApiError('exists', `Cannot rename ${relative}: ${move.to.relative} already exists. Choose another slug.`);
    }
  }

  // The new text: slug value and asset links, with the file's BOM and line endings kept.
  // A file that is not UTF-8 is refused here, before anything changed (fromDisk throws).
  const original = await readFileBytes(post.real, relative);
  const format: DiskFormat = formatOf(original.bytes);
  const text = fromDisk(original.bytes, relative).text;
  let next = text;
  const { data, error } = parsePost(text);
  if (!error && Object.hasOwn(data, 'slug')) next = setFrontMatterField(next, 'slug', slug);
  if (assetsMove) next = rewriteAssetLinks(next, posix.basename(assetsMove.from.relative), posix.basename(assetsMove.to.relative));
  if (addresses && !error) next = keepOldAddress(next, addresses.addressOf(relative, text), addresses.addressOf(newRelative, next), addresses.key);
  const edited = next !== text ? toDisk(next, format) : null;

  if (edited) await writeAtomic(post.real, edited, relative);
  const done: Move[] = [];
  try {
    for (const move of moves) {
      if (move.caseOnly) await renameCaseOnly(move.from.path, move.to.path);
      else await moveNoClobber(move.from.path, move.to.path, move.to.relative);
      done.push(move);
    }
  } catch (error) {
    const problem = renameError(error, relative);
    try {
      for (const move of done.reverse()) await (move.caseOnly ? renameCaseOnly : rename)(move.to.path, move.from.path);
      if (edited) await writeAtomic(post.real, original.bytes, relative);
    } catch {
      throw new ApiError(
        'io',
        `${problem.message} Undoing the rename also failed; check ${relative} and ${newRelative} by hand (nothing was deleted).`,
      );
    }
    throw problem;
  }
  return newRelative;
}

/** `text` with `before` added to its old addresses, when the rename moves a published post away from it. */
function keepOldAddress(text: string, before: string | null, after: string | null, defaultKey: Addresses['key']): string {
  if (before === null || after === null || before === after) return text;
  const { data } = parsePost(text);
  // The key the post already uses, as written; both generators take a string or a list.
  const key = keyAsWritten(data, 'aliases') ?? keyAsWritten(data, 'redirect_from') ?? defaultKey;
  const value = fieldOf(data, key);
  const old = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  const address = `/${before}`;
  return old.includes(address) ? text : setFrontMatterField(text, key, [...old, address]);
}

/**
 * "Post.md" → "post.md" on a disk that ignores case, in two steps through a
 * free name. A direct rename is a no-op on some of these disks and refused on
 * others, and code that first clears the "taken" new name deletes the post
 * itself (Zettlr#1622). The step name is not a save's temp name, so the
 * leftover sweep never touches it; a crash between the steps leaves the post
 * under it, hidden but whole.
 */
async function renameCaseOnly(from: string, to: string): Promise<void> {
  const step = path.join(path.dirname(from), `.${path.basename(from)}.${randomBytes(6).toString('hex')}.pw-rename`);
  await rename(from, step);
  try {
    await rename(step, to);
  } catch (error) {
    // The first failure is the one to report; the file stays whole under the step name either way (see above).
    await rename(step, from).catch(() => {});
    throw error;
  }
  // Where both names are one file (a hard link), rename() does nothing and leaves the step name behind.
  const [left, moved] = await Promise.all([lstat(step).catch(() => null), lstat(to)]);
  if (left && left.ino === moved.ino && left.dev === moved.dev) await unlink(step);
}

function renameError(error: unknown, relative: string): ApiError {
  if (error instanceof ApiError) return error;
  switch (code(error)) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new ApiError('read-only', `Cannot rename ${relative}: its folder does not allow changes. Nothing was renamed.`);
    case 'EEXIST':
    case 'ENOTEMPTY':
      return new ApiError('exists', `Cannot rename ${relative}: the new name was taken meanwhile. Nothing was renamed.`);
    case 'ENOENT':
      return new ApiError('not-found', `Cannot rename ${relative}: it no longer exists. Reload the post list.`);
    default:
      return new ApiError('io', `Cannot rename ${relative}: ${errorMessage(error)}. Nothing was renamed.`);
  }
}
