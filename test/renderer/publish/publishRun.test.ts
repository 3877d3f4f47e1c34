// The window's publish run, driven against a real backend in this process
// (the contract's own client over a direct transport) publishing the sample
// blog to bare git repositories.
import { execFileSync } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi, dispatch, type BlogApi } from '../../../common/api';
import { bundledSampleBlog } from '../../../electron/appPaths';
import { createBackend, type Backend } from '../../../electron/backend';
import { nodePlatform } from '../../../electron/platform';
import { PublishRun, type PublishRunState } from '../../../renderer/publish/publishRun';
import { tempDir } from '../../helpers/tmp';

const open: Backend[] = [];
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close();
});

async function remote(): Promise<string> {
  const dir = join(await tempDir('postwright-remote-'), 'site.git');
  execFileSync('git', ['init', '--bare', '--quiet', dir]);
  return pathToFileURL(dir).href;
}

/** The sample blog publishing to `targets`; its placeholder address is replaced by a real one unless `baseUrl` says otherwise. */
async function publishRun(targets: Record<string, unknown>, baseUrl = 'https://fieldnotes.ines.dev/') {
  const root = await tempDir('postwright-publish-');
  await cp(bundledSampleBlog, root, { recursive: true });
  const settings = JSON.parse(await readFile(join(root, 'postwright.json'), 'utf8')) as object;
  await writeFile(join(root, 'postwright.json'), JSON.stringify({ ...settings, baseUrl, publish: { targets } }));
  const backend = await createBackend({ root, platform: nodePlatform(), cacheDir: await tempDir(), watch: false });
  open.push(backend);
  const api = createApi<BlogApi>(
    {
      invoke: (channel, args) => dispatch(backend.handlers, channel, args),
      subscribe: (event, listener) => backend.subscribe((name, payload) => name === event && listener(payload)),
    },
    true,
  );
  const run = new PublishRun(api);
  const states: PublishRunState[] = [];
  run.store.subscribe(() => states.push(run.store.get()));
  return { run, states, api };
}

describe('PublishRun', () => {
  it('runs, shows progress, then each outcome; a second start while running is ignored', { timeout: 60_000 }, async () => {
    const { run, states } = await publishRun({ pages: { type: 'git', remote: await remote() } });
    const started = run.start();
    expect(run.running).toBe(true);
    await run.start();
    await started;
    const state = run.store.get();
    expect(state).toMatchObject({ kind: 'done', outcomes: [{ ok: true, target: 'pages', uploaded: { files: expect.any(Number) } }] });
    const phases = states.flatMap((s) => (s.kind === 'running' && s.progress ? [s.progress.phase] : []));
    expect(phases).toContain('building');
    expect(phases).toContain('uploading');
    run.dismiss();
    expect(run.store.get()).toEqual({ kind: 'idle' });
  });

  it('cancels, and says so for the target it stopped', { timeout: 60_000 }, async () => {
    const { run } = await publishRun({ pages: { type: 'git', remote: await remote() } });
    const stop = run.store.subscribe(() => {
      const state = run.store.get();
      if (state.kind === 'running' && state.progress?.phase === 'comparing') void run.cancel();
    });
    await run.start();
    stop();
    expect(run.store.get()).toMatchObject({ kind: 'done', outcomes: [{ ok: false, target: 'pages', error: { code: 'cancelled' } }] });
  });

  it('fails as a whole when nothing can be published, saying how to add a target', async () => {
    const { run } = await publishRun({});
    await run.start();
    const state = run.store.get();
    expect(state.kind).toBe('failed');
    expect(state.kind === 'failed' && state.error.message).toMatch(/^No publish targets are configured\. Add one under "publish"/);
  });

  it('publishing one target again keeps what the others did', { timeout: 60_000 }, async () => {
    const { run } = await publishRun({ gone: { type: 'git', remote: `${await remote()}-gone` }, pages: { type: 'git', remote: await remote() } });
    await run.start();
    expect(run.store.get()).toMatchObject({ kind: 'done', outcomes: [{ target: 'gone', ok: false }, { target: 'pages', ok: true }] });
    await run.start('gone');
    expect(run.store.get()).toMatchObject({ kind: 'done', outcomes: [{ target: 'pages', ok: true }, { target: 'gone', ok: false }] });

    // Trusting a host that cannot even be reached trusts nothing and says why.
    await run.trustAndRetry('gone', `SHA256:${'A'.repeat(43)}`);
    expect(run.store.get()).toMatchObject({ kind: 'failed', error: { code: 'not-found', message: expect.stringContaining('Target "gone": there is no git repository') } });
  });

  it('asks before publishing under the sample’s placeholder address, once the author says yes publishes, and asks no more', { timeout: 60_000 }, async () => {
    const { run, api } = await publishRun({ pages: { type: 'git', remote: await remote() } }, 'https://example.com/');
    await run.start();
    expect(run.store.get()).toEqual({
      kind: 'address',
      target: undefined,
      baseUrl: 'https://example.com/',
      reason: expect.stringMatching(/^The site's address \(“baseUrl” in postwright.json\) is still the placeholder https:\/\/example.com\/: /),
    });
    expect(await api.publish.targets()).toMatchObject({ targets: [{ name: 'pages', last: null }] });
    await run.publishAnyway();
    expect(run.store.get()).toMatchObject({ kind: 'done', outcomes: [{ ok: true, target: 'pages' }] });
    await run.start();
    expect(run.store.get()).toMatchObject({ kind: 'done', outcomes: [{ ok: true, target: 'pages', uploaded: { files: 0 } }] });

    // Fixed in Publish settings: a real address is never asked about.
    const fixed = await publishRun({ pages: { type: 'git', remote: await remote() } }, 'https://example.com/');
    await fixed.api.site.setAddress('https://fieldnotes.ines.dev');
    await fixed.run.start();
    expect(fixed.run.store.get()).toMatchObject({ kind: 'done', outcomes: [{ ok: true, target: 'pages', url: 'https://fieldnotes.ines.dev/' }] });
  });
});
