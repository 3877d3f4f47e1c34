// Local version history: before a save replaces a post, the text it replaces
// is kept as a snapshot in the app's data folder, never in the workspace (the
// author's folder stays theirs, and a synced or versioned folder does not fill
// with copies).
//
// Layout: <historyDir>/<hash of the workspace's real path>/<hash of the post's
// relative path>/<version>.md, one file per version, written atomically. A
// version's name carries everything the list shows (time, words, content
// hash), so listing is one readdir and a read per version, there is no index
// file to corrupt, and anything that does not match the name pattern is
// ignored. Bounded by count and age; identical consecutive versions are kept once.
import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../common/errors';
import { firstChange } from '../../common/firstChange';
import type { HistoryVersion } from '../../common/types';
import { readFileBytes, writeAtomic } from './files';
import { isTempFileName } from './names';
import { code } from './paths';

export interface HistoryLimits {
  /** Versions kept per post; the oldest go first. */
  maxVersions: number;
  /** Versions older than this are dropped, except the newest one. */
  maxAgeDays: number;
}

export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { maxVersions: 50, maxAgeDays: 90 };

/** "<time ms, 15 digits>-<words>-<16 hex of sha-256>": sorts by time as text. Also the version id. */
const VERSION_ID = /^(\d{15})-(\d{1,10})-([0-9a-f]{16})$/;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

interface Entry {
  id: string;
  time: number;
  words: number;
  hash: string;
}

export class PostHistory {
  /** The history of one workspace, under the app's history folder. */
  static for(historyDir: string, workspaceRoot: string): PostHistory {
    return new PostHistory(path.join(historyDir, hashOf(workspaceRoot).slice(0, 16)));
  }

  private constructor(readonly dir: string) {}

  /**
   * Keeps `text`, the version a save is about to replace, saved at `time`.
   * Nothing is written when it equals the newest kept version.
   */
  async keep(relative: string, text: string, words: number, time: number, limits: HistoryLimits): Promise<void> {
    if (limits.maxVersions === 0) return; // history switched off
    const folder = this.#folder(relative);
    const hash = hashOf(text).slice(0, 16);
    const entries = await this.#entries(folder);
    if (entries[0]?.hash !== hash) {
      // Versions sort by time: a file saved within the same millisecond (or dated back) still goes on top.
      const at = Math.max(0, Math.floor(time), (entries[0]?.time ?? -1) + 1);
      const id = `${String(at).padStart(15, '0')}-${words}-${hash}`;
      await mkdir(folder, { recursive: true, mode: 0o700 });
      await writeAtomic(path.join(folder, `${id}.md`), Buffer.from(text, 'utf8'), `history of ${relative}`, { mode: 0o600 });
    }
    await this.#prune(folder, limits, Date.now());
  }

  /**
   * The kept versions of a post, newest first; the changes (words, characters,
   * first differing line) compare each with the one before it. Reads every
   * kept text: at most `maxVersions` small files.
   */
  async list(relative: string): Promise<HistoryVersion[]> {
    const folder = this.#folder(relative);
    const entries = await this.#entries(folder);
    const texts = await Promise.all(
      entries.map((e) => readFileBytes(path.join(folder, `${e.id}.md`), `version ${e.id} of ${relative}`).then((f) => f.bytes.toString('utf8'), () => null)),
    );
    const kept = entries.flatMap((entry, i) => (texts[i] === null ? [] : [{ entry, text: texts[i]! }])); // removed meanwhile
    return kept.map(({ entry, text }, i) => {
      const older = kept[i + 1];
      return {
        id: entry.id,
        time: entry.time,
        size: Buffer.byteLength(text),
        words: entry.words,
        wordsChange: older ? entry.words - older.entry.words : null,
        charsChange: older ? text.length - older.text.length : null,
        firstChange: older ? firstChange(older.text, text) : null,
      };
    });
  }

  /** One kept version's text. */
  async read(relative: string, id: string): Promise<string> {
    if (!VERSION_ID.test(id)) throw new ApiError('invalid-arguments', `"${id}" is not a version id.`);
    try {
      const { bytes } = await readFileBytes(path.join(this.#folder(relative), `${id}.md`), `version ${id} of ${relative}`);
      return Buffer.from(bytes).toString('utf8');
    } catch (error) {
      if (code(error) === 'ENOENT') {
        throw new ApiError('not-found', `That version of ${relative} is no longer kept (history keeps a limited number of versions). Reopen History.`);
      }
      throw ApiError.from(error);
    }
  }

  /** Follows a rename, so the post keeps its history under its new path. */
  async move(from: string, to: string): Promise<void> {
    const source = this.#folder(from);
    const target = this.#folder(to);
    try {
      await rename(source, target);
    } catch (error) {
      if (code(error) === 'ENOENT') return; // no history yet
      if (code(error) !== 'ENOTEMPTY' && code(error) !== 'EEXIST') throw error;
      // An older post of that name left history there: the renamed post's versions join it.
      for (const name of await readdir(source)) await rename(path.join(source, name), path.join(target, name));
      await rm(source, { recursive: true, force: true });
    }
  }

  #folder(relative: string): string {
    return path.join(this.dir, hashOf(relative).slice(0, 24));
  }

  /** Valid versions, newest first; a missing or unreadable folder is an empty history. */
  async #entries(folder: string): Promise<Entry[]> {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if (code(error) === 'ENOENT' || code(error) === 'ENOTDIR') return [];
      throw error;
    }
    const entries: Entry[] = [];
    for (const name of names) {
      const match = name.endsWith('.md') ? VERSION_ID.exec(name.slice(0, -3)) : null;
      if (match) entries.push({ id: name.slice(0, -3), time: Number(match[1]), words: Number(match[2]), hash: match[3]! });
    }
    return entries.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  /**
   * Thins the history as it ages, as backup tools do: every version of the
   * last hour, then the newest of each hour for a day, then of each day.
   * Autosave saves at every pause, so without this the count bound would keep
   * only the last few minutes of a long session. Then the bounds apply.
   */
  async #prune(folder: string, limits: HistoryLimits, now: number): Promise<void> {
    const entries = await this.#entries(folder);
    const buckets = new Set<string>();
    const thinned = entries.filter((entry) => {
      const age = now - entry.time;
      if (age < HOUR_MS) return true;
      const bucket = age < DAY_MS ? `h${Math.floor(entry.time / HOUR_MS)}` : `d${Math.floor(entry.time / DAY_MS)}`;
      if (buckets.has(bucket)) return false; // entries come newest first: this bucket has its version
      buckets.add(bucket);
      return true;
    });
    const oldest = now - limits.maxAgeDays * DAY_MS;
    const kept = new Set(thinned.filter((entry, i) => i < limits.maxVersions && (i === 0 || entry.time >= oldest)));
    const drop = entries.filter((entry) => !kept.has(entry)).map((e) => `${e.id}.md`);
    // Temp files of a snapshot that was killed mid-write.
    const names = await readdir(folder).catch(() => []);
    drop.push(...names.filter(isTempFileName));
    // An old version that will not go is pruned again after the next save; the new one is already written.
    await Promise.all(drop.map((name) => unlink(path.join(folder, name)).catch(() => {})));
  }
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
