// Host-key trust as OpenSSH's known_hosts defines it, on real files. Keys are
// made with node:crypto; the cross-checks against OpenSSH's own ssh-keygen
// (fingerprints, hashed names) run where sshd's tools are installed.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../common/errors';
import { fingerprintOf, hostEntryName, keyTypeOf, namesHost, verifyHostKey } from '../../../electron/publish/hostKeys';
import type { HostKeyPolicy } from '../../../electron/publish/types';
import { skipSshd } from '../../helpers/sshd';
import { tempDir } from '../../helpers/tmp';

/** A fresh ed25519 public key as the SSH wire blob: string "ssh-ed25519", string key. */
function ed25519Blob(): Buffer {
  const raw = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(raw)]);
}

function sshString(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

const line = (name: string, blob: Buffer) => `${name} ${keyTypeOf(blob)} ${blob.toString('base64')}`;

async function policy(knownHosts: string, acceptNew = false): Promise<HostKeyPolicy> {
  const dir = await tempDir();
  const file = path.join(dir, 'known_hosts');
  await writeFile(file, knownHosts);
  return { knownHosts: [file, path.join(dir, 'missing_known_hosts')], trustedHostsFile: path.join(dir, 'postwright', 'known_hosts'), acceptNew };
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = (await promise.then(() => undefined, (e: unknown) => e)) as ApiError | undefined;
  if (!error) throw new Error('expected the host key to be refused');
  return error;
}

describe('host keys', () => {
  const key = ed25519Blob();
  const other = ed25519Blob();

  it('names a host bare on port 22 and as [host]:port elsewhere', () => {
    expect(hostEntryName('example.org', 22)).toBe('example.org');
    expect(hostEntryName('example.org', 2222)).toBe('[example.org]:2222');
  });

  it('matches patterns with wildcards and negations, case-insensitively, and never a bare name on another port', () => {
    expect(namesHost('example.org,other.net', 'example.org')).toBe(true);
    expect(namesHost('*.example.org', 'www.EXAMPLE.org')).toBe(true);
    expect(namesHost('web?.example.org', 'web1.example.org')).toBe(true);
    expect(namesHost('*.example.org,!evil.example.org', 'evil.example.org')).toBe(false);
    expect(namesHost('example.org', '[example.org]:2222')).toBe(false);
    expect(namesHost('[example.org]:2222', '[example.org]:2222')).toBe(true);
    expect(namesHost('[example.org]:2222', '[example.org]:2223')).toBe(false);
  });

  it('trusts a key listed for the host, plain or on another port', async () => {
    await expect(verifyHostKey('example.org', 22, key, await policy(`# mine\n${line('other.net,example.org', key)}\n`), 'vps')).resolves.toBeUndefined();
    await expect(verifyHostKey('example.org', 2222, key, await policy(`${line('[example.org]:2222', key)}\n`), 'vps')).resolves.toBeUndefined();
  });

  it('refuses an unknown host with the fingerprint and what to do, and writes nothing', async () => {
    const trust = await policy(`${line('other.net', key)}\n`);
    const error = await refusal(verifyHostKey('example.org', 22, key, trust, 'SFTP target "vps"'));
    expect(error.code).toBe('host-key');
    expect(error.message).toContain('SFTP target "vps"');
    expect(error.message).toContain(fingerprintOf(key));
    expect(error.message).toContain('run with --accept-host-key or accept it in the app');
    await expect(readFile(trust.trustedHostsFile)).rejects.toThrow(/ENOENT/);
  });

  it('with acceptNew, remembers a new host in its own file and trusts it from then on', async () => {
    const trust = await policy('', true);
    await verifyHostKey('example.org', 2222, key, trust, 'vps');
    expect(await readFile(trust.trustedHostsFile, 'utf8')).toBe(`${line('[example.org]:2222', key)}\n`);
    await expect(verifyHostKey('example.org', 2222, key, { ...trust, acceptNew: false }, 'vps')).resolves.toBeUndefined();
  });

  it('refuses a changed key loudly even with acceptNew, naming the file and line to check', async () => {
    const trust = await policy(`${line('elsewhere', other)}\n${line('example.org', other)}\n`, true);
    const error = await refusal(verifyHostKey('example.org', 22, key, trust, 'vps'));
    expect(error.code).toBe('host-key');
    expect(error.message).toMatch(/CHANGED/);
    expect(error.message).toContain(fingerprintOf(key));
    expect(error.message).toContain(`${trust.knownHosts[0]}:2`);
    await expect(readFile(trust.trustedHostsFile)).rejects.toThrow(/ENOENT/);
  });

  it('a key changed since Postwright accepted it is refused too', async () => {
    const trust = await policy('', true);
    await verifyHostKey('example.org', 22, other, trust, 'vps');
    const error = await refusal(verifyHostKey('example.org', 22, key, trust, 'vps'));
    expect(error.message).toMatch(/CHANGED/);
    expect(error.message).toContain(trust.trustedHostsFile);
  });

  it('refuses a key marked @revoked, and ignores @cert-authority lines', async () => {
    const revoked = await policy(`@revoked ${line('*', key)}\n${line('example.org', key)}\n`, true);
    expect((await refusal(verifyHostKey('example.org', 22, key, revoked, 'vps'))).message).toMatch(/revoked/);
    const ca = await policy(`@cert-authority ${line('example.org', key)}\n`);
    expect((await refusal(verifyHostKey('example.org', 22, key, ca, 'vps'))).message).toMatch(/not yet trusted/);
  });

  it('a host known only by a key of another type is new, and says so', async () => {
    const rsa = Buffer.concat([sshString(Buffer.from('ssh-rsa')), sshString(Buffer.from([1]))]);
    const error = await refusal(verifyHostKey('example.org', 22, key, await policy(`${line('example.org', rsa)}\n`), 'vps'));
    expect(error.message).toMatch(/not yet trusted \(known_hosts holds only a ssh-rsa key for it\)/);
  });
});

describe.skipIf(skipSshd)('host keys, checked against OpenSSH', () => {
  it('gives the fingerprint ssh-keygen prints, and finds names ssh-keygen -H hashed', async () => {
    const dir = await tempDir();
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, 'host')]);
    const publicKey = await readFile(path.join(dir, 'host.pub'), 'utf8');
    const blob = Buffer.from(publicKey.split(' ')[1]!, 'base64');
    const printed = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', path.join(dir, 'host.pub')], { encoding: 'utf8' }).split(' ')[1];
    expect(fingerprintOf(blob)).toBe(printed);

    const knownHosts = path.join(dir, 'known_hosts');
    await writeFile(knownHosts, `example.org ${publicKey}[example.org]:2222 ${publicKey}`);
    execFileSync('ssh-keygen', ['-H', '-f', knownHosts], { stdio: 'ignore' });
    const hashed = await readFile(knownHosts, 'utf8');
    expect(hashed).not.toContain('example.org');
    const trust: HostKeyPolicy = { knownHosts: [knownHosts], trustedHostsFile: path.join(dir, 'trusted'), acceptNew: false };
    await expect(verifyHostKey('example.org', 22, blob, trust, 'vps')).resolves.toBeUndefined();
    await expect(verifyHostKey('example.org', 2222, blob, trust, 'vps')).resolves.toBeUndefined();
    expect((await refusal(verifyHostKey('example.net', 22, blob, trust, 'vps'))).message).toMatch(/not yet trusted/);
  });
});
