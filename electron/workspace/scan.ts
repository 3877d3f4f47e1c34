// Finding every post in a workspace and summarising them, fast.
//
// The walk never follows a symlinked folder (that could loop, list a post
// twice, or leave the workspace). A symlinked file is listed only if
// resolveInside() finds its target inside the workspace, and not in a place
// the walk skips (a link to .git/config is not a post). Everything else the
// walk reaches is a real file under the real root, so it needs no extra check.
import type { Dirent } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { PostSummary } from '../../common/types';
import { readFileBytes, readFileBytesSync } from './files';
import { isInSkippedFolder, isPostFileName, isSkippedFolder, isTempFileName } from './names';
import { isSkippedTarget } from './linkTargets';
import { code, resolveInside } from './paths';
import { postId } from './ids';
import { summarizeBytes, summarizeUnreadable } from './summary';
import { ApiError } from '../../common/errors';

/** Files read at once: enough to keep the disk and the thread pool busy, few enough to bound memory. */
export const READ_CONCURRENCY = 64;
/** Posts up to this size are read into a reused buffer; bigger ones get their own. */
const SCRATCH_BYTES = 64 * 1024;

/** What a walk reports besides the posts it finds. */
export interface WalkWatchers {
  /** Collects our temp files that a killed save left behind. */
  leftovers?: string[];
  /** Told each folder's entries as the walk reads them (workspace-relative, '' for the root), so a check need not read them again. */
  folder?: (relativeDir: string, entries: readonly Dirent[]) => void;
}

/** Workspace-relative paths (forward slashes) of every post file, or of those under `folder`. */
export async function findPosts(root: string, outputDir: string, folder = '', { leftovers, folder: seen }: WalkWatchers = {}): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relativeDir: string): Promise<void> => {
    const absolute = relativeDir ? path.join(root, relativeDir) : root;
    let entries;
    try {
      entries = await readdir(absolute, { withFileTypes: true });
    } catch {
      return; // unreadable or vanished folder: nothing to list in it
    }
    seen?.(relativeDir, entries);
    const folders: Promise<void>[] = [];
    for (const entry of entries) {
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!isSkippedFolder(relative, outputDir)) folders.push(walk(relative));
      } else if (entry.isFile()) {
        if (isPostFileName(entry.name)) found.push(relative);
        else if (leftovers && isTempFileName(entry.name)) leftovers.push(relative);
      } else if (entry.isSymbolicLink() && isPostFileName(entry.name)) {
        folders.push(linkedPost(root, relative, outputDir).then((ok) => void (ok && found.push(relative))));
      }
    }
    await Promise.all(folders);
  };
  if (folder) {
    // Only a real folder inside the workspace: never walk into a link.
    const stats = await lstat(path.join(root, folder)).catch(() => null);
    if (!stats?.isDirectory() || isInSkippedFolder(folder, outputDir)) return found;
  }
  await walk(folder);
  return found;
}

async function linkedPost(root: string, relative: string, outputDir: string): Promise<boolean> {
  try {
    const { real } = await resolveInside(root, relative);
    return !isSkippedTarget(root, real, outputDir) && (await stat(real)).isFile();
  } catch {
    return false; // outside the workspace, dangling, or unreadable: not a post we may show
  }
}

/** Summaries of the given posts, `READ_CONCURRENCY` files at a time; vanished files are left out. */
export async function summarizeAll(root: string, relatives: readonly string[]): Promise<PostSummary[]> {
  const results: (PostSummary | null)[] = new Array(relatives.length).fill(null);
  let next = 0;
  const worker = async (): Promise<void> => {
    // One reused buffer per worker: reading 10,000 posts into fresh buffers kept the GC busy.
    const scratch = Buffer.allocUnsafeSlow(SCRATCH_BYTES);
    while (next < relatives.length) {
      const index = next++;
      results[index] = await summarizeFile(root, relatives[index]!, scratch);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, relatives.length) }, worker));
  return results.filter((s): s is PostSummary => s !== null);
}

/** One post's summary; null if the file is gone. A file that cannot be read is listed with the reason. */
export async function summarizeFile(root: string, relative: string, scratch?: Buffer): Promise<PostSummary | null> {
  let file;
  try {
    file = await readFileBytes(path.join(root, relative), relative, scratch);
  } catch (error) {
    return unreadable(relative, error);
  }
  return summarizeBytes(postId(relative), relative, file.bytes, file.stats.mtimeMs);
}

/** summarizeFile with blocking reads, for worker threads. */
export function summarizeFileSync(root: string, relative: string): PostSummary | null {
  let file;
  try {
    file = readFileBytesSync(path.join(root, relative), relative);
  } catch (error) {
    return unreadable(relative, error);
  }
  return summarizeBytes(postId(relative), relative, file.bytes, file.stats.mtimeMs);
}

function unreadable(relative: string, error: unknown): PostSummary | null {
  if (code(error) === 'ENOENT' || (error instanceof ApiError && error.code === 'not-found')) return null; // gone since the walk
  // Too large, unreadable...: still listed, so the author sees why it cannot be opened.
  const message =
    error instanceof ApiError
      ? error.message
      : `${relative} cannot be read (${code(error) ?? String(error)}). Check its permissions to open it here.`;
  return summarizeUnreadable(postId(relative), relative, Date.now(), { message, line: 1 });
}
