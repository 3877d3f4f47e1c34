// The Netlify target against a CONTRACT FAKE of Netlify's deploy API
// (test/helpers/netlifyFake.ts): no real Netlify can run on this machine, so
// the fake implements the documented digest-deploy endpoints the target uses
// and checks the token, the digests and the upload content type. What is shown
// here is the target's side of that contract: it sends only what Netlify asks
// for, waits until the deploy is live, and reports faults clearly.
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NetlifyTarget } from '../../../../common/publishSettings';
import { envSecrets } from '../../../../electron/publish/secrets/envSecrets';
import { createTarget } from '../../../../electron/publish/targets/netlify';
import type { Target } from '../../../../electron/publish/types';
import { startNetlifyFake, type NetlifyFake } from '../../../helpers/netlifyFake';
import { changedBetween, publishedOnce, publishOnce, sampleSite, targetEnv } from '../../../helpers/publishSite';
import { readTree } from '../../../helpers/site';
import { rejection } from '../../../helpers/rejection';

const opened: Target[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const target of opened.splice(0)) await target.close();
});

/** `token` null: none in the secret source. */
async function netlifyTarget(fake: { siteId: string; token?: string }, token: string | null = fake.token ?? null) {
  const config = NetlifyTarget.parse({ type: 'netlify', siteId: fake.siteId });
  const target = createTarget(config, await targetEnv('netlify', envSecrets(token ? { NETLIFY_AUTH_TOKEN: token } : {})));
  opened.push(target);
  return target;
}

async function expectLiveEqualsBuild(fake: NetlifyFake, out: string) {
  const [live, build] = [fake.live(), await readTree(out)];
  expect([...live.keys()].sort()).toEqual([...build.keys()]);
  for (const [file, bytes] of build) expect(live.get(file)!.equals(bytes), file).toBe(true);
}


const POST = 'posts/why-i-bill-by-the-week.md';
const POST_PAGE = 'posts/why-i-bill-by-the-week/index.html';

