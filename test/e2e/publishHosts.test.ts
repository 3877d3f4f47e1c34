// Publishing from the app to the other three kinds of host, through the bridge
// in Chromium: S3 (s3rver), SFTP (the test sshd) and Netlify (a contract fake
// of its deploy API: no real Netlify can run here). One click publishes to all
// three; the S3 endpoint and the SFTP server are addresses postwright.json
// chose, so the app first asks the author to confirm each, then shows the SFTP
// server's fingerprint, and publishes there once the author trusts it. Afterwards each host holds
// exactly the build. (publish.test.ts covers git and the settings dialog.)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNetlifyFake, type NetlifyFake } from '../helpers/netlifyFake';
import { runS3rver, S3RVER_KEYS, type S3Server } from '../helpers/s3rver';
import { readTree } from '../helpers/site';
import { skipSshd, startSshd, type RunningSshd } from '../helpers/sshd';
import { openApp, screenshot, skipE2e, type E2e } from './browser';
import { publishAnyway } from './placeholderAddress';

/** What a host holds, without the record Postwright keeps there of what it published. */
const withoutRecord = (files: Map<string, Buffer>, record: string) => new Map([...files].filter(([file]) => file !== record));

describe.skipIf(skipE2e || skipSshd)('publishing from the app to S3, SFTP and Netlify', () => {
  let e2e: E2e;
  let s3: S3Server;
  let s3Dir: string;
  let sshd: RunningSshd;
  let netlify: NetlifyFake;
  const env: Record<string, string> = { ...S3RVER_KEYS, NETLIFY_AUTH_TOKEN: '' };
  const saved = new Map<string, string | undefined>();

  beforeAll(async () => {
    s3Dir = await mkdtemp(join(tmpdir(), 'postwright-s3rver-'));
    [e2e, s3, sshd, netlify] = await Promise.all([openApp(), runS3rver(s3Dir), startSshd(), runNetlifyFake()]);
    // The bridge reads secrets from the environment, as `postwright serve` does.
    env.NETLIFY_AUTH_TOKEN = netlify.token;
    Object.assign(env, netlify.env);
    for (const [key, value] of Object.entries(env)) {
      saved.set(key, process.env[key]);
      process.env[key] = value;
    }
    const { publish } = e2e.app.backend.handlers;
    await publish.saveTarget('bucket', { type: 's3', bucket: s3.bucket, endpoint: s3.endpoint, region: 'us-east-1' });
    await publish.saveTarget('vps', { type: 'sftp', host: sshd.host, port: sshd.port, user: sshd.user, path: join(sshd.root, 'blog'), keyFile: sshd.keyFile });
    await publish.saveTarget('netlify', { type: 'netlify', siteId: netlify.siteId });
    await e2e.page.getByRole('listbox', { name: 'Posts' }).getByText('Retries are not a strategy').waitFor();
  });
  afterAll(async () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await e2e?.close();
    await Promise.all([s3?.stop().then(() => s3.client.destroy()), sshd?.stop(), netlify?.stop()]);
    await rm(s3Dir, { recursive: true, force: true });
  });

  it('one click publishes the sample blog to every host, after the author confirms the addresses and trusts the new SSH server', { timeout: 180_000 }, async () => {
    const { page, app } = e2e;
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await publishAnyway(page);
    const panel = page.getByRole('region', { name: 'Publish' });
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 60_000 }).toBe('2 of 3 targets failed');

    // Netlify's API is fixed in code and went ahead; the two addresses from postwright.json wait for a yes, and got nothing yet.
    expect((await s3.keys()).length).toBe(0);
    expect((await readTree(sshd.root)).size).toBe(0);
    const bucketPrompt = panel.getByRole('group', { name: 'Send your credentials for “bucket” to this address?' });
    expect(await bucketPrompt.getByLabel('Address').textContent()).toBe(new URL(s3.endpoint).origin);
    expect(await panel.getByRole('group', { name: 'Send your credentials for “vps” to this address?' }).getByLabel('Address').textContent()).toBe(`sftp://${sshd.host}:${sshd.port}`);
    await screenshot(page, 'publish-confirm-address-1280-light');
    await bucketPrompt.getByRole('button', { name: 'It’s mine: continue' }).click();
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 60_000 }).toBe('1 of 3 targets failed');
    await panel.getByRole('group', { name: 'Send your credentials for “vps” to this address?' }).getByRole('button', { name: 'It’s mine: continue' }).click();

    // The new server's key is shown for the author to compare, and nothing went to it yet.
    await expect.poll(() => panel.getByLabel('Fingerprint').textContent()).toBe(sshd.hostKeyFingerprint);
    expect((await readTree(sshd.root)).size).toBe(0);
    await screenshot(page, 'publish-host-key-1280-light');
    await panel.getByRole('button', { name: 'Trust and continue' }).click();
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 60_000 }).toBe('Published to 3 targets');
    await screenshot(page, 'publish-three-hosts-1280-light');

    const build = await readTree(join(app.root, '_site'));
    const bucket = new Map<string, Buffer>();
    for (const key of await s3.keys()) bucket.set(key, (await s3.get(key)).body);
    const hosts = {
      bucket: withoutRecord(bucket, '.postwright/manifest.json'),
      vps: withoutRecord(await readTree(join(sshd.root, 'blog')), '.postwright-manifest.json'),
      netlify: netlify.live(),
    };
    for (const [name, files] of Object.entries(hosts)) {
      expect([...files.keys()].sort(), name).toEqual([...build.keys()].sort());
      for (const [file, bytes] of build) expect(files.get(file)!.equals(bytes), `${name}: ${file}`).toBe(true);
    }
    expect((await s3.head('index.html')).contentType).toMatch(/^text\/html/);

    // Trusted once: publishing again reaches every host without asking, and finds nothing to send.
    await panel.getByRole('button', { name: 'Publish again' }).click();
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 60_000 }).toBe('Published to 3 targets');
    expect(await panel.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Already up to date'),
      expect.stringContaining('Already up to date'),
      expect.stringContaining('Already up to date'),
    ]);
  });
});
