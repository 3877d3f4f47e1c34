// The contract's publish.* methods on a real backend, publishing the sample
// blog to real bare git repositories over file://: each target's outcome kept
// apart, a run stopped by the check, cancelling, one run at a time, progress,
// and where each secret comes from.
import { execFileSync } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Store from 'electron-store';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServer, type AddressInfo } from 'node:net';
import type { EventPayload, PublishOutcome } from '../../../common/api';
import { untrustedAddress } from '../../../common/publish';
import { bundledSampleBlog } from '../../../electron/appPaths';
import { createBackend, type Backend } from '../../../electron/backend';
import { keychain } from '../../../electron/desktop/keychain';
import { nodePlatform } from '../../../electron/platform';
import { branchTree } from '../../helpers/gitRemote';
import { readTree } from '../../helpers/site';
import { tempDir } from '../../helpers/tmp';
import { FakeSafeStorage } from '../fakeElectron';

vi.mock('electron', async () => {
  const [{ createFakeElectron }, fs, os, path] = await Promise.all([import('../fakeElectron'), import('node:fs'), import('node:os'), import('node:path')]);
  return createFakeElectron(fs.mkdtempSync(path.join(os.tmpdir(), 'postwright-electron-')));
});

const open: Backend[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const backend of open.splice(0)) await backend.close();
});

async function bare(): Promise<{ dir: string; url: string }> {
  const dir = join(await tempDir('postwright-remote-'), 'site.git');
  execFileSync('git', ['init', '--bare', '--quiet', dir]);
  return { dir, url: pathToFileURL(dir).href };
}

async function app(targets: Record<string, unknown>) {
  const root = await tempDir('postwright-publish-');
  await cp(bundledSampleBlog, root, { recursive: true });
  const settings = JSON.parse(await readFile(join(root, 'postwright.json'), 'utf8')) as object;
  await writeFile(join(root, 'postwright.json'), JSON.stringify({ ...settings, publish: { targets } }, null, 2));
  const safeStorage = new FakeSafeStorage();
  const secrets = keychain(safeStorage, new Store({ name: 'secrets', cwd: await tempDir() }));
  const backend = await createBackend({ root, platform: { ...nodePlatform(), secrets }, cacheDir: await tempDir('postwright-cache-'), watch: false });
  open.push(backend);
  const progress: EventPayload<'publish.progress'>[] = [];
  backend.subscribe((event, payload) => {
    if (event === 'publish.progress') progress.push(payload as EventPayload<'publish.progress'>);
  });
  return { root, backend, publish: backend.handlers.publish, progress };
}

async function expectBranchHoldsBuild(repo: string, root: string) {
  const [branch, build] = await Promise.all([branchTree(repo, 'gh-pages'), readTree(join(root, '_site'))]);
  expect([...branch.keys()].sort()).toEqual([...build.keys(), '.nojekyll'].sort());
  for (const [file, bytes] of build) expect(branch.get(file)!.equals(bytes), file).toBe(true);
}

describe('publish.run', () => {
  it('publishes to every target, and a failing one does not hide what the others did', { timeout: 60_000 }, async () => {
    const good = await bare();
    const { root, publish, progress } = await app({
      missing: { type: 'git', remote: `${good.url}-gone` },
      pages: { type: 'git', remote: good.url },
    });
    const outcomes = await publish.run({});
    expect(outcomes.map((o) => [o.target, o.ok])).toEqual([
      ['missing', false],
      ['pages', true],
    ]);
    const [missing, pages] = outcomes as [Extract<PublishOutcome, { ok: false }>, Extract<PublishOutcome, { ok: true }>];
    expect(missing.error.code).toBe('not-found');
    expect(missing.error.message).toMatch(/^Target "missing": there is no git repository at .*site\.git-gone\. Check "remote"/);

    await expectBranchHoldsBuild(good.dir, root);
    expect([...pages.uploads].sort()).toEqual([...(await branchTree(good.dir, 'gh-pages')).keys()].sort());
    expect(pages.uploaded.files).toBe(pages.uploads.length);
    expect(pages.uploaded.bytes).toBeGreaterThan(10_000);
    expect(pages.url).toBe('https://example.com/');

    // Progress: the build, then the host, ending with every file counted.
    const phases = progress.filter((p) => p.target === 'pages').map((p) => p.phase);
    expect(phases.indexOf('building')).toBeLessThan(phases.indexOf('uploading'));
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ target: 'pages', phase: 'finishing', files: { done: pages.uploads.length, total: pages.uploads.length } });
    expect(last.bytes.done).toBe(last.bytes.total);

    // The overview says when each published.
    const overview = await publish.targets();
    expect(overview.targets.find((t) => t.name === 'pages')!.last).toMatchObject({ uploaded: pages.uploads.length, bytes: pages.uploaded.bytes, url: 'https://example.com/' });
    expect(overview.targets.find((t) => t.name === 'missing')!.last).toBeNull();
  });

  it('stops the whole run when the check finds errors, before any host is touched', { timeout: 60_000 }, async () => {
    const remote = await bare();
    const { root, publish } = await app({ pages: { type: 'git', remote: remote.url } });
    await writeFile(join(root, 'posts', 'broken.md'), '---\ntitle: Broken\ndate: 2024-13-45\n---\nSee [nowhere](./nothing-here.md).\n');
    const error = await publish.run({}).catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ code: 'invalid-arguments', message: expect.stringMatching(/^The check found \d+ errors?; fix/) });
    expect(execFileSync('git', ['--git-dir', remote.dir, 'branch', '--list'], { encoding: 'utf8' })).toBe('');
  });

  it('cancels on request, one run at a time, and the next publish converges to the build', { timeout: 60_000 }, async () => {
    const remote = await bare();
    const { root, backend, publish } = await app({ pages: { type: 'git', remote: remote.url } });
    let cancelled = false;
    backend.subscribe((event, payload) => {
      if (event === 'publish.progress' && (payload as EventPayload<'publish.progress'>).phase === 'comparing' && !cancelled) {
        cancelled = true;
        void publish.cancel();
      }
    });
    const first = publish.run({});
    await expect(publish.run({})).rejects.toMatchObject({ code: 'forbidden', message: 'A publish is already running; wait for it to finish or cancel it.' });
    const [outcome] = await first;
    expect(outcome).toMatchObject({ ok: false, target: 'pages', error: { code: 'cancelled' } });

    const [again] = await publish.run({});
    expect(again!.ok).toBe(true);
    await expectBranchHoldsBuild(remote.dir, root);
  });

  it('lists what a dry run would upload and changes nothing', { timeout: 60_000 }, async () => {
    const remote = await bare();
    const { publish } = await app({ pages: { type: 'git', remote: remote.url } });
    const [dry] = (await publish.run({ dryRun: true })) as Extract<PublishOutcome, { ok: true }>[];
    expect(dry!.dryRun).toBe(true);
    expect(dry!.uploads).toContain('index.html');
    expect(execFileSync('git', ['--git-dir', remote.dir, 'branch', '--list'], { encoding: 'utf8' })).toBe('');
    expect((await publish.targets()).targets[0]!.last).toBeNull();
  });
});

