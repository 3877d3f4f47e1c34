// A real OpenSSH server for publish tests: /usr/sbin/sshd on 127.0.0.1 and a
// free high port, with its own host key, a client key pair and a folder for
// the site. As root (here and in CI) it logs in a dedicated test user by key
// (or an account of its own with a random password, when asked); otherwise it
// runs as the current user (sshd then accepts only that user, and only by key:
// it cannot read shadow).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { homedir, tmpdir, userInfo } from 'node:os';
import path from 'node:path';

export const sshdPath = '/usr/sbin/sshd';
/** Locally a missing sshd skips the SSH suites; in CI (CI=true) it is a failure, as skipE2e does for Chromium. */
export const skipSshd = !existsSync(sshdPath) && !process.env.CI;

/** The account sshd logs in when the tests run as root. */
const TEST_USER = 'postwright-sftp';
const isRoot = process.getuid?.() === 0;

export interface RunningSshd {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly user: string;
  /** The client's private key, authorized for `user`. */
  readonly keyFile: string;
  /** A second key pair that the server does not know: for the wrong-key test. */
  readonly strangerKeyFile: string;
  /** Set when asked for and sshd runs as root; undefined otherwise (without root sshd cannot check passwords). */
  readonly password: string | undefined;
  /** The host key as OpenSSH prints it: `SHA256:…` without padding. */
  readonly hostKeyFingerprint: string;
  /** `[127.0.0.1]:PORT <type> <base64>`, for a known_hosts file. */
  readonly knownHostsLine: string;
  /** An empty folder the user owns, for the site. */
  readonly root: string;
  /** The user's home folder: where SFTP sessions start. */
  readonly home: string;
  /** Gives `file` (recursively) to the test user, so sshd's sessions may write it; nothing to do when not root. */
  own(file: string): void;
  /** Kills sshd and every session it forked (a dropped connection), by PID. */
  kill(): Promise<void>;
  /** Starts sshd again on the same port with the same keys. */
  restart(): Promise<void>;
  /** Kills sshd and removes its folder. */
  stop(): Promise<void>;
}

export interface SshdOptions {
  /**
   * Log in an account of this server's own, with a random password, removed
   * at stop() (root only). Not the shared account: test runs in parallel
   * would change its password under each other.
   */
  password?: boolean;
  /** SFTP requests the server neither offers nor answers (`sftp-server -Q requests` lists them): a server without them. */
  denyRequests?: string[];
}

