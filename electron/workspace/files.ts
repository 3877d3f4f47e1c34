// Whole-file reads and atomic writes of post files.
//
// Writes never modify a post in place: the new bytes go to a temp file in the
// same folder, are flushed, and are renamed over the post, then the folder is
// flushed. A crash, a full disk or a read-only file leaves either the old file
// or the new one, never half of each, and no temp file behind.
import { randomBytes } from 'node:crypto';
import fs, { constants, type Stats } from 'node:fs';
import { access, link, lstat, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ApiError, errorMessage } from '../../common/errors';
import { tempNameFor } from './names';
import { code } from './paths';

/** Matches the contract's 32 MiB cap on post text; anything bigger is not a post. */
export const MAX_POST_BYTES = 32 * 1024 * 1024;

export interface FileBytes {
  bytes: Buffer;
  stats: Stats;
}

/**
 * Reads a file with one open: fstat for size and mtime, then read to the end.
 * Uses the callback API on purpose: for thousands of small files it is about
 * twice as fast as fs/promises (no FileHandle, no chunked readFile).
 * With `scratch`, a file that fits is read into it: the returned bytes are
 * then a view that the next read with the same scratch overwrites.
 */
export function readFileBytes(absolute: string, relative: string, scratch?: Buffer): Promise<FileBytes> {
  return new Promise((resolve, reject) => {
    // O_NONBLOCK: a FIFO renamed to "x.md" must not hang the read; it is harmless for files.
    fs.open(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0), (openError, fd) => {
      if (openError) return reject(openError);
      const finish = (error: unknown, result?: FileBytes) =>
        fs.close(fd, () => (error ? reject(error) : resolve(result!)));
      fs.fstat(fd, (statError, stats) => {
        if (statError) return finish(statError);
        if (!stats.isFile()) return finish(new ApiError('not-found', `${relative} is not a file.`));
        if (stats.size > MAX_POST_BYTES) return finish(tooLarge(relative, stats.size));
        // One spare byte, so a file that has not grown is known complete after one read.
        let buffer = scratch && stats.size < scratch.length ? scratch : Buffer.allocUnsafe(stats.size + 1);
        let filled = 0;
        const readMore = (): void => {
          fs.read(fd, buffer, filled, buffer.length - filled, filled, (readError, count) => {
            if (readError) return finish(readError);
            filled += count;
            // A short read of a regular file is its end: one read per file, not two.
            if (count === 0 || filled < buffer.length) return finish(null, { bytes: buffer.subarray(0, filled), stats });
            // The file grew since fstat: keep reading, within the cap.
            if (buffer.length > MAX_POST_BYTES) return finish(tooLarge(relative, buffer.length));
            const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_POST_BYTES + 1));
            buffer.copy(bigger, 0, 0, filled);
            buffer = bigger;
            readMore();
          });
        };
        readMore();
      });
    });
  });
}

/** The same read, blocking: for the listing worker threads, where it is about three times faster. */
export function readFileBytesSync(absolute: string, relative: string): FileBytes {
  const fd = fs.openSync(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) throw new ApiError('not-found', `${relative} is not a file.`);
    if (stats.size > MAX_POST_BYTES) throw tooLarge(relative, stats.size);
    const bytes = fs.readFileSync(fd);
    if (bytes.length > MAX_POST_BYTES) throw tooLarge(relative, bytes.length);
    return { bytes, stats };
  } finally {
    fs.closeSync(fd);
  }
}

function tooLarge(relative: string, size: number): ApiError {
  return new ApiError(
    'unsupported',
    `${relative} is ${Math.round(size / 1024 / 1024)} MiB, larger than the 32 MiB Postwright edits. It was left untouched.`,
  );
}

export interface WriteOptions {
  /** Fail with 'exists' instead of replacing an existing file (new posts, conflict copies). */
  noClobber?: boolean;
  /** Permissions for a new file; an existing file keeps its own. */
  mode?: number;
}

