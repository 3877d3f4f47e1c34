// The SFTP target: publishes the built site into a folder on any SSH server.
//
// - Trust: the host key is checked against known_hosts (hostKeys.ts) before
//   any credential is sent.
// - Login: the key file, then the ssh agent, then POSTWRIGHT_SFTP_PASSWORD,
//   offered in that order (as OpenSSH would) so one the server refuses does
//   not hide the next.
// - Remote state: `.postwright-manifest.json` in the remote folder records each
//   file's sha256 with the size and mtime the server reported after the upload.
//   A recorded file still there with that size and mtime is unchanged; any other
//   is drift and uploads again. Only files in the record are ever deleted: the
//   folder may hold the author's own files (.htaccess, downloads) beside ours.
// - Writes: each file goes to a temporary name and is renamed over the old one,
//   so readers see the old file or the new one, never half of one; deletions
//   come after uploads, and the record is written last. A publish cut off at any
//   point leaves the site whole and a record the next plan corrects.
// - A relative remote path (or `~/…`) is under the login folder.
// - The remote folder is created when missing if its parent exists: a new
//   site's folder on the first publish, while a mistyped deeper path fails
//   with not-found instead of building a stray tree.
import type { EventEmitter } from 'node:events';
import path from 'node:path';
import SftpClient from 'ssh2-sftp-client';
import { z } from 'zod';
import { ApiError } from '../../../common/errors';
import type { PublishTargetOf } from '../../../common/publishSettings';
import { verifyHostKey } from '../hostKeys';
import { readKeyFile } from '../secrets/keyFile';
import { inLanes } from './lanes';
import { planFrom, uploadRank } from '../plan';
import { sftpFault } from './sftpFaults';
import type { Manifest, ManifestEntry, PublishPlan, RemoteEntry, Target, TargetContext, TargetEnv } from '../types';

export const REMOTE_MANIFEST = '.postwright-manifest.json';
/** Suffix of the temporary names uploads are written under before the rename. */
const UPLOAD_SUFFIX = '.postwright-upload';
/** Requests in flight at once: listings while comparing, files while uploading (a real server is a round trip away). */
const LIST_LANES = 32;
const UPLOAD_LANES = 8;
/** Published files: readable by the web server, writable only by the author. */
const FILE_MODE = 0o644;

const RecordSchema = z.object({
  version: z.literal(1),
  files: z.record(z.string(), z.object({ sha256: z.string(), size: z.number(), mtime: z.number() })),
});
type FileRecord = { sha256: string; size: number; mtime: number };

/** What plan() found on the server, kept for apply(). */
interface RemoteSnapshot {
  /** Recorded files found unchanged on the server. */
  readonly verified: Map<string, FileRecord>;
  /** Folders known to exist, relative ("" is the remote folder itself). */
  readonly folders: Set<string>;
  /** Temporary files a cut-off upload left behind. */
  readonly leftovers: string[];
  readonly rootMissing: boolean;
}

export function createTarget(config: PublishTargetOf<'sftp'>, env: TargetEnv): Target {
  return new SftpTarget(config, env);
}

class SftpTarget implements Target {
  private readonly label: string;
  /** The remote folder, absolute once connected (SFTP servers do not expand `~`). */
  private root: string;
  private client: SftpClient | undefined;
  /** Set by the host verifier, since ssh2 reports only "verification failed". */
  private hostKeyError: ApiError | undefined;
  private dropped = false;
  /** Rejects when the connection closes unasked. */
  private lost: Promise<never> = new Promise(() => {});
  private snapshot: RemoteSnapshot | undefined;

  constructor(
    private readonly config: PublishTargetOf<'sftp'>,
    private readonly env: TargetEnv,
  ) {
    this.label = `SFTP target "${env.name}" (${config.user}@${config.host}:${config.port})`;
    this.root = config.path.replace(/(?<=.)\/+$/, '');
  }

  async test(signal: AbortSignal): Promise<void> {
    await this.guard(signal, false, async (client) => {
      await this.rootState(client);
    });
  }

  async plan(local: Manifest, signal: AbortSignal): Promise<PublishPlan> {
    return this.guard(signal, false, async (client) => {
      const snapshot = await this.readRemote(client, local);
      this.snapshot = snapshot.snapshot;
      return planFrom(local, snapshot.remote);
    });
  }