export async function startSshd(options: SshdOptions = {}): Promise<RunningSshd> {
  if (!existsSync(sshdPath)) throw new Error(`OpenSSH's sshd is not installed at ${sshdPath}; .ci/run installs it (apt-get install openssh-server).`);
  const dir = await mkdtemp(path.join(tmpdir(), 'postwright-sshd-'));
  // sshd reads authorized_keys as the user, and the user writes into `root`.
  await chmod(dir, 0o755);
  const password = isRoot && options.password ? randomBytes(12).toString('base64url') : undefined;
  const user = !isRoot ? userInfo().username : password ? `pwtest-${randomBytes(6).toString('hex')}` : TEST_USER;
  if (isRoot) ensureUser(user);
  if (password) execFileSync('chpasswd', { input: `${user}:${password}\n` });

  const keygen = (file: string) => execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'postwright-test', '-f', file]);
  keygen(path.join(dir, 'host_ed25519'));
  keygen(path.join(dir, 'client'));
  keygen(path.join(dir, 'stranger'));
  await writeFile(path.join(dir, 'authorized_keys'), await readFile(path.join(dir, 'client.pub')));
  await chmod(path.join(dir, 'authorized_keys'), 0o644);
  const root = path.join(dir, 'site');
  await mkdir(root);
  const own = (file: string) => {
    if (isRoot) execFileSync('chown', ['-R', `${user}:`, file]);
  };
  own(root);

  const config = path.join(dir, 'sshd_config');
  const writeConfig = (port: number) =>
    writeFile(
      config,
      [
        'ListenAddress 127.0.0.1',
        `Port ${port}`,
        `HostKey ${path.join(dir, 'host_ed25519')}`,
        `PidFile ${path.join(dir, 'sshd.pid')}`,
        `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
        'UsePAM no',
        `PasswordAuthentication ${password ? 'yes' : 'no'}`,
        'KbdInteractiveAuthentication no',
        'PubkeyAuthentication yes',
        'StrictModes no',
        `AllowUsers ${user}`,
        `Subsystem sftp internal-sftp${options.denyRequests?.length ? ` -P ${options.denyRequests.join(',')}` : ''}`,
        'LogLevel VERBOSE',
      ].join('\n') + '\n',
    );
  if (isRoot) await mkdir('/run/sshd', { recursive: true });

  const [type, base64] = (await readFile(path.join(dir, 'host_ed25519.pub'), 'utf8')).trim().split(/\s+/) as [string, string];
  const fingerprint = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', path.join(dir, 'host_ed25519.pub')], { encoding: 'utf8' }).split(/\s+/)[1]!;

  let child: ChildProcess | undefined;
  let port = 0;
  const start = async () => {
    child = spawn(sshdPath, ['-D', '-f', config, '-E', path.join(dir, 'sshd.log')], { stdio: 'ignore' });
    const exited = new Promise<never>((_, reject) =>
      child!.once('exit', (code) => reject(new Error(`sshd exited with ${code}: ${readFileSync(path.join(dir, 'sshd.log'), 'utf8').slice(-2000)}`))),
    );
    exited.catch(() => {});
    await Promise.race([waitForBanner(port), exited]);
  };
  // Another process may take the free port before sshd binds it: try another.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    await writeConfig(port);
    try {
      await start();
      break;
    } catch (error) {
      if (attempt === 5 || !/Address already in use/.test((error as Error).message)) throw error;
    }
  }
  const kill = async () => {
    const pid = child?.pid;
    if (pid === undefined || child!.exitCode !== null || child!.signalCode !== null) return;
    // Each session's process calls setsid(), so the group does not hold them: find them by parent PID.
    for (const descendant of descendantsOf(pid)) {
      try {
        process.kill(descendant, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    const gone = new Promise((resolve) => child!.once('exit', resolve));
    process.kill(pid, 'SIGKILL');
    await gone;
  };

  return {
    host: '127.0.0.1',
    port,
    user,
    keyFile: path.join(dir, 'client'),
    strangerKeyFile: path.join(dir, 'stranger'),
    password,
    hostKeyFingerprint: fingerprint,
    knownHostsLine: `[127.0.0.1]:${port} ${type} ${base64}`,
    root,
    home: isRoot ? execFileSync('getent', ['passwd', user], { encoding: 'utf8' }).split(':')[5]! : homedir(),
    own,
    kill,
    restart: start,
    async stop() {
      await kill();
      if (password) withPasswdLock(() => execFileSync('userdel', ['-r', user], { stdio: 'pipe' }));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Creates an account unless it exists; test files starting at once may race to the shared one. */
function ensureUser(user: string): void {
  try {
    execFileSync('getent', ['passwd', user], { stdio: 'ignore' });
    return;
  } catch {
    // Not there yet.
  }
  try {
    withPasswdLock(() => execFileSync('useradd', ['-m', '-s', '/bin/sh', user], { stdio: 'pipe' }));
  } catch (error) {
    // 9: the name was taken meanwhile by another test file.
    if ((error as { status?: number }).status !== 9) throw error;
    return;
  }
  // useradd leaves the account locked ('!'), which sshd refuses even for keys; '*' is "no password, not locked".
  withPasswdLock(() => execFileSync('usermod', ['-p', '*', user], { stdio: 'pipe' }));
}

/** Runs a user-database command, again while another holds /etc/passwd's lock (exit status 10, or 1 for usermod). */
function withPasswdLock(command: () => void): void {
  for (let attempt = 0; ; attempt++) {
    try {
      command();
      return;
    } catch (error) {
      const { stderr } = error as { stderr?: Buffer };
      if (attempt >= 50 || !/lock/i.test(String(stderr))) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once sshd answers with its SSH banner. */
async function waitForBanner(port: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const ready = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('SSH-'));
      });
      socket.once('error', () => resolve(false));
    });
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`sshd did not answer on 127.0.0.1:${port}`);
}

/** Every process below `pid`, from /proc. */
function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const visit = (parent: number) => {
    for (const [child, ppid] of parents) {
      if (ppid === parent) {
        found.push(child);
        visit(child);
      }
    }
  };
  visit(pid);
  return found;
}
