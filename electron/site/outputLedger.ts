// Every file one build puts in the output folder, and what put it there. Each
// file is claimed once, so two sources of one address are an error the author
// settles instead of one silently replacing the other. A file is made only when
// its inputs changed and written only when its bytes changed; at the end, the
// files the last build wrote that this one did not are deleted.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { ApiError } from '../../common/errors';
import type { BuildCache, OutputRecord } from './buildCache';
import type { OutputFolder } from './outputFolder';
import { hashOf } from './postRenderer';

const keyOf = (value: unknown): string => createHash('sha1').update(JSON.stringify(value)).digest('base64url');

export class OutputLedger {
  /** Each file of the site, with what produced it (a post's path, or the file itself). */
  readonly #claimed = new Map<string, string>();
  /** What this build made of each file that is not a post page, for the next build's cache. */
  readonly records: Record<string, OutputRecord> = {};
  /** Files written or copied because their bytes changed (post pages are counted by the render pool). */
  written = 0;

  constructor(
    private readonly cache: BuildCache,
    private readonly out: OutputFolder,
  ) {}

  /** Takes `file` for `by`; a second claim of one file is the author's to settle. */
  claim(file: string, by: string): void {
    const other = this.#claimed.get(file);
    if (other !== undefined) throw new ApiError('exists', `${by} and ${other} would both be written to ${file} in the site; rename one of them.`);
    this.#claimed.set(file, by);
  }

  has(file: string): boolean {
    return this.#claimed.has(file);
  }

  /** How many files the site has. */
  get size(): number {
    return this.#claimed.size;
  }

  /** A file made from `inputs`: made again only when they changed, written only when its bytes did. */
  async emit(file: string, inputs: unknown, make: () => string | Uint8Array | Promise<string | Uint8Array>): Promise<void> {
    this.claim(file, file);
    const inputKey = keyOf(inputs);
    const previous = this.cache.outputs[file];
    if (this.cache.sameKey && previous?.key === inputKey && this.out.has(file, previous.size)) {
      this.records[file] = previous;
      return;
    }
    const bytes = await make();
    const record = { key: inputKey, size: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length, hash: hashOf(bytes) };
    if (!(previous?.hash === record.hash && this.out.has(file, record.size))) {
      this.out.write(file, bytes);
      this.written++;
    }
    this.records[file] = record;
  }

  /** A file copied as it is from `source`: copied again when its size or mtime changed. */
  copy(file: string, source: string, by: string): void {
    this.claim(file, by);
    const stats = fs.statSync(source);
    const record = { key: `${stats.size}:${Math.floor(stats.mtimeMs)}`, size: stats.size, hash: '' };
    const previous = this.cache.outputs[file];
    if (!(previous?.key === record.key && this.out.has(file, record.size))) {
      this.out.copy(source, file);
      this.written++;
    }
    this.records[file] = record;
  }

  /** Deletes what the last build wrote and this one did not; returns how many files that was. */
  removeStale(): number {
    let deleted = 0;
    for (const file of this.cache.files()) {
      if (this.#claimed.has(file)) continue;
      this.out.remove(file);
      deleted++;
    }
    return deleted;
  }
}
