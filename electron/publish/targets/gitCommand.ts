// Runs the system `git` (never through a shell) the way publishing needs it:
// it must never wait for a password nobody will type, it must stop when the
// author cancels, and its failures must become messages that name the target,
// say what to do, and never show a token from the remote's URL.
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { ApiError, type ErrorCode, errorMessage } from '../../../common/errors';
import { redactUrls } from '../secrets/redact';

export interface GitRun {
  /** The repository (GIT_DIR); omitted for commands that need none, such as ls-remote. */
  gitDir?: string;
  cwd: string;
  /** Extra environment, such as GIT_INDEX_FILE. */
  env?: Record<string, string>;
  /** Written to git's stdin, then closed. */
  input?: string;
  signal?: AbortSignal;
  /** Called with each line of stdout as it arrives (without its newline). */
  onLine?: (line: string) => void;
}

/** The failure of one git command: its exit code and what it printed on stderr. */
export class GitFailed extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
    readonly exitCode: number | null,
  ) {
    super(`git ${args[0]} failed: ${stderr.trim() || `exit code ${exitCode}`}`);
  }
}

/** Runs `git args…` and returns its stdout as text; rejects with GitFailed, or an AbortError when `signal` fires. */
export async function git(args: readonly string[], run: GitRun): Promise<string> {
  return (await gitBytes(args, run)).toString('utf8');
}

/** Runs `git args…` and returns its stdout as bytes (for object contents). */
export function gitBytes(args: readonly string[], run: GitRun): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: run.cwd,
      signal: run.signal,
      env: {
        ...process.env,
        // Fail at once instead of prompting for a user name or password; the author's credential helpers still answer.
        GIT_TERMINAL_PROMPT: '0',
        // English messages, so faults can be told apart below.
        LC_ALL: 'C',
        ...(run.gitDir ? { GIT_DIR: run.gitDir } : {}),
        ...run.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    const decoder = new StringDecoder('utf8');
    let pending = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (!run.onLine) {
        chunks.push(chunk);
        return;
      }
      pending += decoder.write(chunk);
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) run.onLine(line);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.on('error', () => {}); // git may exit before reading all of its input; its exit code tells.
    child.stdin.end(run.input ?? '');
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new GitFailed(args, stderr, code));
      if (run.onLine && pending) run.onLine(pending);
      resolve(Buffer.concat(chunks));
    });
  });
}

const faults: [RegExp, ErrorCode, (target: string, remote: string) => string][] = [
  [
    /Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED/i,
    'host-key',
    (t, r) => `Target "${t}": ssh does not trust the host key of ${r}. Connect once with ssh from a terminal to check and accept it, then publish again.`,
  ],
  [
    /does not appear to be a git repository|repository '.*' not found|Repository not found/i,
    'not-found',
    (t, r) => `Target "${t}": there is no git repository at ${r}. Check "remote" in postwright.json, or create the repository first.`,
  ],
  [
    /Permission denied \(publickey|Authentication failed|could not read (Username|Password)|terminal prompts disabled|Invalid username or password|HTTP Basic: Access denied|returned error: 401/i,
    'auth-failed',
    (t, r) => `Target "${t}": ${r} refused the credentials. Check your ssh key, ssh agent or git credential helper: git must be able to push there without asking for a password.`,
  ],
  [
    /returned error: 403|Permission to .* denied|insufficient permission|Permission denied|not allowed to push|read-only|\[remote rejected\]/i,
    'forbidden',
    (t, r) => `Target "${t}": ${r} refused the push (permission denied, or a protected branch). Make sure your account may push to this branch.`,
  ],
  [
    /Could not resolve host|Connection refused|Connection timed out|timed out|No route to host|Network is unreachable|Failed to connect|connect to host|Connection (closed|reset)|kex_exchange_identification|remote end hung up|unable to access/i,
    'unreachable',
    (t, r) => `Target "${t}": cannot reach ${r}. Check the address and your connection, then publish again.`,
  ],
];

/** A git failure as a clear ApiError naming the target; every URL in it is redacted. */
export function gitFault(error: unknown, target: string, remote: string): ApiError {
  if (error instanceof ApiError) return error;
  const shown = redactUrls(remote);
  if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !(error instanceof GitFailed)) {
    return new ApiError('unsupported', `Target "${target}": publishing to git needs the git command, which is not installed (or not on the PATH).`);
  }
  if (!(error instanceof GitFailed)) return new ApiError('io', `Target "${target}": ${redactUrls(errorMessage(error))}`);
  // What the host itself said ("remote: …" lines) often names the rule that refused: passed on, redacted.
  const said = error.stderr.split('\n').filter((line) => line.startsWith('remote: ') && line.trim() !== 'remote:').map((line) => line.slice(8).trim());
  const hostSaid = said.length ? ` The host said: ${redactUrls(said.join(' '))}` : '';
  for (const [pattern, code, message] of faults) {
    if (pattern.test(error.stderr)) return new ApiError(code, message(target, shown) + hostSaid);
  }
  const detail = error.stderr.trim().split('\n').filter(Boolean).pop() ?? `exit code ${error.exitCode}`;
  return new ApiError('io', `Target "${target}": git ${error.args[0]} failed: ${redactUrls(detail)}`);
}
