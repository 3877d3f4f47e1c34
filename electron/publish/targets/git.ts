// The git target: the built site becomes one commit on a branch (gh-pages by
// default) of any remote the system git can push to, so the author's own ssh
// keys, agent and credential helpers apply.
//
// State: a bare repository in the target's state folder, fetched shallowly on
// each plan so a branch changed by others is seen. No working tree is ever
// checked out: the commit is made from an index file (read-tree the branch,
// write the changed blobs, update-index, write-tree, commit-tree), so a publish
// reads only the files that changed and copies none.
//
// Comparing: every tree entry's git blob id against the blob id of the build's
// file of that path, known by its sha256 (see gitBlobs.ts). Equal ids mean
// equal bytes whoever committed them, so drift is seen exactly.
//
// postwright.json may come from someone else's repository, so the remote is
// always passed after --end-of-options: a "remote" such as "--upload-pack=…"
// is a repository name to git, never an option.
import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../common/errors';
import type { PublishTargetOf } from '../../../common/publishSettings';
import { BlobIds, EMPTY_SHA256 } from './gitBlobs';
import { git, gitBytes, GitFailed, gitFault, type GitRun } from './gitCommand';
import { planFrom } from '../plan';
import { hostRead } from './hostRead';
import type { Manifest, ManifestEntry, PublishPlan, RemoteEntry, Target, TargetContext, TargetEnv } from '../types';

type GitConfig = PublishTargetOf<'git'>;

/** The host's own custom-domain file: kept when the build has none. */
const CNAME = 'CNAME';
/** Tells GitHub Pages not to run Jekyll (which would hide files starting with "_"). */
const NOJEKYLL = '.nojekyll';
const ZERO = '0'.repeat(40);
/** Where the fetched branch tip is kept in the state repository. */
const BASE_REF = 'refs/postwright/base';

interface TreeEntry {
  mode: string;
  blob: string;
  size: number;
}

