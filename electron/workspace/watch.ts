// Notices post files that change on disk, by us or by another program.
//
// chokidar does the platform work; this file decides what is worth watching
// (never dot-folders, node_modules or the site output, so their trees are not
// even walked; never non-Markdown files or our own temp files) and batches
// bursts of events so an editor's save arrives as one change per file.
import { watch as chokidar } from 'chokidar';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { isInSkippedFolder, isPostFileName } from './names';

/** Quiet time before a burst of events is delivered; saves usually take a few ms. */
const DEBOUNCE_MS = 40;

export interface WatchBatch {
  /** Post files that were added, changed or removed: look at the disk to tell which. */
  files: string[];
  /** Folders that appeared: their posts are new too (a folder moved in). */
  addedFolders: string[];
  /** Folders that vanished: every post under them is gone. */
  removedFolders: string[];
}

export interface FolderWatch {
  close(): Promise<void>;
}

/** Starts watching; resolves once the initial walk is done and events are real changes. */
export async function watchFolder(
  root: string,
  outputDir: () => string,
  onBatch: (batch: WatchBatch) => void,
): Promise<FolderWatch> {
  const relativeOf = (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');
  const ignored = (absolute: string, stats?: Stats): boolean => {
    const relative = relativeOf(absolute);
    if (relative === '' || relative === '..' || relative.startsWith('../')) return false;
    if (isInSkippedFolder(relative, outputDir())) return true; // covers dot-files and our temp files
    // Without stats chokidar does not yet know file from folder; "hello.assets" may be either.
    return stats !== undefined && !stats.isDirectory() && !isPostFileName(path.basename(absolute));
  };

  let files = new Set<string>();
  let addedFolders = new Set<string>();
  let removedFolders = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const flush = () => {
    timer = undefined;
    if (closed) return;
    const batch = { files: [...files], addedFolders: [...addedFolders], removedFolders: [...removedFolders] };
    files = new Set();
    addedFolders = new Set();
    removedFolders = new Set();
    onBatch(batch);
  };
  const queue = (set: Set<string>, absolute: string) => {
    set.add(relativeOf(absolute));
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  };

  const watcher = chokidar(root, {
    ignoreInitial: true,
    ignored,
    // Links are never followed: a linked folder could leave the workspace or loop.
    followSymlinks: false,
  });
  watcher.on('add', (p) => queue(files, p));
  watcher.on('change', (p) => queue(files, p));
  watcher.on('unlink', (p) => queue(files, p));
  watcher.on('addDir', (p) => queue(addedFolders, p));
  watcher.on('unlinkDir', (p) => queue(removedFolders, p));
  watcher.on('error', () => {
    // A folder that vanished mid-walk or an unreadable one: the next event or list() catches up.
  });
  await new Promise<void>((resolve) => watcher.once('ready', resolve));

  return {
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      await watcher.close();
    },
  };
}
