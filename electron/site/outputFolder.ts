// The one gate between the build and the output folder. Every file the build
// writes or deletes is named by a relative path that is checked here: no
// absolute paths, no "..", no folder along the way that is a symbolic link
// (a link planted in _site could point anywhere), and the file itself is opened
// with O_NOFOLLOW, so a link in its place is refused rather than written through.
//
// Synchronous on purpose: it runs in the render workers, where blocking calls
// are the fast ones, and for the few hundred listing pages of the main thread.
import fs, { constants } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../common/errors';
import { code, isWithin, normalizeRelative } from '../workspace/paths';

const WRITE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0);

export class OutputFolder {
  /** Relative folders already checked (and created) in this thread. */
  readonly #folders = new Set<string>(['']);

  private constructor(
    /** The real path of the output folder. */
    readonly root: string,
  ) {}

  /**
   * The output folder at `target` (created if missing). Refuses the workspace
   * itself and any folder that holds it: the build must never write among the posts.
   */
  static open(target: string, workspaceRoot: string): OutputFolder {
    fs.mkdirSync(target, { recursive: true });
    const real = fs.realpathSync(target);
    if (isWithin(real, workspaceRoot)) {
      throw new ApiError('invalid-arguments', `The output folder ${target} holds the workspace itself; choose a folder such as "_site" inside it, or one elsewhere.`);
    }
    return new OutputFolder(real);
  }

  /** An already opened folder, in another thread. */
  static reopen(realRoot: string): OutputFolder {
    return new OutputFolder(realRoot);
  }

  /** The absolute path to write `relative` to, its folders created and checked. */
  path(relative: string): string {
    const normal = normalizeRelative(relative);
    const slash = normal.lastIndexOf('/');
    if (slash > 0) this.#folder(normal.slice(0, slash));
    return path.join(this.root, normal);
  }

  write(relative: string, bytes: string | Uint8Array): void {
    const target = this.path(relative);
    let fd: number;
    try {
      fd = fs.openSync(target, WRITE_FLAGS, 0o644);
    } catch (error) {
      if (code(error) === 'ELOOP') throw linkError(relative);
      throw writeError(relative, error);
    }
    try {
      fs.writeFileSync(fd, bytes);
    } catch (error) {
      throw writeError(relative, error);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Copies a source file (already checked to be inside the workspace) to `relative`. */
  copy(source: string, relative: string): void {
    const target = this.path(relative);
    if (fs.lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink()) throw linkError(relative);
    try {
      fs.copyFileSync(source, target);
    } catch (error) {
      throw writeError(relative, error);
    }
  }

  /** Whether `relative` is a file the build may skip rewriting (same size as recorded). */
  has(relative: string, size: number): boolean {
    const stats = fs.lstatSync(path.join(this.root, relative), { throwIfNoEntry: false });
    return stats !== undefined && stats.isFile() && stats.size === size;
  }

  /** Deletes a file the last build wrote, then any folders it leaves empty. */
  remove(relative: string): void {
    const target = this.path(relative);
    try {
      fs.unlinkSync(target);
    } catch (error) {
      if (code(error) !== 'ENOENT') throw writeError(relative, error);
    }
    for (let dir = path.dirname(target); dir !== this.root && isWithin(this.root, dir); dir = path.dirname(dir)) {
      try {
        fs.rmdirSync(dir);
      } catch {
        break; // not empty (or gone): stop climbing
      }
      this.#folders.delete(path.relative(this.root, dir).split(path.sep).join('/'));
    }
  }

  #folder(relative: string): void {
    if (this.#folders.has(relative)) return;
    const slash = relative.lastIndexOf('/');
    if (slash > 0) this.#folder(relative.slice(0, slash));
    const absolute = path.join(this.root, relative);
    try {
      // A folder this call created is a real folder: only one that was already there needs a look.
      fs.mkdirSync(absolute);
    } catch (error) {
      if (code(error) !== 'EEXIST') throw writeError(relative, error);
      const stats = fs.lstatSync(absolute);
      if (stats.isSymbolicLink()) throw linkError(relative);
      if (!stats.isDirectory()) throw new ApiError('exists', `The output folder has a file named ${relative} where the site needs a folder; delete it and build again.`);
    }
    this.#folders.add(relative);
  }
}

function linkError(relative: string): ApiError {
  return new ApiError(
    'outside-workspace',
    `${relative} in the output folder is a symbolic link; the build never writes through links. Delete it and build again.`,
  );
}

function writeError(relative: string, error: unknown): ApiError {
  const why = code(error);
  if (why === 'ENOSPC') return new ApiError('disk-full', `The disk is full: ${relative} could not be written.`);
  if (why === 'EACCES' || why === 'EPERM' || why === 'EROFS') return new ApiError('read-only', `${relative} in the output folder cannot be written (${why}).`);
  return new ApiError('io', `${relative} could not be written in the output folder (${why ?? String(error)}).`);
}
