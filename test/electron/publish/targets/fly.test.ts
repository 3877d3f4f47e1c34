// The Fly target against a fake flyctl on PATH (test/fixtures/flyctl/flyctl, a
// test fixture modelled on flyctl's documented commands, flags, messages and
// exit codes; see its header). The fake records every call and checks that the
// staged site/ holds exactly the build; the staging folder, the workspace and
// the orchestrator are all real.
import { existsSync } from 'node:fs';
import { readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli';
import { envSecrets } from '../../../../electron/publish/secrets/envSecrets';
import { publishStateDir } from '../../../../electron/publish/lastPublished';
import type { PublishProgress } from '../../../../electron/publish/types';
import { publishingWorkspace } from '../../../helpers/publish';
import { rejection } from '../../../helpers/rejection';
import { tempDir } from '../../../helpers/tmp';

const fakeFlyctl = path.resolve(__dirname, '../../../fixtures/flyctl');
const target = { fly: { type: 'fly', app: 'my-blog', region: 'ams', org: 'acme' } };
const withToken = envSecrets({ FLY_API_TOKEN: 'fo1_test-token' });

interface Call {
  args: string[];
  cwd: string;
  token: string | null;
}

let fake: string;
const saved = { ...process.env };
beforeEach(async () => {
  fake = await tempDir('postwright-fakefly-');
  process.env.PATH = `${fakeFlyctl}${path.delimiter}${process.env.PATH}`;
  process.env.FAKE_FLYCTL_DIR = fake;
  // A token in the test runner's own environment must not reach flyctl unasked.
  process.env.FLY_API_TOKEN = 'fo1_from-the-wrong-place';
});
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});

const calls = async (): Promise<Call[]> => {
  const text = await readFile(path.join(fake, 'calls.jsonl'), 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Call);
};
const holdApp = (name: string) => writeFile(path.join(fake, 'apps.json'), JSON.stringify([name]));

async function flyWorkspace() {
  const ws = await publishingWorkspace(target);
  const staging = path.join(await publishStateDir(ws.cacheDir, ws.root), 'targets', 'fly', 'fly-staging');
  process.env.FAKE_FLYCTL_EXPECT = ws.site;
  return { ...ws, staging };
}

