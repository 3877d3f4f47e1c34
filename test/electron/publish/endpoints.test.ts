// Class 2 of the red team's report (issue 12): a shared postwright.json must
// never choose where the author's publish credentials go. Each hostile target
// (test/fixtures/hostile/credentials/) points at a recording listener on 127.0.0.1 standing in for the
// stranger's server; publishing through the real launcher (the CLI) and Test
// Connection must send it nothing until the author confirms the address.
import { readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { confirmationKey } from '../../../common/publishAddress';
import { PublishTarget } from '../../../common/publishSettings';
import { packageRoot } from '../../../electron/appPaths';
import { trustEndpoint, trustedEndpointsFile } from '../../../electron/publish/trustedEndpoints';
import { runBin } from '../../helpers/cli';
import { afterAddressWarning, publishingWorkspace, SAMPLE_ADDRESS_WARNING } from '../../helpers/publish';
import { startRecorder } from '../../helpers/recorder';
import { rejection } from '../../helpers/rejection';
import { S3RVER_KEYS, startS3rver } from '../../helpers/s3rver';
import { readTree } from '../../helpers/site';
import { tempDir } from '../../helpers/tmp';

/** What an author has in their shell: every secret the targets read, and a home of the test's own. */
const SECRETS = { ...S3RVER_KEYS, AWS_SESSION_TOKEN: 'session-token-of-the-author', NETLIFY_AUTH_TOKEN: 'nfp_token_of_the_author', POSTWRIGHT_SFTP_PASSWORD: 'password-of-the-author' };

async function cliEnv() {
  const home = await tempDir('postwright-home-');
  return { HOME: home, XDG_CACHE_HOME: path.join(home, 'cache'), XDG_DATA_HOME: path.join(home, 'data'), SSH_AUTH_SOCK: '', ...SECRETS };
}

const fixtures = path.join(packageRoot, 'test', 'fixtures', 'hostile', 'credentials');

interface HostileTargets {
  attacks: string;
  refused: 'confirm' | 'settings';
  targets: Record<string, unknown>;
  /** refused "confirm": the address each target's question must name. */
  addresses?: Record<string, string>;
  /** refused "settings": the one line `postwright publish` prints. */
  message?: string;
}

/** A fixture aimed at the recorder's port: "{{PORT}}" as a JSON value becomes the number, inside a string the digits. */
async function hostile(file: string, port: number): Promise<HostileTargets> {
  const text = await readFile(path.join(fixtures, file), 'utf8');
  return JSON.parse(text.replaceAll('"{{PORT}}"', String(port)).replaceAll('{{PORT}}', String(port))) as HostileTargets;
}

const fixtureFiles = readdirSync(fixtures).filter((file) => file.endsWith('.json'));

describe('a stranger’s postwright.json cannot send the author’s credentials to its own host', () => {
  it.each(fixtureFiles)('%s: the CLI refuses it, naming the address or the bad setting, and the recording listener receives nothing', { timeout: 120_000 }, async (file) => {
    const recorder = await startRecorder();
    const fixture = await hostile(file, recorder.port);
    const ws = await publishingWorkspace(fixture.targets);
    const env = await cliEnv();
    for (const name of Object.keys(fixture.targets)) {
      const refused = await runBin(['publish', ws.root, '--target', name], env);
      if (fixture.refused === 'settings') {
        expect(refused.code, name).toBe(2);
        expect(refused.stderr, name).toBe(`postwright publish: ${fixture.message}\n`);
        continue;
      }
      expect(refused.code, name).toBe(1);
      // The sample's placeholder address is warned about first; then the refusal.
      expect(afterAddressWarning(refused.stderr), name).toBe(
        `postwright publish: Target "${name}" would send your credentials to <${fixture.addresses![name]}>, which you have not confirmed on this computer. ` +
          'The address comes from postwright.json, which anyone who shared this blog could have written. ' +
          'If it is your server, confirm it in the app, or run postwright publish with --trust-endpoint.\n',
      );
    }
    // Refused before the check and the build, so nothing was even built.
    expect((await readTree(ws.site).catch(() => new Map())).size).toBe(0);
    expect(recorder.connections()).toBe(0);
    expect(recorder.received().length).toBe(0);
  });

  it('Test Connection asks the same question, and sends nothing first', async () => {
    const recorder = await startRecorder();
    const ws = await publishingWorkspace({ ...(await hostile('s3-endpoint.json', recorder.port)).targets, ...(await hostile('sftp-host.json', recorder.port)).targets, ...(await hostile('git-remotes.json', recorder.port)).targets });
    const gate = { endpoints: { file: ws.endpointsFile, trustNew: false } };
    for (const name of ['bucket', 'vps', 'git-ssh']) expect((await rejection(ws.test(name, undefined, gate))).code, name).toBe('untrusted-endpoint');
    // Settings typed in the form but not saved go through the same gate.
    const typed = { type: 's3', bucket: 'typed', endpoint: `https://127.0.0.1:${recorder.port}` };
    expect((await rejection(ws.test('typed', typed, gate))).message).toContain(`<https://127.0.0.1:${recorder.port}>`);
    expect(recorder.connections()).toBe(0);
  });

  it('plain http:// is only for this computer: any other host is a settings error, however it is spelt', async () => {
    for (const endpoint of ['http://10.0.0.8:9000', 'http://minio.example.org', 'http://127.0.0.1.nip.io', 'http://[::ffff:a00:1]/', 'http://localhost.example/']) {
      const parsed = PublishTarget.safeParse({ type: 's3', bucket: 'abc', endpoint });
      expect(parsed.success, endpoint).toBe(false);
    }
    for (const endpoint of ['http://127.0.0.1:9000', 'http://127.255.0.9', 'http://0x7f.1', 'http://2130706433/', 'http://[::1]:9000', 'http://LOCALHOST:9000', 'https://minio.example.org']) {
      expect(PublishTarget.safeParse({ type: 's3', bucket: 'abc', endpoint }).success, endpoint).toBe(true);
    }
    expect(PublishTarget.safeParse({ type: 'git', remote: 'http://git.example.org/me/site.git' }).success).toBe(false);
    expect(PublishTarget.safeParse({ type: 'git', remote: 'http://127.0.0.1:8080/me/site.git' }).success).toBe(true);
    // The region is part of AWS's host name, so it cannot smuggle in another host.
    expect(PublishTarget.safeParse({ type: 's3', bucket: 'abc', region: 'evil.example/x' }).success).toBe(false);
  });

  it('with --trust-endpoint, or the app’s stored yes for that exact address, the CLI publishes', { timeout: 90_000 }, async () => {
    const server = await startS3rver();
    const recorder = await startRecorder();
    const ws = await publishingWorkspace({
      bucket: { type: 's3', bucket: server.bucket, endpoint: server.endpoint, forcePathStyle: true },
      other: { type: 's3', bucket: server.bucket, endpoint: `http://127.0.0.1:${recorder.port}`, forcePathStyle: true },
    });
    const env = await cliEnv();
    const flagged = await runBin(['publish', ws.root, '--target', 'bucket', '--trust-endpoint'], env);
    expect(flagged.stderr).toBe(SAMPLE_ADDRESS_WARNING);
    expect(flagged.code).toBe(0);
    expect(flagged.stdout.trim().split('\n').at(-1)).toContain(`Published to "bucket" (${new URL(server.endpoint).origin}): `);
    // The flag is one run's yes, never kept.
    expect((await runBin(['publish', ws.root, '--target', 'bucket'], env)).code).toBe(1);

    // What the app stores when the author confirms, in the data folder the CLI shares (never the workspace).
    const file = trustedEndpointsFile(path.join(env.XDG_DATA_HOME, 'postwright'));
    await trustEndpoint({ type: 's3', bucket: server.bucket, endpoint: server.endpoint }, file);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ endpoints: [confirmationKey({ type: 's3', bucket: server.bucket, endpoint: server.endpoint })] });
    const stored = await runBin(['publish', ws.root, '--target', 'bucket'], env);
    expect(stored.stderr).toBe(SAMPLE_ADDRESS_WARNING);
    expect(stored.code).toBe(0);
    // That yes covers that address only: another port on the same host is asked about again.
    const other = await runBin(['publish', ws.root, '--target', 'other'], env);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(`<http://127.0.0.1:${recorder.port}>`);
    expect(recorder.connections()).toBe(0);
    // A confirmation planted in the workspace counts for nothing.
    await mkdir(path.join(ws.root, '.postwright'), { recursive: true });
    await writeFile(path.join(ws.root, '.postwright', 'trusted-endpoints.json'), JSON.stringify({ endpoints: [`s3 http://127.0.0.1:${recorder.port}`] }));
    expect((await runBin(['publish', ws.root, '--target', 'other'], env)).code).toBe(1);
    expect(recorder.connections()).toBe(0);
  });
});
