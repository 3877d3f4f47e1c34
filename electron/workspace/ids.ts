// Post ids: opaque names the UI uses instead of paths.
//
// An id is derived from the relative path (so it is stable while the file
// keeps its path, across restarts) but cannot be turned back into one: the
// workspace keeps an id → path index, refreshed by list, create, rename,
// delete and watch events.
import { hash } from 'node:crypto';

/** 22 base64url characters: 132 bits of SHA-256, far from any collision. */
export function postId(relative: string): string {
  // The one-shot hash: a listing derives 10,000 ids, and createHash() costs three times as much per call.
  return hash('sha256', relative, 'base64url').slice(0, 22);
}

export class IdIndex {
  readonly #paths = new Map<string, string>();

  /** Replaces the whole index with what a scan found. */
  reset(relatives: Iterable<string>): void {
    this.#paths.clear();
    for (const relative of relatives) this.#paths.set(postId(relative), relative);
  }

  add(relative: string): string {
    const id = postId(relative);
    this.#paths.set(id, relative);
    return id;
  }

  remove(relative: string): void {
    this.#paths.delete(postId(relative));
  }

  get size(): number {
    return this.#paths.size;
  }

  /** Every indexed path. */
  paths(): string[] {
    return [...this.#paths.values()];
  }

  pathOf(id: string): string | undefined {
    return this.#paths.get(id);
  }

  has(relative: string): boolean {
    return this.#paths.has(postId(relative));
  }

  /** Every indexed path at or under a folder; for a folder removed in one go. */
  under(folder: string): string[] {
    const prefix = `${folder}/`;
    return [...this.#paths.values()].filter((p) => p === folder || p.startsWith(prefix));
  }
}