describe('Netlify target (against a contract fake of the deploy API)', () => {
  it('deploys the whole site, then sends only the files Netlify asks for after one post changes', async () => {
    const site = await sampleSite();
    const fake = await startNetlifyFake();
    const target = await netlifyTarget(fake);
    const before = await site.rebuild();
    const first = await publishOnce(target, site.out);
    expect(first.plan.remoteCount).toBe(0);
    expect(fake.uploads.splice(0).sort()).toEqual([...before.keys()]);
    expect(first.done.sort()).toEqual([...before.keys()]);
    await expectLiveEqualsBuild(fake, site.out);

    const file = path.join(site.root, POST);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\n$/, '\n\nOne more paragraph, added after publishing.\n'));
    const changed = changedBetween(before, await site.rebuild());
    expect(changed).toContain(POST_PAGE);
    expect(changed).not.toContain('theme.css');

    const second = await publishOnce(target, site.out);
    expect(second.plan.uploads.map((e) => e.path).sort()).toEqual(changed);
    expect(fake.uploads.splice(0).sort()).toEqual(changed);
    expect(second.plan.remoteCount).toBe(before.size);
    await expectLiveEqualsBuild(fake, site.out);
    // The plans were applied: no deploy was left to cancel.
    expect(fake.cancelled).toEqual([]);
  });

  it('a new file whose bytes Netlify already holds is part of the plan and goes live, but is not sent again', async () => {
    const { site, service: fake, target } = await publishedOnce(startNetlifyFake, (started) => netlifyTarget(started));
    fake.uploads.splice(0);
    await cp(path.join(site.out, 'theme.css'), path.join(site.out, 'copy-of-theme.css'));

    const { plan, done } = await publishOnce(target, site.out);
    expect(plan.uploads.map((e) => e.path)).toEqual(['copy-of-theme.css']);
    expect(done).toEqual(['copy-of-theme.css']);
    expect(fake.uploads).toEqual([]);
    await expectLiveEqualsBuild(fake, site.out);
  });

  it('when nothing changed, the plan is empty and its deploy is cancelled when the target closes', async () => {
    const site = await sampleSite();
    const fake = await startNetlifyFake();
    await publishOnce(await netlifyTarget(fake), site.out);
    const target = await netlifyTarget(fake);
    const plan = await target.plan(await site.rebuild(), new AbortController().signal, site.out);
    expect(plan).toMatchObject({ uploads: [], deletes: [], uploadBytes: 0, remoteCount: (await readTree(site.out)).size });
    await target.close();
    expect(fake.cancelled).toHaveLength(1);
  });

  it('a deleted post leaves with the next deploy, and the plan lists it', async () => {
    const { site, service: fake, target } = await publishedOnce(startNetlifyFake, (started) => netlifyTarget(started));
    await rm(path.join(site.root, POST));
    await site.rebuild();
    const { plan, done } = await publishOnce(target, site.out);
    expect(plan.deletes).toContain(POST_PAGE);
    expect(done.slice(-plan.deletes.length)).toEqual(plan.deletes);
    expect(fake.live().has(POST_PAGE)).toBe(false);
    await expectLiveEqualsBuild(fake, site.out);
  });

  it('a plan that is never applied (a dry run) sends nothing and cancels its deploy; the site stays live', async () => {
    const site = await sampleSite();
    const fake = await startNetlifyFake();
    await publishOnce(await netlifyTarget(fake), site.out);
    fake.uploads.splice(0);
    await writeFile(path.join(site.root, 'postwright.json'), (await readFile(path.join(site.root, 'postwright.json'), 'utf8')).replace('"Field Notes"', '"Renamed"'));
    await site.rebuild();

    const dry = await netlifyTarget(fake);
    const plan = await dry.plan(await site.rebuild(), new AbortController().signal, site.out);
    expect(plan.uploads.length).toBeGreaterThan(0);
    await dry.close();
    expect(fake.uploads).toEqual([]);
    expect(fake.cancelled).toHaveLength(1);
    expect(fake.live().get('index.html')!.toString()).toContain('Field Notes');
  });

  it('when the API goes away mid-upload, the live site is untouched; the next publish sends only the rest and converges', async () => {
    const site = await sampleSite();
    const fake = await startNetlifyFake();
    const target = await netlifyTarget(fake);
    const before = await site.rebuild();
    await publishOnce(target, site.out);
    const oldIndex = fake.live().get('index.html')!;
    fake.uploads.splice(0);

    // A new title changes every page, so there is plenty to cut off.
    const settings = path.join(site.root, 'postwright.json');
    await writeFile(settings, (await readFile(settings, 'utf8')).replace('"Field Notes"', '"Field Notes, Revised"'));
    const changed = changedBetween(before, await site.rebuild());
    const error = await rejection(publishOnce(target, site.out, { onFile: (_file, count) => void (count === 3 && fake.stop()) }));
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain('Netlify target "netlify"');
    expect(error.message).toContain('check the endpoint or your connection');
    expect(fake.live().get('index.html')!.equals(oldIndex)).toBe(true);
    const sent = fake.uploads.splice(0);
    expect(sent.length).toBeGreaterThanOrEqual(3);

    await fake.restart();
    const retry = await publishOnce(target, site.out);
    // Every changed file is in the plan (none is live yet), but Netlify kept what arrived: only the rest is sent.
    expect(retry.plan.uploads.map((e) => e.path).sort()).toEqual(changed);
    expect(fake.uploads.filter((file) => sent.includes(file))).toEqual([]);
    expect([...sent, ...fake.uploads].sort()).toEqual(changed);
    await expectLiveEqualsBuild(fake, site.out);
  });

  it('refuses a bad token clearly, without printing it', async () => {
    const site = await sampleSite();
    const fake = await startNetlifyFake();
    const wrong = 'nfp_wrong_token_do_not_print';
    const target = await netlifyTarget(fake, wrong);
    for (const attempt of [() => target.test(new AbortController().signal), () => publishOnce(target, site.out)]) {
      const error = await rejection(attempt());
      expect(error.code).toBe('auth-failed');
      expect(error.message).toContain('Netlify target "netlify"');
      expect(error.message).toContain('NETLIFY_AUTH_TOKEN');
      expect(error.message).not.toContain(wrong);
    }
    const none = await rejection((await netlifyTarget(fake, null)).test(new AbortController().signal));
    expect(none.code).toBe('auth-failed');
    expect(none.message).toContain('no access token. Set NETLIFY_AUTH_TOKEN');
    expect(fake.uploads).toEqual([]);
  });

  it('names a missing site', async () => {
    const site = await sampleSite();
    const fake = await startNetlifyFake();
    const target = await netlifyTarget({ siteId: 'no-such-site' }, fake.token);
    for (const attempt of [() => target.test(new AbortController().signal), () => publishOnce(target, site.out)]) {
      const error = await rejection(attempt());
      expect(error.code).toBe('not-found');
      expect(error.message).toContain('Netlify target "netlify" (site no-such-site): Netlify has no such site');
    }
  });

  it('says an API address nobody answers on is unreachable', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    vi.stubEnv('POSTWRIGHT_TEST_NETLIFY_API', `http://127.0.0.1:${port}/api/v1/`);
    const target = await netlifyTarget({ siteId: 'site' }, 'token');
    const error = await rejection(target.test(new AbortController().signal));
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe(`Netlify target "netlify" (site site): Netlify's API (127.0.0.1:${port}) cannot be reached: check the endpoint or your connection, then publish again.`);
  });
});