describe('publish.targets and secrets', () => {
  it('says where each secret comes from: the keychain first, then the environment, never its value', async () => {
    const { root, publish } = await app({ bucket: { type: 's3', bucket: 'my-blog' }, pages: { type: 'git', remote: 'git@example.com:me/site.git' } });
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAFROMENVIRONMENT');
    try {
      const set = await publish.setSecret('bucket', 'AWS_SECRET_ACCESS_KEY', 'the-secret-value');
      const bucket = set.targets.find((t) => t.name === 'bucket')!;
      expect(bucket.secrets).toEqual({ AWS_ACCESS_KEY_ID: 'environment', AWS_SECRET_ACCESS_KEY: 'keychain', AWS_SESSION_TOKEN: null });
      expect(set.targets.find((t) => t.name === 'pages')!.secrets).toEqual({});
      expect(JSON.stringify(set)).not.toContain('the-secret-value');
      expect(JSON.stringify(set)).not.toContain('AKIAFROMENVIRONMENT');
      expect(await readFile(join(root, 'postwright.json'), 'utf8')).not.toContain('the-secret-value');
    } finally {
      vi.unstubAllEnvs();
    }
    // As written in the file, without the defaults the schema fills in.
    expect(set0(await publish.targets())).toEqual({ type: 's3', bucket: 'my-blog' });

    await expect(publish.setSecret('pages', 'AWS_SECRET_ACCESS_KEY', 'x')).rejects.toMatchObject({ code: 'invalid-arguments', message: 'AWS_SECRET_ACCESS_KEY is not used by git targets such as "pages".' });
    await expect(publish.setSecret('nowhere', 'AWS_SECRET_ACCESS_KEY', 'x')).rejects.toMatchObject({ code: 'not-found' });

    // Removing a target forgets its secrets.
    await publish.removeTarget('bucket');
    await publish.saveTarget('bucket', { type: 's3', bucket: 'my-blog' });
    expect((await publish.targets()).targets.find((t) => t.name === 'bucket')!.secrets.AWS_SECRET_ACCESS_KEY).toBeNull();
  });

  it('in the CLI and the bridge, stores nothing and says which environment variable to set', async () => {
    const root = await tempDir('postwright-publish-');
    await writeFile(join(root, 'postwright.json'), JSON.stringify({ publish: { targets: { site: { type: 'netlify', siteId: 'abc' } } } }));
    const backend = await createBackend({ root, platform: nodePlatform(), cacheDir: await tempDir(), watch: false });
    open.push(backend);
    expect((await backend.handlers.publish.targets()).secretStore.kind).toBe('environment');
    await expect(backend.handlers.publish.setSecret('site', 'NETLIFY_AUTH_TOKEN', 'nfp_secret')).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringContaining('set the environment variable NETLIFY_AUTH_TOKEN'),
    });
  });
});

describe('publish.trustEndpoint', () => {
  it('Test connection stops at an unconfirmed address; the yes is kept only for the address the author saw', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const address = `https://127.0.0.1:${port}`;
    const { publish } = await app({ bucket: { type: 's3', bucket: 'my-blog', endpoint: address } });

    const asked = await publish.test('bucket');
    expect(asked.ok ? null : asked.error.code).toBe('untrusted-endpoint');
    expect(asked.ok ? null : untrustedAddress(asked.error.message)).toBe(address);
    // A yes to another address (the file changed since the question) confirms nothing.
    await expect(publish.trustEndpoint('bucket', 'https://s3.example.org')).rejects.toMatchObject({ code: 'invalid-arguments' });
    expect((await publish.test('bucket')).ok ? null : 'still asked').toBe('still asked');

    await publish.trustEndpoint('bucket', address);
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret-example');
    const tried = await publish.test('bucket');
    // Past the question, it now really connects: and finds nothing listening.
    expect(tried.ok ? null : tried.error.code).toBe('unreachable');
  });
});

const set0 = (overview: { targets: readonly { name: string; config: unknown }[] }) => overview.targets.find((t) => t.name === 'bucket')!.config;
