// Which git blob holds which content: sha256 (the manifest's hash) → blob id
// (git's sha1 of "blob <size>\0" + bytes), kept in the target's state folder.
// With it, comparing the build with a branch reads no file at all. It cannot go
// stale (a content's id never changes); for a blob it does not know yet (a new
// state folder, or a file someone else committed) the content is read from the
// fetched objects and hashed once.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { Manifest } from '../types';

export const EMPTY_SHA256 = createHash('sha256').digest('hex');
const EMPTY_BLOB = 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391';

export class BlobIds {
  /** sha256 → blob id. */
  #ids = new Map<string, string>([[EMPTY_SHA256, EMPTY_BLOB]]);
  /** Blob ids whose content is known. */
  #known = new Set<string>([EMPTY_BLOB]);

  constructor(private readonly file: string) {}

  /** Reads the record; a missing or torn file only costs hashing the branch's blobs again. Returns the known blob ids. */
  async load(): Promise<ReadonlySet<string>> {
    try {
      for (const [sha256, blob] of Object.entries(JSON.parse(await readFile(this.file, 'utf8')) as Record<string, string>)) this.#add(sha256, blob);
    } catch {
      // None yet.
    }
    return this.#known;
  }

  idOf(sha256: string): string | undefined {
    return this.#ids.get(sha256);
  }

  /** Hashes the contents of `blobs`, read with `catFile` (git cat-file --batch, given the ids one a line). */
  async learn(blobs: readonly string[], catFile: (input: string) => Promise<Buffer>): Promise<void> {
    const out = await catFile(`${blobs.join('\n')}\n`);
    // Each object comes as "<id> <type> <size>\n<bytes>\n", in the order asked for.
    for (let at = 0; at < out.length; ) {
      const eol = out.indexOf(10, at);
      const [id, type, size] = out.subarray(at, eol).toString('latin1').split(' ');
      const end = eol + 1 + Number(size);
      if (type === 'blob' && id) this.#add(createHash('sha256').update(out.subarray(eol + 1, end)).digest('hex'), id);
      at = end + 1;
    }
  }

  /** Adds what was just written and saves the ids of the build's contents (only those, so the file stays the size of the site). */
  async remember(build: Manifest, written: ReadonlyMap<string, string>): Promise<void> {
    for (const [sha256, blob] of written) this.#add(sha256, blob);
    const kept: Record<string, string> = {};
    for (const entry of build.values()) {
      const blob = this.#ids.get(entry.sha256);
      if (blob) kept[entry.sha256] = blob;
    }
    await writeFile(this.file, JSON.stringify(kept));
  }

  #add(sha256: string, blob: string): void {
    this.#ids.set(sha256, blob);
    this.#known.add(blob);
  }
}