export function createTarget(config: GitConfig, env: TargetEnv): Target {
  const repo = path.join(env.stateDir, 'repo.git');
  const remote = config.remote;
  /** The branch tip the last plan compared with; null when the remote has no such branch yet. */
  let base: string | null = null;
  let planned: Manifest | null = null;
  const blobs = new BlobIds(path.join(env.stateDir, 'blobs.json'));
  /** The host's branch tip and its tree. */
  const hostState = hostRead(async (signal) => {
    const tip = await fetchBranch(signal);
    return { tip, tree: await readTree(tip) };
  });

  const run = (args: string[], options: Partial<GitRun> = {}) => git(args, { cwd: env.stateDir, gitDir: repo, ...options });
  const fault = (error: unknown, signal: AbortSignal) =>
    signal.aborted ? cancelled(env.name, 'before anything was pushed') : gitFault(error, env.name, remote);

  /** A remote or branch git refuses (spaces, "..", a leading "-") would fail later with a puzzling message; refuse it now. */
  async function checkNames(): Promise<void> {
    if (remote.startsWith('-')) {
      throw new ApiError('invalid-arguments', `Target "${env.name}": "remote" must be a repository URL or path, and cannot start with "-". Change it in postwright.json.`);
    }
    try {
      await git(['check-ref-format', `refs/heads/${config.branch}`], { cwd: env.stateDir });
    } catch {
      throw new ApiError('invalid-arguments', `Target "${env.name}": "${config.branch}" is not a branch name git accepts. Change "branch" in postwright.json.`);
    }
  }

  async function fetchBranch(signal: AbortSignal): Promise<string | null> {
    await checkNames();
    // Each git command is a process (about a tenth of the publish click's CPU went to them): init only once.
    if (!(await exists(path.join(repo, 'HEAD')))) await run(['init', '--bare', '--quiet', repo], { gitDir: '' });
    try {
      // The URL is given on the command line, never stored, so a token in it stays out of the state folder.
      await run(['fetch', '--quiet', '--no-tags', '--depth=1', '--end-of-options', remote, `+refs/heads/${config.branch}:${BASE_REF}`], { signal });
    } catch (error) {
      if (error instanceof GitFailed && /couldn't find remote ref/i.test(error.stderr)) return null;
      throw error;
    }
    return (await run(['rev-parse', '--verify', `${BASE_REF}^{commit}`])).trim();
  }

  async function readTree(commit: string | null): Promise<Map<string, TreeEntry>> {
    const tree = new Map<string, TreeEntry>();
    if (!commit) return tree;
    for (const line of (await run(['ls-tree', '-r', '-l', '-z', '--full-tree', commit])).split('\0')) {
      const match = /^(\d+) \w+ ([0-9a-f]+) +(\S+)\t(.*)$/s.exec(line);
      if (match) tree.set(match[4]!, { mode: match[1]!, blob: match[2]!, size: Number(match[3]) || 0 });
    }
    return tree;
  }

  return {
    async test(signal) {
      try {
        await checkNames();
        await git(['ls-remote', '--heads', '--end-of-options', remote, `refs/heads/${config.branch}`], { cwd: env.stateDir, signal });
      } catch (error) {
        throw fault(error, signal);
      }
    },

    prefetch: (signal) => hostState.start(signal),

    async plan(local, signal) {
      try {
        const { tip, tree } = await hostState.take(signal);
        base = tip;
        const desired = new Map<string, ManifestEntry>(local);
        if (!local.has(NOJEKYLL)) desired.set(NOJEKYLL, { path: NOJEKYLL, sha256: EMPTY_SHA256, size: 0 });
        const known = await blobs.load();
        const unknown = [...tree].filter(([file, there]) => desired.get(file)?.size === there.size && !known.has(there.blob));
        if (unknown.length) {
          await blobs.learn(unknown.map(([, there]) => there.blob), (input) => gitBytes(['cat-file', '--batch'], { cwd: env.stateDir, gitDir: repo, input }));
          await blobs.remember(desired, new Map());
        }
        const remote = new Map<string, RemoteEntry>();
        for (const [file, there] of tree) {
          if (file === CNAME && !local.has(CNAME)) continue;
          const want = desired.get(file);
          const same = want && there.mode === '100644' && there.size === want.size && blobs.idOf(want.sha256) === there.blob;
          remote.set(file, same ? { path: file, size: there.size, sha256: want.sha256 } : { path: file, size: there.size });
        }
        planned = desired;
        return planFrom(desired, remote);
      } catch (error) {
        throw fault(error, signal);
      }
    },

    async apply(plan, local, context) {
      if (planned === null) throw new ApiError('internal', `Target "${env.name}": apply() was called before plan().`);
      const { signal } = context;
      try {
        const index = { GIT_INDEX_FILE: path.join(env.stateDir, 'index') };
        // Who signs the commit is asked while the blobs are written: git runs beside this process.
        const author = identity(run);
        await run(['read-tree', base ?? '--empty'], { env: index });
        const written = await writeBlobs(plan, local, context);
        await blobs.remember(planned, written);
        const lines = [...plan.uploads.map((entry) => `100644 ${written.get(entry.sha256)}\t${entry.path}`), ...plan.deletes.map((file) => `0 ${ZERO}\t${file}`)];
        await run(['update-index', '-z', '--index-info'], { env: index, input: lines.map((line) => `${line}\0`).join('') });
        for (const file of plan.deletes) context.fileDone(file, 0);
        const tree = (await run(['write-tree'], { env: index })).trim();
        const message = config.message.replaceAll('{date}', new Date().toISOString().slice(0, 16).replace('T', ' ')).replaceAll('{count}', String(plan.uploads.length + plan.deletes.length));
        // With force, the branch is replaced by a single commit; otherwise the publish adds one on top.
        const parents = base && !config.force ? ['-p', base] : [];
        const commit = (await run(['commit-tree', tree, ...parents, '-m', message], { env: await author })).trim();
        signal.throwIfAborted();
        await pushCommit(commit, signal);
        await run(['update-ref', BASE_REF, commit]);
      } catch (error) {
        throw fault(error, signal);
      }
    },

    async close() {},
  };

  /** Writes the uploads into the state repository; sha256 → blob id of each. */
  async function writeBlobs(plan: PublishPlan, local: Manifest, context: TargetContext): Promise<Map<string, string>> {
    const uploads = plan.uploads;
    const written = new Map<string, string>();
    if (!uploads.length) return written;
    const sources = uploads.map((entry) => (local.has(entry.path) ? path.join(context.siteDir, entry.path) : null));
    const empty = path.join(env.stateDir, 'empty');
    if (sources.includes(null)) await writeFile(empty, '');
    for (const entry of uploads) {
      if (/[\n\r\0]/.test(entry.path)) throw new ApiError('invalid-arguments', `Target "${env.name}": the file name ${JSON.stringify(entry.path)} cannot be published with git.`);
    }
    let done = 0;
    await run(['hash-object', '-w', '--no-filters', '--stdin-paths'], {
      input: sources.map((source) => `${source ?? empty}\n`).join(''),
      signal: context.signal,
      onLine: (blob) => {
        const entry = uploads[done++]!;
        written.set(entry.sha256, blob);
        context.fileDone(entry.path, entry.size);
      },
    });
    return written;
  }

  async function pushCommit(commit: string, signal: AbortSignal): Promise<void> {
    try {
      await run(['push', '--quiet', '--end-of-options', remote, `${config.force ? '+' : ''}${commit}:refs/heads/${config.branch}`], { signal });
    } catch (error) {
      if (signal.aborted) throw cancelled(env.name, 'while pushing; git updates the branch all at once, so it is either as it was or fully published');
      if (error instanceof GitFailed && /\[rejected\]|non-fast-forward|fetch first/i.test(error.stderr)) {
        throw new ApiError(
          'io',
          `Target "${env.name}": branch "${config.branch}" changed on the remote while publishing (someone else pushed). Publish again to include their change in the comparison, or set "force": true to replace the branch.`,
        );
      }
      throw error;
    }
  }
}

function cancelled(target: string, when: string): ApiError {
  return new ApiError('cancelled', `Publishing to "${target}" was cancelled ${when}.`);
}


async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** Git needs an author; one who never set theirs still gets a commit, signed as Postwright. */
async function identity(run: (args: string[]) => Promise<string>): Promise<Record<string, string>> {
  // One process for both keys: `--get-regexp` prints "key value" a line (keys in lower case), and fails when neither is set.
  const lines = (await run(['config', '--get-regexp', '^user\\.(name|email)$']).catch(() => '')).split('\n');
  const configured = (key: string) => lines.some((line) => line.startsWith(`${key} `) && line.slice(key.length + 1).trim() !== '');
  if (configured('user.name') && configured('user.email')) return {};
  return { GIT_AUTHOR_NAME: 'Postwright', GIT_AUTHOR_EMAIL: 'postwright@localhost', GIT_COMMITTER_NAME: 'Postwright', GIT_COMMITTER_EMAIL: 'postwright@localhost' };
}
