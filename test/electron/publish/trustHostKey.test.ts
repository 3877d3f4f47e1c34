// Trusting a host key from the app keeps only the key the author was shown.
// `connect` stands where the target would connect: it appends the server's key
// to the trial file as the sftp target does with acceptNew.
import { generateKeyPairSync, createHash } from 'node:crypto';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../common/errors';
import { trustMatchingKey } from '../../../electron/publish/trustHostKey';
import { tempDir } from '../../helpers/tmp';

/** A real ed25519 public key as SSH writes it: the blob and its SHA256 fingerprint. */
function hostKey() {
  const raw = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const part = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
  const blob = Buffer.concat([part(Buffer.from('ssh-ed25519')), part(raw)]);
  return {
    line: `[127.0.0.1]:2222 ssh-ed25519 ${blob.toString('base64')}`,
    fingerprint: `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`,
  };
}

async function setup() {
  const dir = await tempDir();
  const trustedHostsFile = join(dir, 'known_hosts');
  await writeFile(trustedHostsFile, 'example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOld\n');
  return { trustedHostsFile, read: () => readFile(trustedHostsFile, 'utf8') };
}

const presents = (line: string, after?: ApiError) => async (trial: string) => {
  await appendFile(trial, `${line}\n`);
  if (after) throw after;
};

describe('trusting a host key the author accepted', () => {
  it('adds the key with that fingerprint to our known_hosts, keeping what was there', async () => {
    const { trustedHostsFile, read } = await setup();
    const key = hostKey();
    await trustMatchingKey('vps', key.fingerprint, { trustedHostsFile }, presents(key.line));
    expect(await read()).toBe(`example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOld\n${key.line}\n`);
  });

  it('trusts nothing when the server now shows another key, and says both fingerprints', async () => {
    const { trustedHostsFile, read } = await setup();
    const shown = hostKey();
    const now = hostKey();
    const error = await trustMatchingKey('vps', shown.fingerprint, { trustedHostsFile }, presents(now.line)).catch((e: unknown) => e as ApiError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'host-key' });
    expect(error!.message).toBe(
      `Target "vps": the server now shows the key ${now.fingerprint}, not the ${shown.fingerprint} you accepted, so nothing was trusted. Check the fingerprint with the server's administrator.`,
    );
    expect(await read()).toBe('example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOld\n');
  });

  it('keeps the key when logging in fails after it was checked (the next publish reports the login)', async () => {
    const { trustedHostsFile, read } = await setup();
    const key = hostKey();
    await trustMatchingKey('vps', key.fingerprint, { trustedHostsFile }, presents(key.line, new ApiError('auth-failed', 'Target "vps": wrong password.')));
    expect(await read()).toContain(key.line);
  });

  it('passes on a failure that came before any key, trusting nothing', async () => {
    const { trustedHostsFile, read } = await setup();
    const unreachable = new ApiError('unreachable', 'Target "vps": cannot reach 127.0.0.1:2222.');
    await expect(trustMatchingKey('vps', hostKey().fingerprint, { trustedHostsFile }, () => Promise.reject(unreachable))).rejects.toBe(unreachable);
    expect(await read()).toBe('example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOld\n');
  });
});
