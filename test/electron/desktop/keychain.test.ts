// The app's secret vault: safeStorage (the recorded stand-in, since Electron
// cannot run here) over a real electron-store file on disk.
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Store from 'electron-store';
import { describe, expect, it, vi } from 'vitest';
import { keychain } from '../../../electron/desktop/keychain';
import { environmentVault } from '../../../electron/secretVault';
import { rejection } from '../../helpers/rejection';
import { tempDir } from '../../helpers/tmp';
import { FakeSafeStorage } from '../fakeElectron';

vi.mock('electron', async () => (await import('../fakeElectron')).createFakeElectron(mkdtempSync(join(tmpdir(), 'postwright-electron-'))));

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const scope = { workspace: '/home/ines/blog', target: 'bucket', key: 'AWS_SECRET_ACCESS_KEY' } as const;

async function vault(platform: NodeJS.Platform = 'linux') {
  const dir = await tempDir();
  const safeStorage = new FakeSafeStorage();
  const store = new Store({ name: 'secrets', cwd: dir });
  return { safeStorage, file: join(dir, 'secrets.json'), vault: keychain(safeStorage, store, platform) };
}

describe('the keychain vault', () => {
  it('keeps only ciphertext on disk and gives the secret back', async () => {
    const { vault: v, file } = await vault();
    expect(await v.has(scope)).toBe(false);
    expect(await v.get(scope)).toBeUndefined();
    await v.set(scope, SECRET);
    expect(await v.has(scope)).toBe(true);
    expect(await v.get(scope)).toBe(SECRET);

    const disk = await readFile(file, 'utf8');
    expect(disk).not.toContain(SECRET);
    expect(disk).not.toContain(Buffer.from(SECRET).toString('base64'));
    const stored = Object.values((JSON.parse(disk) as { secrets: Record<string, string> }).secrets);
    expect(stored).toHaveLength(1);
    expect(Buffer.from(stored[0]!, 'base64').subarray(0, 3).toString()).toBe('v11');
    expect(v.info()).toEqual({ kind: 'keychain', encrypted: true, plainTextAllowed: false });
  });

  it('keeps each workspace, target and key apart, and forgets a removed target', async () => {
    const { vault: v } = await vault();
    const other = [
      { ...scope, workspace: '/home/ines/other-blog' },
      { ...scope, target: 'bucket2' },
      { ...scope, key: 'AWS_ACCESS_KEY_ID' as const },
    ];
    await v.set(scope, 'one');
    for (const [i, s] of other.entries()) await v.set(s, `other ${i}`);
    expect(await v.get(scope)).toBe('one');
    expect(await Promise.all(other.map((s) => v.get(s)))).toEqual(['other 0', 'other 1', 'other 2']);

    await v.clear(other[2]!);
    expect(await v.has(other[2]!)).toBe(false);
    expect(await v.get(scope)).toBe('one');

    await v.set(other[2]!, 'again');
    await v.clearTarget(scope.workspace, scope.target);
    expect(await v.has(scope)).toBe(false);
    expect(await v.has(other[2]!)).toBe(false);
    expect(await v.get(other[0]!)).toBe('other 0');
    expect(await v.get(other[1]!)).toBe('other 1');
  });

  it("on Linux's basic_text backend, refuses to store until the author agrees, then remembers the yes", async () => {
    const { vault: v, safeStorage, file } = await vault('linux');
    safeStorage.backend = 'basic_text';
    expect(v.info()).toEqual({ kind: 'keychain', encrypted: false, plainTextAllowed: false });

    const error = await rejection(v.set(scope, SECRET));
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('"bucket"');
    expect(error.message).toContain('AWS_SECRET_ACCESS_KEY');
    expect(error.message).toMatch(/without real encryption/);
    expect(error.message).not.toContain(SECRET);
    expect(await v.has(scope)).toBe(false);
    expect(await readFile(file, 'utf8').catch(() => '')).not.toContain('secrets');

    await v.set(scope, SECRET, { allowPlainText: true });
    expect(await v.get(scope)).toBe(SECRET);
    expect(v.info().plainTextAllowed).toBe(true);
    // Once agreed, it is not asked again.
    await v.set({ ...scope, key: 'AWS_ACCESS_KEY_ID' }, 'AKIA');
    expect(await v.get({ ...scope, key: 'AWS_ACCESS_KEY_ID' })).toBe('AKIA');
  });

  it('treats basic_text as encrypted only on Linux (the backend is a Linux notion)', async () => {
    const { vault: v, safeStorage } = await vault('darwin');
    safeStorage.backend = 'basic_text';
    expect(v.info().encrypted).toBe(true);
    await v.set(scope, SECRET);
    expect(await v.get(scope)).toBe(SECRET);
  });

  it('says to use the environment when the OS offers no encryption at all, and stores nothing', async () => {
    const { vault: v, safeStorage } = await vault();
    safeStorage.available = false;
    const error = await rejection(v.set(scope, SECRET));
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('Set the environment variable AWS_SECRET_ACCESS_KEY');
    expect(error.message).not.toContain(SECRET);
    expect(await v.has(scope)).toBe(false);
  });

  it('says to set a secret again when the keychain can no longer decrypt it, without showing it', async () => {
    const { vault: v, safeStorage } = await vault();
    await v.set(scope, SECRET);
    safeStorage.forgetKey();
    const error = await rejection(v.get(scope));
    expect(error.code).toBe('auth-failed');
    expect(error.message).toBe('The saved AWS_SECRET_ACCESS_KEY for "bucket" can no longer be decrypted (the system keychain has changed). Set it again in Publish settings.');
  });
});

describe('the environment vault (CLI and browser bridge)', () => {
  it('stores nothing and says which environment variable to set', async () => {
    const v = environmentVault();
    expect(v.info().kind).toBe('environment');
    const error = await rejection(v.set(scope, SECRET));
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('set the environment variable AWS_SECRET_ACCESS_KEY');
    expect(error.message).not.toContain(SECRET);
    expect(await v.has(scope)).toBe(false);
  });
});