// Each test builds the sample blog and runs flyctl (a node script) a few times: seconds, more under load.
describe('the fly target, with a fake flyctl', { timeout: 90_000 }, () => {
  it('creates the app the first time, then deploys the staged build on Fly’s remote builder, the token only in flyctl’s environment', async () => {
    const ws = await flyWorkspace();
    const progress: PublishProgress[] = [];
    const [result] = await ws.publish({ target: 'fly', secrets: withToken, onProgress: (p) => progress.push(p) });

    const made = await calls();
    expect(made.map((call) => call.args)).toEqual([
      ['apps', 'create', 'my-blog', '--org', 'acme'],
      ['deploy', ws.staging, '--remote-only', '--app', 'my-blog', '--config', path.join(ws.staging, 'fly.toml')],
    ]);
    for (const call of made) {
      expect(call.token).toBe('fo1_test-token');
      expect(call.args.join(' ')).not.toContain('fo1_');
    }
    // The fake checked site/ against the build; here, the image's other files.
    expect(JSON.parse(await readFile(path.join(fake, 'deployed-my-blog.json'), 'utf8'))).toHaveLength(result!.site.files);
    expect((await readdir(ws.staging)).sort()).toEqual(['Dockerfile', 'fly.toml', 'nginx.conf', 'site']);
    expect(await readFile(path.join(ws.staging, 'Dockerfile'), 'utf8')).toMatch(/^FROM nginx:\d+\.\d+\.\d+-alpine@sha256:[0-9a-f]{64}$/m);
    expect(result).toMatchObject({ target: 'fly', type: 'fly', dryRun: false });
    expect(result!.uploads).toHaveLength(result!.site.files);

    const steps = [...new Set(progress.map((p) => p.detail).filter(Boolean))];
    expect(steps).toEqual([
      'Creating the Fly app',
      'Checking the app configuration',
      'Building the image on Fly’s builder',
      'Sending the image to Fly',
      'Starting the new version',
      'Finishing',
    ]);
  });

  it('deploys nothing when nothing changed, and only deploys (no create) when a post changed', async () => {
    const ws = await flyWorkspace();
    await ws.publish({ target: 'fly', secrets: withToken });
    const [same] = await ws.publish({ target: 'fly', secrets: withToken });
    expect(same!.uploads).toEqual([]);
    expect(await calls()).toHaveLength(2);

    const file = path.join(ws.root, 'posts', 'why-i-bill-by-the-week.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\nOne more line.\n`);
    await ws.publish({ target: 'fly', secrets: withToken });
    expect((await calls()).slice(2).map((call) => call.args[0])).toEqual(['deploy']);
  });

  it('uses flyctl’s own login when no token is set', async () => {
    const ws = await flyWorkspace();
    await writeFile(path.join(fake, 'logged-in'), '');
    await ws.publish({ target: 'fly' });
    expect((await calls()).map((call) => call.token)).toEqual([null, null]);
  });

  it('deploys to an app of the author’s that exists already (made elsewhere): the taken name is checked with status', async () => {
    const ws = await flyWorkspace();
    await holdApp('my-blog');
    await ws.publish({ target: 'fly', secrets: withToken });
    expect((await calls()).map((call) => call.args.slice(0, 2))).toEqual([
      ['apps', 'create'],
      ['status', '--app'],
      ['deploy', ws.staging],
    ]);
  });

  it('uses the workspace’s own Dockerfile and fly.toml as they are', async () => {
    const ws = await flyWorkspace();
    const dockerfile = 'FROM caddy:2.8.4-alpine\nCOPY site/ /srv/\n';
    const flyToml = 'app = "my-blog"\nprimary_region = "fra"\n\n[http_service]\ninternal_port = 80\n';
    await ws.write('Dockerfile', dockerfile);
    await ws.write('fly.toml', flyToml);
    await ws.publish({ target: 'fly', secrets: withToken });
    expect(await readFile(path.join(ws.staging, 'Dockerfile'), 'utf8')).toBe(dockerfile);
    expect(await readFile(path.join(ws.staging, 'fly.toml'), 'utf8')).toBe(flyToml);
  });

  it('refuses a workspace fly.toml that makes flyctl read a file outside the staging folder, and a Dockerfile that is a link', async () => {
    const ws = await flyWorkspace();
    await ws.write('fly.toml', 'app = "my-blog"\n\n[[files]]\nguest_path = "/usr/share/nginx/html/key.txt"\nlocal_path = "/root/.ssh/id_ed25519"\n');
    const error = await rejection(ws.publish({ target: 'fly', secrets: withToken }));
    expect(error.code).toBe('outside-workspace');
    expect(error.message).toContain('files[0].local_path');

    await ws.write('fly.toml', 'app = "my-blog"\n[build]\ndockerfile = "../../Dockerfile"\n');
    expect((await rejection(ws.publish({ target: 'fly', secrets: withToken }))).message).toContain('build.dockerfile');

    await writeFile(path.join(ws.root, 'fly.toml'), 'app = "my-blog"\n');
    const outside = await tempDir('postwright-outside-');
    await writeFile(path.join(outside, 'Dockerfile'), 'FROM alpine\n');
    await symlink(path.join(outside, 'Dockerfile'), path.join(ws.root, 'Dockerfile'));
    expect((await rejection(ws.publish({ target: 'fly', secrets: withToken }))).code).toBe('outside-workspace');
    expect(await calls()).toEqual([]);
  });

  it('--dry-run writes the staging folder and prints the flyctl commands, running none', async () => {
    const ws = await flyWorkspace();
    process.env.XDG_CACHE_HOME = await tempDir('postwright-xdg-');
    const out: string[] = [];
    const code = await runCli(['publish', ws.root, '--target', 'fly', '--dry-run'], (line) => out.push(line), (line) => out.push(line));
    expect(code).toBe(0);
    const text = out.join('\n');
    const staging = path.join(await publishStateDir(path.join(process.env.XDG_CACHE_HOME, 'postwright'), ws.root), 'targets', 'fly', 'fly-staging');
    expect(text).toContain(`flyctl apps create my-blog --org acme`);
    expect(text).toContain(`flyctl deploy ${staging} --remote-only --app my-blog --config ${path.join(staging, 'fly.toml')}`);
    expect(text).toContain('Logs in with FLY_API_TOKEN');
    expect(existsSync(path.join(staging, 'site', 'index.html'))).toBe(true);
    expect(existsSync(path.join(staging, 'nginx.conf'))).toBe(true);
    expect(await calls()).toEqual([]);
  });
});

describe('the fly target’s errors', { timeout: 90_000 }, () => {
  it('not logged in: says to log in or give a token', async () => {
    const ws = await flyWorkspace();
    const error = await rejection(ws.publish({ target: 'fly' }));
    expect(error.code).toBe('auth-failed');
    expect(error.message).toContain('flyctl auth login');
    expect(await ws.test('fly').catch((e: Error) => e.message)).toContain('not logged in');
  });

  it('app name taken by someone else', async () => {
    const ws = await flyWorkspace();
    process.env.FAKE_FLYCTL_FAIL = 'name-taken';
    const error = await rejection(ws.publish({ target: 'fly', secrets: withToken }));
    expect(error.code).toBe('exists');
    expect(error.message).toContain('"my-blog" is taken by someone else');
    expect((await calls()).map((call) => call.args[0])).toEqual(['apps', 'status']);
  });

  it('region unknown', async () => {
    const ws = await publishingWorkspace({ fly: { type: 'fly', app: 'my-blog', region: 'xyz' } });
    const error = await rejection(ws.publish({ target: 'fly', secrets: withToken }));
    expect(error.code).toBe('invalid-arguments');
    expect(error.message).toContain('Fly does not know the region "xyz"');
  });

  // What flyctl's environment does to a publish (no flyctl on PATH, or a failure the fake
  // acts out through FAKE_FLYCTL_FAIL): the error's code and the words the author reads.
  it.each([
    ['flyctl not installed: says how to get it', { env: { PATH: '/nonexistent' }, code: 'unsupported', says: ['flyctl, which is not installed', 'https://fly.io/docs/flyctl/install/'] }],
    ['out of credit', { env: { FAKE_FLYCTL_FAIL: 'credit' }, code: 'forbidden', says: ['payment method or credit'] }],
    [
      'build failed: quotes the end of the build log, control characters escaped',
      { env: { FAKE_FLYCTL_FAIL: 'build' }, code: 'io', says: ['did not build on Fly', '#5 ERROR: failed to compute cache key', '\\x1b[32mready'] },
    ],
  ])('%s', async (_, { env, code, says }) => {
    const ws = await flyWorkspace();
    Object.assign(process.env, env);
    const error = await rejection(ws.publish({ target: 'fly', secrets: withToken }));
    expect(error.code).toBe(code);
    for (const words of says) expect(error.message).toContain(words);
    expect(error.message).not.toContain('\x1b');
  });

  it('Cancel stops flyctl and the processes it started', async () => {
    const ws = await flyWorkspace();
    process.env.FAKE_FLYCTL_HANG = '1';
    const stop = new AbortController();
    const publishing = ws.publish({ target: 'fly', secrets: withToken, signal: stop.signal });
    // Cancelled once the fake's builder session has a child of its own.
    const pidFile = path.join(fake, 'hang.pid');
    await expect.poll(() => existsSync(pidFile), { timeout: 60_000 }).toBe(true);
    stop.abort();
    const error = await rejection(publishing);
    expect(error.code).toBe('cancelled');
    const pid = Number(await readFile(pidFile, 'utf8'));
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await expect.poll(alive, { timeout: 10_000 }).toBe(false);
  });
});
