// Undo for Delete. A deleted post goes to the OS trash, but no OS lets a
// program take an item back out of it portably: macOS and Windows say nothing
// about where it went, and neither does the `trash` package. So, just before
// trashing, the post's file (and its assets folder, or its bundle folder) is
// copied into the app's data folder, never the workspace; Undo copies it back
// with its bytes and modification times as they were. The trash keeps its own
// copy either way, so Undo never empties it and an old delete can still be
// restored from there by hand.
//
// Layout: <historyDir>/<hash of the workspace>/deleted/<token>/
//   meta.json   { post, items }: the post's path and what was copied, relative to the workspace
//   files/...   the copies, at those relative paths
import { randomBytes } from 'node:crypto';
import { cp, lstat, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../common/errors';
import { code, resolveInside } from './paths';

/** Deletes that can still be undone; older copies go (the trash still has them). */
const KEPT = 10;
/** "<time ms, 13 digits>-<12 hex>": sorts by time as text. Also what the contract accepts. */
export const DELETED_TOKEN = /^\d{13}-[0-9a-f]{12}$/;

interface Meta {
  post: string;
  items: string[];
}

export class DeletedPosts {
  /** The deleted posts of one workspace, beside its history. */
  static for(historyRoot: string): DeletedPosts {
    return new DeletedPosts(path.join(historyRoot, 'deleted'));
  }

  private constructor(readonly dir: string) {}

  /**
   * Copies `items` (files or folders, relative to `root`) aside before they are
   * trashed; returns the token that restores them.
   */
  async keep(root: string, post: string, items: readonly string[]): Promise<string> {
    const token = `${String(Date.now()).padStart(13, '0')}-${randomBytes(6).toString('hex')}`;
    const folder = path.join(this.dir, token);
    await mkdir(path.join(folder, 'files'), { recursive: true, mode: 0o700 });
    try {
      for (const item of items) {
        // Links are copied as links: a restore puts back exactly what was there.
        await cp(path.join(root, item), path.join(folder, 'files', item), { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
      }
      await writeFile(path.join(folder, 'meta.json'), JSON.stringify({ post, items: [...items] } satisfies Meta), { mode: 0o600 });
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
    await this.#prune();
    return token;
  }

  /** A copy made for a delete that did not happen (the trash refused): dropped. */
  async drop(token: string): Promise<void> {
    if (DELETED_TOKEN.test(token)) await rm(path.join(this.dir, token), { recursive: true, force: true });
  }

  /** Puts the copies back where they were; returns the post's relative path. */
  async restore(root: string, token: string): Promise<{ post: string; items: string[] }> {
    if (!DELETED_TOKEN.test(token)) throw new ApiError('invalid-arguments', `"${token}" is not a deleted post's token.`);
    const folder = path.join(this.dir, token);
    let meta: Meta;
    try {
      meta = JSON.parse(await readFile(path.join(folder, 'meta.json'), 'utf8')) as Meta;
    } catch (error) {
      if (code(error) !== 'ENOENT') throw ApiError.from(error);
      throw new ApiError('not-found', `That delete can no longer be undone here (only the last ${KEPT} are kept). The post is in the Trash: restore it from there.`);
    }
    // The copies' paths are ours, but they land in the workspace: each goes through the same check as every write.
    const targets = await Promise.all(meta.items.map((item) => resolveInside(root, item)));
    for (const target of targets) {
      if (await lstat(target.path).catch(() => null)) {
        throw new ApiError(
          'exists',
          `Can't undo the delete: ${target.relative} exists again, and undoing would overwrite it. The deleted post is still in the Trash.`,
        );
      }
    }
    for (const target of targets) {
      await cp(path.join(folder, 'files', target.relative), target.path, {
        recursive: true,
        preserveTimestamps: true,
        verbatimSymlinks: true,
        errorOnExist: true,
        force: false,
      });
    }
    await rm(folder, { recursive: true, force: true });
    return meta;
  }

  async #prune(): Promise<void> {
    const tokens = (await readdir(this.dir).catch(() => [])).filter((name) => DELETED_TOKEN.test(name)).sort();
    await Promise.all(tokens.slice(0, -KEPT).map((token) => rm(path.join(this.dir, token), { recursive: true, force: true })));
  }
}
