// Debian's nginx on 127.0.0.1 for tests: a staged Fly folder's own nginx.conf,
// changed only in the port it listens on and the folders it names (the image's
// /usr/share/nginx/html and /tmp/nginx become this test's folders). Runs in the
// foreground ("daemon off"), so the test owns its PID and stops it by that PID.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import path from 'node:path';
import { NGINX_PORT, NGINX_ROOT, NGINX_RUN } from '../../electron/publish/targets/flyNginx';

export const nginxPath = '/usr/sbin/nginx';
/** Locally a missing nginx skips the suite; in CI (CI=true) it is a failure. */
export const skipNginx = !existsSync(nginxPath) && !process.env.CI;

export interface RunningNginx {
  readonly url: string;
  /** The config nginx was started with, for a failing test to show. */
  readonly conf: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Serves `stagedDir/site` with `stagedDir/nginx.conf`, as the image would. */
export async function startNginx(stagedDir: string): Promise<RunningNginx> {
  // Its own folder, removed by stop(): a suite may share one server across tests.
  const run = await mkdtemp(path.join(tmpdir(), 'postwright-nginx-'));
  // nginx's workers drop root; they must be able to read the site and write their temp folders.
  for (let dir = stagedDir; dir !== path.dirname(dir); dir = path.dirname(dir)) await chmod(dir, 0o755).catch(() => {});
  await chmod(run, 0o777);
  await mkdir(path.join(run, 'tmp'), { mode: 0o777 });
  const port = await freePort();
  const staged = await readFile(path.join(stagedDir, 'nginx.conf'), 'utf8');
  const conf = staged
    .replaceAll(`listen ${NGINX_PORT};`, `listen 127.0.0.1:${port};`)
    .replaceAll(NGINX_ROOT, path.join(stagedDir, 'site'))
    .replaceAll(NGINX_RUN, path.join(run, 'tmp'));
  if (conf === staged) throw new Error('The staged nginx.conf no longer names the port and folders this helper replaces.');
  const confFile = path.join(run, 'nginx.conf');
  await writeFile(confFile, conf);
  const child = spawn(nginxPath, ['-p', run, '-c', confFile, '-e', 'stderr', '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  // Ready when it answers; an early exit is a broken config, shown with nginx's own words.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${stderr}\n${conf}`);
    const up = await fetch(`${url}/`).then(() => true, () => false);
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    conf,
    stop: async () => {
      if (child.exitCode === null) process.kill(child.pid!, 'SIGQUIT');
      await exited;
      await rm(run, { recursive: true, force: true });
    },
  };
}
