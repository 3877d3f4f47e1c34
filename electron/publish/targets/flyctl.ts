// Runs the real `flyctl` the way publishing needs it: never through a shell
// (arguments go as an array), the API token only in its environment (never on
// the command line, where `ps` would show it), English plain output (NO_COLOR,
// which flyctl's deploy docs name for exactly this), stopped as a whole process
// tree when the author cancels, and its failures turned into messages that say
// what to do. The phrases matched below are flyctl's own, as its users have
// quoted them in superfly/flyctl issues (linked beside each).
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { ApiError, type ErrorCode, errorMessage } from '../../../common/errors';

export interface FlyctlRun {
  cwd: string;
  /** FLY_API_TOKEN, when the author gave one; flyctl's own login otherwise. */
  token?: string;
  signal: AbortSignal;
  /** Each line flyctl prints, on stdout or stderr, as it comes. */
  onLine?: (line: string) => void;
}

/** A flyctl command that exited non-zero, with the end of what it printed. */
export class FlyctlFailed extends Error {
  constructor(
    readonly args: readonly string[],
    readonly output: readonly string[],
    readonly exitCode: number | null,
  ) {
    super(`flyctl ${args[0]} failed with exit code ${exitCode}`);
  }
}

/** How many of flyctl's last lines a failure keeps (a build log's tail says what broke). */
const KEEP_LINES = 40;
/** After SIGTERM, how long flyctl gets to stop its builder session before SIGKILL. */
const KILL_GRACE_MS = 3_000;

