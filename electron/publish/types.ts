// The shapes every publish target shares. A target knows one kind of host; the
// orchestrator (publish.ts) owns the build, the plan's order, the deletion guard,
// dry runs, progress and cancellation, so each target stays small.
import type { SecretKey } from '../../common/publish';

/** One file of the built site. Paths are relative, with "/" separators. */
export interface ManifestEntry {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

/** The built site: path → entry, sorted by path. */
export type Manifest = ReadonlyMap<string, ManifestEntry>;

/** What a target believes is on the host, after checking its stored manifest against the host's own listing. */
export interface RemoteEntry {
  readonly path: string;
  /** Known when the host or a stored manifest tells it; a file without one is treated as changed. */
  readonly sha256?: string;
  readonly size: number;
}
export type RemoteState = ReadonlyMap<string, RemoteEntry>;

export interface PublishPlan {
  /** New and changed files, in upload order: assets, pages, then index, feeds and sitemap. */
  readonly uploads: readonly ManifestEntry[];
  /** Files on the host that the build no longer has; removed last. */
  readonly deletes: readonly string[];
  /** Files found on the host, for the deletion guard. */
  readonly remoteCount: number;
  readonly uploadBytes: number;
  /** Lines a dry run shows besides the files, such as the commands a target would run. */
  readonly notes?: readonly string[];
}

export type { PublishProgress } from '../../common/publishResult';

/** What a target is given while it works. */
export interface TargetContext {
  /** The built site folder; read uploads from here. */
  readonly siteDir: string;
  readonly signal: AbortSignal;
  /** Called after each file is uploaded or deleted. */
  readonly fileDone: (path: string, bytes: number) => void;
  /** For hosts that work in steps rather than files: says which step is under way. */
  readonly step?: (detail: string) => void;
}

export interface Target {
  /** Connects and checks credentials and that the bucket/repo/folder exists; throws a PublishError otherwise. */
  test(signal: AbortSignal): Promise<void>;
  /**
   * Compares the build with the host and returns what must change. Drift (a file
   * missing or changed on the host) shows up as an upload. `siteDir` is the built
   * site, for hosts that compare other digests than the manifest's sha256
   * (Netlify's SHA-1, an S3 ETag's MD5).
   */
  plan(local: Manifest, signal: AbortSignal, siteDir: string): Promise<PublishPlan>;
  /**
   * Starts reading what plan() compares with (a git fetch, a bucket listing), so
   * the host answers while the check and the build run. plan() then waits for
   * that read, and reports its failure; a target without it reads in plan().
   * Settles once the read has, and never rejects.
   */
  prefetch?(signal: AbortSignal): Promise<void>;
  /** Carries out a plan: uploads in order, then deletes, then records the new remote state. */
  apply(plan: PublishPlan, local: Manifest, context: TargetContext): Promise<void>;
  close(): Promise<void>;
}

/** The secrets a target may need, by their ecosystem's usual environment names (one list, in the contract). */
export type { SecretKey };

/**
 * Where secrets come from: the environment on the CLI, the OS keychain
 * (safeStorage) in the app, falling back to the environment. Never the workspace.
 */
export interface SecretSource {
  get(target: string, key: SecretKey): Promise<string | undefined>;
}

/** How SSH host keys are trusted (SFTP; git uses the system ssh and its own known_hosts). */
export interface HostKeyPolicy {
  /** Read-only known_hosts files to trust, such as ~/.ssh/known_hosts. */
  readonly knownHosts: readonly string[];
  /** Postwright's own known_hosts file, where accepted keys are added. */
  readonly trustedHostsFile: string;
  /** Trust an unknown host's key on first use (`--accept-host-key`, or the author said yes in the UI). */
  readonly acceptNew: boolean;
}

/** What every target factory is given besides its settings. */
export interface TargetEnv {
  readonly name: string;
  readonly secrets: SecretSource;
  readonly hostKeys: HostKeyPolicy;
  /** A folder of this workspace's own in the cache dir, for a target's local state (git's clone). */
  readonly stateDir: string;
  /** The workspace's real path, for targets that take deploy files from it (Fly's Dockerfile and fly.toml); none when absent. */
  readonly workspaceRoot?: string;
}
