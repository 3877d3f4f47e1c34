// What each folder of the workspace holds, read once per check. A check looks
// up every image a post shows and every post's assets folder; resolving each
// path through the workspace's symlink gate (realpath, an lstat per missing
// folder, then a stat) was a third of a check after one edit of 10,000 posts.
// One readdir per folder answers all of a folder's lookups at once, and a
// folder reached from the root through real folders only (never a link) needs
// no realpath: nothing on its way can lead out of the workspace. Anything a
// listing cannot settle (a link, a name it does not hold) is left to the caller.
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { entryKind, type EntryKind } from '../../workspace/entryKind';

const listingOf = (entries: readonly Dirent[]): ReadonlyMap<string, EntryKind> => new Map(entries.map((entry) => [entry.name, entryKind(entry)]));

export class FolderListings {
  readonly #listings = new Map<string, Promise<ReadonlyMap<string, EntryKind> | null>>();

  /** `root` must be the workspace's real path. */
  constructor(private readonly root: string) {}

  /** Keeps a listing another walk read (the workspace's list), of a real folder it reached through real folders only. */
  record(folder: string, entries: readonly Dirent[]): void {
    this.#listings.set(folder, Promise.resolve(listingOf(entries)));
  }

  /**
   * The entries of `folder` (workspace-relative, normalised, '' for the root) by name, when it is a
   * real folder reached through real folders only; null when it is missing, a link, or behind one.
   */
  entries(folder: string): Promise<ReadonlyMap<string, EntryKind> | null> {
    let listing = this.#listings.get(folder);
    if (!listing) {
      listing = this.#read(folder);
      this.#listings.set(folder, listing);
    }
    return listing;
  }

  /** The kind of the entry at a normalised workspace-relative path, as its folder's listing has it; undefined when the listing cannot say. */
  async kindOf(relative: string): Promise<EntryKind | undefined> {
    const slash = relative.lastIndexOf('/');
    const listing = await this.entries(slash < 0 ? '' : relative.slice(0, slash));
    return listing?.get(relative.slice(slash + 1));
  }

  async #read(folder: string): Promise<ReadonlyMap<string, EntryKind> | null> {
    if (folder !== '' && (await this.kindOf(folder)) !== 'folder') return null;
    try {
      return listingOf(await readdir(folder === '' ? this.root : path.join(this.root, ...folder.split('/')), { withFileTypes: true }));
    } catch {
      return null; // gone or unreadable since its parent was read
    }
  }
}