/** Runs `flyctl args…`; resolves with every line it printed, rejects with FlyctlFailed or a `cancelled` ApiError. */
export function flyctl(args: readonly string[], run: FlyctlRun): Promise<string[]> {
  return new Promise((resolve, reject) => {
    if (run.signal.aborted) return reject(cancelledError());
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LC_ALL: 'C' };
    // A token left in the environment by someone else must not be used instead of the one the author chose, nor instead of their login.
    delete env.FLY_API_TOKEN;
    delete env.FLY_ACCESS_TOKEN;
    if (run.token) env.FLY_API_TOKEN = run.token;
    const child = spawn('flyctl', args, {
      cwd: run.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so Cancel stops flyctl and everything it started (a docker or ssh helper).
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    const lines: string[] = [];
    const take = (raw: string) => {
      const line = printable(raw);
      lines.push(line);
      if (lines.length > 2000) lines.splice(0, lines.length - KEEP_LINES);
      run.onLine?.(line);
    };
    for (const stream of [child.stdout, child.stderr]) {
      const decoder = new StringDecoder('utf8');
      let pending = '';
      stream.on('data', (chunk: Buffer) => {
        pending += decoder.write(chunk);
        const parts = pending.split(/\r?\n|\r/);
        pending = parts.pop() ?? '';
        for (const line of parts) if (line.trim()) take(line);
      });
      stream.on('end', () => pending.trim() && take(pending));
    }
    let cancelled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const cancel = () => {
      cancelled = true;
      killTree(child.pid, 'SIGTERM');
      killTimer = setTimeout(() => killTree(child.pid, 'SIGKILL'), KILL_GRACE_MS);
      killTimer.unref();
    };
    run.signal.addEventListener('abort', cancel, { once: true });
    child.once('error', (error) => {
      run.signal.removeEventListener('abort', cancel);
      reject(error);
    });
    child.once('close', (code) => {
      run.signal.removeEventListener('abort', cancel);
      if (killTimer) clearTimeout(killTimer);
      if (cancelled) return reject(cancelledError());
      if (code !== 0) return reject(new FlyctlFailed(args, lines.slice(-KEEP_LINES), code));
      resolve(lines);
    });
  });
}

/** A build log carries whatever the Dockerfile printed: control characters are shown, never sent to a terminal. */
function printable(line: string): string {
  // eslint-disable-next-line no-control-regex
  return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function killTree(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    // The minus: the whole group flyctl leads.
    process.kill(process.platform === 'win32' ? pid : -pid, signal);
  } catch {
    // Already gone.
  }
}

const cancelledError = () => new ApiError('cancelled', 'Publishing was cancelled; flyctl was stopped. A deploy Fly had already begun finishes or rolls back on Fly’s side; the live site is never half-updated.');

/** flyctl's words for each fault, and what the author should do about it. */
const faults: [RegExp, ErrorCode, (target: string, app: string, region: string) => string][] = [
  [
    // "No access token available. Please login with 'flyctl auth login'" (superfly/flyctl#1787, #174)
    /No access token available|Please login with|not logged in|You must be logged in|unauthorized|authentication required/i,
    'auth-failed',
    (t) => `Target "${t}": flyctl is not logged in to Fly.io. Run "flyctl auth login" once, or give the target a FLY_API_TOKEN (from "flyctl tokens create deploy") in Publish settings or the environment.`,
  ],
  [
    // "Validation failed: Name has already been taken" (superfly/flyctl#1102)
    /Name has already been taken/i,
    'exists',
    (t, a) => `Target "${t}": the Fly app name "${a}" is taken by someone else (app names are unique across all of Fly.io). Choose another name in the target's settings, such as "${a}-blog".`,
  ],
  [
    // "region maa not found" (superfly/flyctl#3147), "Invalid region code", "Region '' cannot host your machine" (#2730)
    /region .* not found|Invalid region|cannot host your machine|unknown region/i,
    'invalid-arguments',
    (t, _a, r) => `Target "${t}": Fly does not know the region "${r}" (or cannot run machines there now). "flyctl platform regions" lists the codes; set one in the target's settings.`,
  ],
  [
    // "We need your payment information to continue! Add a credit card or buy credit" (superfly/flyctl#981), "payment method required" (superfly/docs#2369)
    /payment information|payment method required|add a credit card|buy credit|out of credit|billing/i,
    'forbidden',
    (t) => `Target "${t}": Fly.io wants a payment method or credit for this organization before it runs an app. Add one in Fly's dashboard (Billing), then publish again.`,
  ],
  [
    /Could not find App|Could not resolve App|app not found/i,
    'not-found',
    (t, a) => `Target "${t}": Fly has no app "${a}" that this login can see. Check the app name and organization, or the token (a deploy token only works for its own app).`,
  ],
  [
    /dial tcp|no such host|connection refused|i\/o timeout|network is unreachable|TLS handshake timeout/i,
    'unreachable',
    (t) => `Target "${t}": flyctl cannot reach Fly.io. Check your connection, then publish again.`,
  ],
];

/** A flyctl failure as an ApiError naming the target; `building` says the build itself broke (its log's tail is quoted). */
export function flyctlFault(error: unknown, where: { target: string; app: string; region: string; building: boolean }): ApiError {
  if (error instanceof ApiError) return error;
  const { target, app, region } = where;
  if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !(error instanceof FlyctlFailed)) {
    return new ApiError(
      'unsupported',
      `Target "${target}": publishing to Fly.io needs flyctl, which is not installed (or not on the PATH). Install it with "brew install flyctl" or "curl -L https://fly.io/install.sh | sh" (https://fly.io/docs/flyctl/install/), then publish again.`,
    );
  }
  if (!(error instanceof FlyctlFailed)) return new ApiError('io', `Target "${target}": flyctl could not be run (${errorMessage(error)}).`);
  const text = error.output.join('\n');
  for (const [pattern, code, message] of faults) if (pattern.test(text)) return new ApiError(code, message(target, app, region));
  const tail = error.output.slice(-12).map((line) => `  ${line}`).join('\n');
  if (where.building) {
    return new ApiError('io', `Target "${target}": the image for "${app}" did not build on Fly's builder. The end of the build log:\n${tail}`);
  }
  return new ApiError('io', `Target "${target}": flyctl ${error.args[0]} failed (exit code ${error.exitCode}). It said:\n${tail}`);
}
