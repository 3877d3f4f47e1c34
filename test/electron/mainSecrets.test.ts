// The desktop app's publish secrets, end to end through IPC with `electron`
// replaced by the recorder: the OS keychain (safeStorage) encrypts, only
// ciphertext reaches disk, and Linux's basic_text is refused until agreed to.
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as electron from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FakeElectron } from './fakeElectron';

vi.mock('electron', async () => {
  const { createFakeElectron } = await import('./fakeElectron');
  return createFakeElectron(mkdtempSync(join(tmpdir(), 'postwright-electron-')));
});

const { recorded } = electron as unknown as FakeElectron;
const SECRET = 'nfp_thisIsTheNetlifyTokenDoNotShow1234';

beforeAll(async () => {
  await import('../../electron/main');
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1), { timeout: 10_000 });
});
afterAll(() => recorded.appEvents.emit('before-quit'));

async function call(channel: string, ...args: unknown[]) {
  const frame = { url: recorded.windows[0]!.loaded[0]! };
  return (await recorded.ipcHandlers.get(channel)!({ senderFrame: frame, sender: { mainFrame: frame } }, ...args)) as
    | { ok: true; value: { targets: { name: string; secrets: Record<string, string | null> }[]; secretStore: { encrypted: boolean } } }
    | { ok: false; error: { code: string; message: string } };
}

describe('publish secrets in the desktop app', () => {
  const sample = () => join(recorded.userDataRoot, 'documents', 'Postwright Sample Blog');

  it('are encrypted by the OS keychain and only their ciphertext is stored, never in the workspace', async () => {
    expect(await call('publish.saveTarget', 'netlify', { type: 'netlify', siteId: 'my-site' })).toMatchObject({ ok: true });
    const set = await call('publish.setSecret', 'netlify', 'NETLIFY_AUTH_TOKEN', SECRET);
    expect(set).toMatchObject({ ok: true, value: { targets: [{ name: 'netlify', secrets: { NETLIFY_AUTH_TOKEN: 'keychain' } }], secretStore: { encrypted: true } } });

    const stored = await readFile(join(recorded.userDataRoot, 'userData', 'secrets.json'), 'utf8');
    expect(stored).not.toContain(SECRET);
    expect(Object.values((JSON.parse(stored) as { secrets: Record<string, string> }).secrets)).toHaveLength(1);
    const settings = await readFile(join(sample(), 'postwright.json'), 'utf8');
    expect(settings).toContain('"siteId": "my-site"');
    expect(settings).not.toContain(SECRET);

    expect(await call('publish.clearSecret', 'netlify', 'NETLIFY_AUTH_TOKEN')).toMatchObject({ ok: true, value: { targets: [{ secrets: { NETLIFY_AUTH_TOKEN: null } }] } });
  });

  it("refuses Linux's basic_text until the author agrees, and never echoes the secret", async () => {
    recorded.safeStorage.backend = 'basic_text';
    try {
      const refused = await call('publish.setSecret', 'netlify', 'NETLIFY_AUTH_TOKEN', SECRET);
      expect(refused).toMatchObject({ ok: false, error: { code: process.platform === 'linux' ? 'forbidden' : expect.any(String) } });
      if (process.platform === 'linux') {
        expect(JSON.stringify(refused)).not.toContain(SECRET);
        expect(await call('publish.targets')).toMatchObject({ ok: true, value: { secretStore: { encrypted: false }, targets: [{ secrets: { NETLIFY_AUTH_TOKEN: null } }] } });
        expect(await call('publish.setSecret', 'netlify', 'NETLIFY_AUTH_TOKEN', SECRET, { allowPlainText: true })).toMatchObject({ ok: true });
        expect(await readFile(join(recorded.userDataRoot, 'userData', 'secrets.json'), 'utf8')).not.toContain(SECRET);
      }
      // A key the target does not use, and a target that does not exist, are refused without the value.
      for (const reply of [await call('publish.setSecret', 'netlify', 'AWS_SECRET_ACCESS_KEY', SECRET), await call('publish.setSecret', 'nowhere', 'NETLIFY_AUTH_TOKEN', SECRET)]) {
        expect(reply.ok).toBe(false);
        expect(JSON.stringify(reply)).not.toContain(SECRET);
      }
    } finally {
      recorded.safeStorage.backend = 'gnome_libsecret';
    }
  });
});
