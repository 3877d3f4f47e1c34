// Opening a post from the OS: a .md file double-clicked, chosen with "Open
// With", dropped on the Dock icon or named on a command line. Plain Node, so
// the Electron glue in main.ts only wires events to these two functions.
import { access, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiError } from '../common/errors';
import { postId } from './workspace/ids';
import { isInSkippedFolder, isPostFileName } from './workspace/names';
import { readSettings, SETTINGS_FILE } from './workspace/settings';

/** Where a post file lives, as the app opens it. */
export interface PostLocation {
  /** The workspace to open: real, absolute. */
  workspaceRoot: string;
  /** The post's path in it, forward slashes. */
  postPath: string;
  /** The id the workspace gives that post. */
  id: string;
}

/**
 * The first Markdown file named on a command line (Windows and Linux pass
 * opened files this way, also to a second instance), resolved against the
 * folder it was given in; null when there is none. Switches are skipped, and
 * Linux desktops may pass file: URLs (the `%U` of the .desktop entry).
 */
export function fileFromArgv(argv: readonly string[], cwd: string): string | null {
  // argv[0] is the executable; in development the next one is the app folder, which is no .md file.
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    const file = arg.startsWith('file:') ? fromFileUrl(arg) : arg;
    if (file && isPostFileName(path.basename(file))) return path.resolve(cwd, file);
  }
  return null;
}

function fromFileUrl(url: string): string | null {
  try {
    return fileURLToPath(url);
  } catch {
    return null;
  }
}

/**
 * The workspace a post file belongs to: the nearest folder above it holding a
 * postwright.json (the blog it is part of), else the file's own folder. A file
 * that blog does not list as a post (in its output or a dot-folder) opens in its own folder.
 */
export async function locatePost(file: string): Promise<PostLocation> {
  if (!isPostFileName(path.basename(file))) {
    throw new ApiError('invalid-arguments', `${file} is not a Markdown post: Postwright opens .md and .markdown files.`);
  }
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    throw new ApiError('not-found', `${file} does not exist. It may have been moved or deleted.`);
  }
  if (!(await stat(real)).isFile()) throw new ApiError('invalid-arguments', `${file} is a folder, not a post. Use File → Open Folder… to open a folder.`);
  const own = path.dirname(real);
  const blog = await nearestBlog(own);
  if (blog) {
    const postPath = path.relative(blog, real).split(path.sep).join('/');
    if (!isInSkippedFolder(postPath, (await readSettings(blog)).outputDir)) return { workspaceRoot: blog, postPath, id: postId(postPath) };
  }
  const postPath = path.basename(real);
  return { workspaceRoot: own, postPath, id: postId(postPath) };
}

async function nearestBlog(from: string): Promise<string | null> {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const found = await access(path.join(dir, SETTINGS_FILE)).then(
      () => true,
      () => false,
    );
    if (found) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}