/** Writes `bytes` to `target` atomically; returns the new file's stats. `relative` names it in errors. */
export async function writeAtomic(target: string, bytes: Uint8Array, relative: string, options: WriteOptions = {}): Promise<Stats> {
  const existing = await stat(target).catch((error: unknown) => {
    if (code(error) === 'ENOENT') return null;
    throw writeError(error, relative);
  });
  if (existing && options.noClobber) throw exists(relative);
  if (existing) await assertWritable(target, existing, relative);

  const folder = path.dirname(target);
  const temp = path.join(folder, tempNameFor(path.basename(target), randomBytes(6).toString('hex')));
  const mode = existing ? existing.mode & 0o7777 : (options.mode ?? 0o666);
  let created = false;
  writing.add(temp);
  try {
    const handle = await open(temp, 'wx', mode);
    created = true;
    try {
      await handle.writeFile(bytes);
      if (existing) {
        // open() applied the umask; give the new file exactly the old one's mode and owner.
        await handle.chmod(mode);
        if (process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== 0)) {
          // Best effort: the text is saved either way, and only root may give a file away at all.
          await handle.chown(existing.uid, existing.gid).catch(() => {});
        }
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.noClobber) await linkNoClobber(temp, target, relative);
    else await rename(temp, target);
    await syncFolder(folder);
  } catch (error) {
    throw error instanceof ApiError ? error : writeError(error, relative);
  } finally {
    // After a rename this finds nothing; after a link or a failure it removes the temp file.
    if (created) await unlink(temp).catch(() => {});
    writing.delete(temp);
  }
  return stat(target);
}

/** Temp files of writes in progress in this process: a sweep for leftovers must spare them. */
const writing = new Set<string>();

/** Removes temp files that killed saves left behind (paths from the walk), sparing writes in progress. */
export async function removeLeftovers(paths: readonly string[]): Promise<void> {
  // A leftover gone already is what the sweep wanted; one that will not go is tried again on the next sweep.
  await Promise.all(paths.filter((temp) => !writing.has(temp)).map((temp) => unlink(temp).catch(() => {})));
}

/** A mode without any write bit is the author saying "read-only"; respect it even as root. */
async function assertWritable(target: string, stats: Stats, relative: string): Promise<void> {
  if ((stats.mode & 0o222) === 0) throw readOnly(relative, 'the file is marked read-only');
  try {
    await access(target, constants.W_OK);
  } catch (error) {
    throw writeError(error, relative);
  }
}

/** Puts `temp` at `target` only if nothing is there; a hard link is the atomic way to ask. */
async function linkNoClobber(temp: string, target: string, relative: string): Promise<void> {
  try {
    await link(temp, target);
    return;
  } catch (error) {
    if (code(error) === 'EEXIST') throw exists(relative);
    // Folders, and file systems without hard links (FAT, some network drives): check, then rename.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(code(error) ?? '')) throw error;
  }
  if (await lstat(target).then(() => true, () => false)) throw exists(relative);
  await rename(temp, target);
}

/**
 * Moves a file or folder to a name that must be free. For a file, a hard link
 * claims the new name atomically (the old name is removed after); folders
 * and file systems without links fall back to check-then-rename.
 */
export async function moveNoClobber(from: string, to: string, relative: string): Promise<void> {
  await linkNoClobber(from, to, relative);
  await unlink(from).catch((error: unknown) => {
    if (code(error) !== 'ENOENT') throw error; // ENOENT: the fallback already renamed it
  });
}

/** Makes the rename itself durable; folders cannot be fsynced on every platform. */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Windows and some file systems refuse to open or fsync a folder; the rename still happened.
  } finally {
    await handle?.close();
  }
}

export function writeError(error: unknown, relative: string): ApiError {
  if (error instanceof ApiError) return error;
  switch (code(error)) {
    case 'EACCES':
    case 'EPERM':
      return readOnly(relative, 'the file or its folder does not allow writing');
    case 'EROFS':
      return readOnly(relative, 'it is on a read-only disk');
    case 'ENOSPC':
    case 'EDQUOT':
      return new ApiError(
        'disk-full',
        `The disk is full, so ${relative} was not saved. The file on disk is unchanged; free some space and save again.`,
      );
    case 'EEXIST':
      return exists(relative);
    case 'ENOENT':
      return new ApiError('not-found', `${relative} (or its folder) no longer exists. Reload the post list.`);
    default:
      return new ApiError('io', `Could not write ${relative}: ${errorMessage(error)}.`);
  }
}

function readOnly(relative: string, why: string): ApiError {
  return new ApiError(
    'read-only',
    `${relative} cannot be saved: ${why}. Postwright left it as it was; make it writable and save again (your text stays in the editor until then).`,
  );
}

function exists(relative: string): ApiError {
  return new ApiError('exists', `${relative} already exists. Choose another name.`);
}
