// The one gate between a workspace-relative path and the file system.
//
// Every path the workspace opens, writes, renames or trashes goes through
// resolveInside(). It refuses absolute paths and `..` outright, then resolves
// symlinks (the file's and every parent folder's, including dangling links for
// files about to be created) and refuses anything whose real location is
// outside the real root.
import { lstat, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../common/errors';

export interface Inside {
  /** Normalised workspace-relative path with forward slashes. */
  relative: string;
  /** root + relative, without resolving links: what to rename or trash. */
  path: string;
  /** Where it really is once links are followed: what to read and write. */
  real: string;
}

/** Checks a relative path's shape without touching the disk; returns it with forward slashes. */
export function normalizeRelative(relative: string): string {
  const posixish = relative.replace(/\\/g, '/');
  if (
    relative.includes('\0') ||
    path.posix.isAbsolute(posixish) ||
    path.win32.isAbsolute(relative) ||
    /^[A-Za-z]:/.test(relative)
  ) {
    throw outside(relative, 'is an absolute path');
  }
  const parts = posixish.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw outside(relative, 'climbs out with ".."');
  if (parts.length === 0) throw outside(relative, 'names the workspace folder itself, not a file in it');
  return parts.join('/');
}

export async function resolveInside(root: string, relative: string): Promise<Inside> {
  const normal = normalizeRelative(relative);
  const lexical = path.join(root, ...normal.split('/'));
  let real: string;
  try {
    real = await realpathLoose(lexical, 0);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const why = code(error) === 'ENOTDIR' ? 'not-found' : 'io';
    throw new ApiError(why, `Could not look up "${normal}" in the workspace (${code(error) ?? String(error)}).`);
  }
  if (!isWithin(root, real)) throw outside(normal, 'is a link to a place outside the workspace');
  return { relative: normal, path: lexical, real };
}

/** Whether `real` is `root` or inside it; both must already be real paths. */
export function isWithin(root: string, real: string): boolean {
  const rel = path.relative(root, real);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** realpath() that also works for paths that do not exist yet, following dangling links. */
async function realpathLoose(target: string, depth: number): Promise<string> {
  if (depth > 40) throw new ApiError('io', `Too many symbolic links (or a loop of them) at ${target}; fix or remove the link.`);
  try {
    return await realpath(target);
  } catch (error) {
    if (code(error) !== 'ENOENT') throw error;
  }
  const link = await lstat(target).catch(() => null);
  if (link?.isSymbolicLink()) {
    // A dangling link: a write would create its target, so the target is what must be inside.
    return realpathLoose(path.resolve(path.dirname(target), await readlink(target)), depth + 1);
  }
  const parent = path.dirname(target);
  if (parent === target) return target;
  return path.join(await realpathLoose(parent, depth + 1), path.basename(target));
}

function outside(relative: string, why: string): ApiError {
  return new ApiError(
    'outside-workspace',
    `"${relative}" ${why}. Postwright only reads and writes files inside the workspace folder; move the file into it to edit it here.`,
  );
}

export function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}
