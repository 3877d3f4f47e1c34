// Where symbolic links in a workspace really lead, judged by the same skip
// rules as names (names.ts). A name can be innocent while its target is not:
// `posts/notes.md` linked to `.git/config` (with a token in a remote URL), or
// `posts/a.assets/photo.png` linked to `.env`. So the rules apply to the real
// path too, wherever the build, the listing or a publish reads a file.
// Hard links cannot be told apart from the file they share, so no rule here
// can see them (README, Safety).
import { lstat, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { entryKind, type EntryKind } from './entryKind';
import { isInSkippedFolder, isSkippedFolder } from './names';
import { isWithin } from './paths';

/** `real` (a real path under the real `root`) as a workspace-relative path with forward slashes. */
export function realRelative(root: string, real: string): string {
  return path.relative(root, real).split(path.sep).join('/');
}

/** Whether a real path inside the workspace lies in a skipped place: a dot-folder or dot-file (.git, .env), node_modules, the output folder. */
export function isSkippedTarget(root: string, real: string, outputDir: string): boolean {
  const relative = realRelative(root, real);
  return relative !== '' && isInSkippedFolder(relative, outputDir);
}

export interface FoundLink {
  /** The link's own workspace-relative path. */
  readonly relative: string;
  /** Where it leads, workspace-relative. */
  readonly target: string;
  /** The target lies in a skipped place; the build refuses it. */
  readonly skipped: boolean;
}

/**
 * Every symbolic link the build could follow: links (to files or folders)
 * outside skipped folders whose target is inside the workspace. Links that
 * lead out of the workspace, or nowhere, are never followed, so not listed.
 * `root` must be a real path. `listFolder` gives a folder's entries (workspace-relative, '' for the
 * root) by name and kind; by default each is read here.
 */
export async function findLinks(root: string, outputDir: string, listFolder = readFolder(root)): Promise<FoundLink[]> {
  const found: FoundLink[] = [];
  const walk = async (relativeDir: string): Promise<void> => {
    const entries = await listFolder(relativeDir);
    await Promise.all(
      entries.map(async ([name, kind]) => {
        const relative = relativeDir ? `${relativeDir}/${name}` : name;
        if (kind === 'folder') {
          if (!isSkippedFolder(relative, outputDir)) await walk(relative);
        } else if (kind === 'link' && !isInSkippedFolder(relative, outputDir)) {
          const real = await realpath(path.join(root, relative)).catch(() => null);
          if (real === null || !isWithin(root, real)) return;
          found.push({ relative, target: realRelative(root, real), skipped: isSkippedTarget(root, real, outputDir) });
        }
      }),
    );
  };
  if ((await lstat(root).catch(() => null))?.isDirectory()) await walk('');
  return found.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}

/** Reads a folder's entries under `root`; an unreadable or vanished folder has none. */
const readFolder = (root: string) => async (relativeDir: string): Promise<[name: string, kind: EntryKind][]> => {
  const entries = await readdir(relativeDir ? path.join(root, relativeDir) : root, { withFileTypes: true }).catch(() => []);
  return entries.map((entry) => [entry.name, entryKind(entry)]);
};