  async apply(plan: PublishPlan, local: Manifest, context: TargetContext): Promise<void> {
    await this.guard(context.signal, true, async (client) => {
      const snapshot = this.snapshot ?? (await this.readRemote(client, local)).snapshot;
      this.snapshot = undefined;
      const { signal } = context;
      if (snapshot.rootMissing) await client.mkdir(this.root);
      const records = new Map(snapshot.verified);
      const ensureFolder = this.folderMaker(client, snapshot.folders);

      // Each rank (assets, pages, then index and feeds) is uploaded whole before the next starts.
      for (const rank of byRank(plan.uploads)) {
        await inLanes(rank, UPLOAD_LANES, async (entry) => {
          throwIfCancelled(signal, this.label);
          await ensureFolder(path.posix.dirname(entry.path));
          const stat = await this.putWhole(client, path.join(context.siteDir, entry.path), entry.path);
          records.set(entry.path, { sha256: entry.sha256, size: stat.size, mtime: stat.modifyTime });
          context.fileDone(entry.path, entry.size);
        });
      }

      const emptied = new Set<string>();
      await inLanes(plan.deletes, UPLOAD_LANES, async (relative) => {
        throwIfCancelled(signal, this.label);
        await client.delete(this.remote(relative), true);
        records.delete(relative);
        for (let f = path.posix.dirname(relative); f !== '.'; f = path.posix.dirname(f)) emptied.add(f);
        context.fileDone(relative, 0);
      });
      // A deleted post's folder goes too, so its old URL is a 404 rather than a listing or a 403.
      for (const folder of [...emptied].sort((a, b) => b.length - a.length)) {
        await client.rmdir(this.remote(folder)).catch(() => {});
      }
      for (const leftover of snapshot.leftovers) await client.delete(this.remote(leftover), true).catch(() => {});

      const kept = [...records].filter(([file]) => local.has(file)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const body = Buffer.from(`${JSON.stringify({ version: 1, files: Object.fromEntries(kept) })}\n`);
      await this.putWhole(client, body, REMOTE_MANIFEST);
    });
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.end().catch(() => {});
  }

  /** Runs `work` connected, mapping every fault to an ApiError that names this target. */
  private async guard<T>(signal: AbortSignal, publishing: boolean, work: (client: SftpClient) => Promise<T>): Promise<T> {
    throwIfCancelled(signal, this.label);
    // Cancelling closes the connection, which ends whatever request is in flight.
    let onAbort = () => {};
    const stopped = new Promise<never>((_, reject) => {
      onAbort = () => {
        reject(cancelled(this.label));
        void this.close();
      };
    });
    stopped.catch(() => {});
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const client = await Promise.race([this.connect(), stopped]);
      // ssh2-sftp-client rejects only one of several requests in flight when the connection drops (the others
      // would wait forever), so every piece of work also races the connection itself, and the author's Cancel.
      return await Promise.race([work(client), this.lost, stopped]);
    } catch (error) {
      if (signal.aborted) throw cancelled(this.label);
      const fault = this.hostKeyError ?? sftpFault(error, { label: this.label, host: this.config.host, port: this.config.port, publishing, dropped: this.dropped });
      if (fault.code === 'unreachable' || fault.code === 'host-key' || fault.code === 'auth-failed') await this.close();
      throw fault;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  private async connect(): Promise<SftpClient> {
    if (this.client) return this.client;
    const { config, env } = this;
    // Quiet: ssh2-sftp-client would log each event to the console; drops are watched on the connection below.
    const quiet = () => {};
    const client = new SftpClient(`postwright-${env.name}`, { error: quiet, end: quiet, close: quiet });
    this.hostKeyError = undefined;
    this.dropped = false;
    this.lost = new Promise<never>((_, reject) => {
      // The ssh2 Client the wrapper holds (documented as a thin wrapper over it; not in its typings).
      (client as unknown as { client: EventEmitter }).client.once('close', () => {
        if (this.client !== client) return;
        this.dropped = true;
        reject(new Error('Connection lost'));
      });
    });
    this.lost.catch(() => {});
    const options: SftpClient.ConnectOptions = {
      host: config.host,
      port: config.port,
      username: config.user,
      readyTimeout: 20_000,
      hostVerifier: (key: Buffer, verify: (valid: boolean) => void) => {
        verifyHostKey(config.host, config.port, key, env.hostKeys, this.label).then(
          () => verify(true),
          (error: unknown) => {
            this.hostKeyError = ApiError.from(error);
            verify(false);
          },
        );
      },
      ...(await this.credentials()),
    };
    this.client = client;
    try {
      await client.connect(options);
      if (!this.root.startsWith('/')) {
        const relative = this.config.path.replace(/^~(?:\/|$)/, '').replace(/^\.(?:\/|$)/, '').replace(/\/+$/, '');
        const home = await client.cwd();
        this.root = relative ? path.posix.join(home, relative) : home;
      }
    } catch (error) {
      this.client = undefined;
      await client.end().catch(() => {});
      throw error;
    }
    return client;
  }

  /** The key file, the ssh agent and a password, in that order, as far as each is there. */
  private async credentials(): Promise<Pick<SftpClient.ConnectOptions, 'privateKey' | 'agent' | 'password' | 'authHandler'>> {
    const methods: ('publickey' | 'agent' | 'password')[] = [];
    const found: Pick<SftpClient.ConnectOptions, 'privateKey' | 'agent' | 'password'> = {};
    if (this.config.keyFile) {
      found.privateKey = await readKeyFile(this.config.keyFile, this.label);
      methods.push('publickey');
    }
    if (process.env.SSH_AUTH_SOCK) {
      found.agent = process.env.SSH_AUTH_SOCK;
      methods.push('agent');
    }
    const password = await this.env.secrets.get(this.env.name, 'POSTWRIGHT_SFTP_PASSWORD');
    if (password) {
      found.password = password;
      methods.push('password');
    }
    if (!methods.length) {
      throw new ApiError(
        'auth-failed',
        `${this.label}: no way to log in. Set "keyFile" in the target's settings, load your key into an ssh agent, or give a password (POSTWRIGHT_SFTP_PASSWORD on the command line).`,
      );
    }
    return { ...found, authHandler: methods };
  }

  /** Whether the remote folder is there; a missing one is fine only if its parent exists. */
  private async rootState(client: SftpClient): Promise<'present' | 'missing'> {
    const kind = await kindOf(client, this.root);
    if (kind === 'folder') return 'present';
    if (kind === 'file') throw new ApiError('not-found', `${this.label}: ${this.root} on the server is a file, not a folder. Change the remote path in the target's settings.`);
    const parent = path.posix.dirname(this.root);
    if ((await kindOf(client, parent)) === 'folder') return 'missing';
    throw new ApiError('not-found', `${this.label}: neither ${this.root} nor its parent folder ${parent} exists on the server. Check the remote path in the target's settings, or create the folder on the server.`);
  }

  /** The record checked against the server's listing of every folder the record or the build names. */
  private async readRemote(client: SftpClient, local: Manifest): Promise<{ remote: Map<string, RemoteEntry>; snapshot: RemoteSnapshot }> {
    const rootMissing = (await this.rootState(client)) === 'missing';
    const recorded = rootMissing ? new Map<string, FileRecord>() : await this.readRecord(client);
    const onServer = new Map<string, { size: number; mtime: number }>();
    const folders = new Set<string>();
    const leftovers: string[] = [];
    if (!rootMissing) {
      const wanted = new Set<string>();
      for (const file of [...recorded.keys(), ...local.keys()]) wanted.add(path.posix.dirname(file));
      const queue = [...wanted];
      const lister = async () => {
        for (let folder = queue.pop(); folder !== undefined; folder = queue.pop()) {
          const listing = await client.list(this.remote(folder)).catch(unlessMissing(null));
          if (!listing) continue;
          for (let f = folder; f !== '.'; f = path.posix.dirname(f)) folders.add(f);
          for (const item of listing) {
            if (item.type !== '-') continue;
            const relative = folder === '.' ? item.name : `${folder}/${item.name}`;
            if (item.name.endsWith(UPLOAD_SUFFIX)) leftovers.push(relative);
            else onServer.set(relative, { size: item.size, mtime: item.modifyTime });
          }
        }
      };
      await Promise.all(Array.from({ length: LIST_LANES }, lister));
    }

    const remote = new Map<string, RemoteEntry>();
    const verified = new Map<string, FileRecord>();
    for (const [file, record] of recorded) {
      const there = onServer.get(file);
      if (!there) continue;
      if (there.size === record.size && there.mtime === record.mtime) {
        verified.set(file, record);
        remote.set(file, { path: file, sha256: record.sha256, size: record.size });
      } else {
        remote.set(file, { path: file, size: there.size });
      }
    }
    // A file the build has that is on the server but not in the record: its content is unknown, so it uploads.
    for (const file of local.keys()) {
      const there = onServer.get(file);
      if (there && !remote.has(file)) remote.set(file, { path: file, size: there.size });
    }
    return { remote, snapshot: { verified, folders, leftovers, rootMissing } };
  }

  /** The stored record; a missing or unreadable one means nothing is known (everything uploads, nothing is deleted). */
  private async readRecord(client: SftpClient): Promise<Map<string, FileRecord>> {
    const text = await client.get(this.remote(REMOTE_MANIFEST)).catch(unlessMissing(null));
    if (text === null) return new Map();
    let parsed: z.infer<typeof RecordSchema>;
    try {
      parsed = RecordSchema.parse(JSON.parse(String(text)));
    } catch {
      return new Map();
    }
    return new Map(Object.entries(parsed.files).filter(([relative]) => isSafeRelative(relative)));
  }

  /** Creates a folder (and its parents) once, however many uploads ask for it at the same time. */
  private folderMaker(client: SftpClient, existing: ReadonlySet<string>): (folder: string) => Promise<void> {
    const made = new Map<string, Promise<void>>();
    const ensure = (folder: string): Promise<void> => {
      if (folder === '.' || existing.has(folder)) return Promise.resolve();
      let pending = made.get(folder);
      if (!pending) {
        pending = ensure(path.posix.dirname(folder)).then(() =>
          client.mkdir(this.remote(folder)).then(
            () => {},
            // Made meanwhile by someone else is as good as made.
            async (error: unknown) => {
              if ((await kindOf(client, this.remote(folder))) !== 'folder') throw error;
            },
          ),
        );
        made.set(folder, pending);
      }
      return pending;
    };
    return ensure;
  }

  /** Uploads to a temporary name, then renames it over `relative`; returns the server's stat of the result. */
  private async putWhole(client: SftpClient, source: string | Buffer, relative: string): Promise<{ size: number; modifyTime: number }> {
    const target = this.remote(relative);
    const temporary = `${path.posix.dirname(target)}/.${path.posix.basename(target)}${UPLOAD_SUFFIX}`;
    await client.put(source, temporary, { writeStreamOptions: { mode: FILE_MODE } });
    try {
      await client.posixRename(temporary, target);
    } catch (error) {
      if (!/does not support/i.test((error as Error).message)) throw error;
      // A server without posix-rename@openssh.com: plain SFTP rename will not replace a file, so remove it first (a brief gap).
      await client.delete(target, true);
      await client.rename(temporary, target);
    }
    return client.stat(target);
  }

  private remote(relative: string): string {
    return relative === '.' || relative === '' ? this.root : path.posix.join(this.root, relative);
  }
}

/** The uploads split where their rank changes (they come sorted by rank). */
function byRank(uploads: readonly ManifestEntry[]): ManifestEntry[][] {
  const groups: ManifestEntry[][] = [];
  let rank = -1;
  for (const entry of uploads) {
    if (uploadRank(entry.path) !== rank) {
      rank = uploadRank(entry.path);
      groups.push([]);
    }
    groups.at(-1)!.push(entry);
  }
  return groups;
}

/** For .catch(): `fallback` when the server says there is no such file; any other fault stands. */
function unlessMissing<T>(fallback: T): (error: { code?: unknown }) => T {
  return (error) => {
    if (error.code === 2 || error.code === 'ENOENT') return fallback;
    throw error;
  };
}

/** Symbolic links followed: a remote folder is often a link to the current release. */
async function kindOf(client: SftpClient, remotePath: string): Promise<'folder' | 'file' | null> {
  const stat = await client.stat(remotePath).catch(unlessMissing(null));
  return stat === null ? null : stat.isDirectory ? 'folder' : 'file';
}

/** A record from the server is data from elsewhere: never let it name a file outside the remote folder. */
function isSafeRelative(relative: string): boolean {
  return relative !== '' && !relative.startsWith('/') && !relative.split('/').some((part) => part === '..' || part === '.' || part === '');
}

function cancelled(label: string): ApiError {
  return new ApiError('cancelled', `${label}: publishing was cancelled. Every file is replaced whole, so the live site is whole; publish again to finish.`);
}

function throwIfCancelled(signal: AbortSignal, label: string): void {
  if (signal.aborted) throw cancelled(label);
}
