// The crash-recovery journal: the text of each unsaved editor buffer, kept in
// the app's data folder (never in the workspace, which may be synced or
// versioned) as one file per workspace and post, each written atomically.
// After a crash the next start reads it back; a clean quit clears it.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../common/errors';
import { writeAtomic } from '../workspace/files';
import { isTempFileName } from '../workspace/names';
import { code } from '../workspace/paths';

const Entry = z.object({
  format: z.literal(1),
  postId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  path: z.string(),
  text: z.string(),
  baseVersion: z.string(),
  writtenAt: z.string(),
});
export type JournalEntry = Omit<z.infer<typeof Entry>, 'format'>;

/** A temp file this old is a leftover of a killed write, not one in progress. */
const STALE_TEMP_MS = 60_000;
/** Entry files that could not be read are renamed with this suffix: kept for a person, never offered again. */
const UNREADABLE_SUFFIX = '.unreadable';

export class RecoveryJournal {
  /** Posts this run wrote; a clean quit clears these and leaves entries put off from an earlier run. */
  readonly #written = new Set<string>();
  /** One operation at a time, in call order: a discard never lands before the write it follows. */
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(
    /** This workspace's folder in the journal. */
    readonly folder: string,
  ) {}

  /** The journal of the workspace at `root` (its real path), under the app data folder `dataDir`. */
  static for(dataDir: string, root: string): RecoveryJournal {
    const name = createHash('sha256').update(root).digest('base64url').slice(0, 22);
    return new RecoveryJournal(path.join(dataDir, 'recovery', name));
  }

  write(entry: Omit<JournalEntry, 'writtenAt'>): Promise<void> {
    return this.#serial(async () => {
      const record = { format: 1, ...entry, writtenAt: new Date().toISOString() };
      const name = this.#fileName(entry.postId);
      try {
        await mkdir(this.folder, { recursive: true, mode: 0o700 });
        // Owner-only: it holds the author's unpublished text.
        await writeAtomic(path.join(this.folder, name), Buffer.from(JSON.stringify(record)), name, { mode: 0o600 });
      } catch (error) {
        const { message } = ApiError.from(error);
        throw new ApiError('io', `The recovery journal in ${this.folder} could not be written (${message}). Save the post to keep your text safe.`);
      }
      this.#written.add(entry.postId);
    });
  }

  discard(postId: string): Promise<void> {
    return this.#serial(async () => {
      await this.#remove(postId);
      this.#written.delete(postId);
    });
  }

  /** Forgets what this run wrote: the author quit cleanly, having saved or chosen not to. */
  clear(): Promise<void> {
    return this.#serial(async () => {
      for (const postId of this.#written) await this.#remove(postId);
      this.#written.clear();
    });
  }

  /** Every readable entry, oldest first. Unreadable files are set aside; leftovers of killed writes removed. */
  entries(): Promise<JournalEntry[]> {
    return this.#serial(async () => {
      const names = await readdir(this.folder).catch((error: unknown) => {
        if (code(error) === 'ENOENT') return [];
        throw error;
      });
      const entries: JournalEntry[] = [];
      for (const name of names) {
        const file = path.join(this.folder, name);
        if (isTempFileName(name)) {
          const info = await stat(file).catch(() => null);
          // A stale temp file that will not go is swept again on the next start; it holds nothing the journal needs.
          if (info && Date.now() - info.mtimeMs > STALE_TEMP_MS) await unlink(file).catch(() => {});
          continue;
        }
        if (!name.endsWith('.json')) continue;
        const entry = await readEntry(file);
        if (entry && this.#fileName(entry.postId) === name) entries.push(entry);
        // Set aside so it is not read again; if even that fails, the entry is skipped just the same.
        else await rename(file, file + UNREADABLE_SUFFIX).catch(() => {});
      }
      return entries.sort((a, b) => a.writtenAt.localeCompare(b.writtenAt));
    });
  }

  #fileName(postId: string): string {
    return `${postId}.json`;
  }

  async #remove(postId: string): Promise<void> {
    await unlink(path.join(this.folder, this.#fileName(postId))).catch((error: unknown) => {
      if (code(error) !== 'ENOENT') throw new ApiError('io', `The recovery journal entry in ${this.folder} could not be removed: ${ApiError.from(error).message}`);
    });
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    // The caller gets this run's error from `run`; the queue only waits for it to settle.
    this.#queue = run.catch(() => {});
    return run;
  }
}

async function readEntry(file: string): Promise<JournalEntry | null> {
  try {
    const parsed = Entry.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) return null;
    const { format: _format, ...entry } = parsed.data;
    return entry;
  } catch {
    return null;
  }
}
