// Credentials in Publish settings, in Chromium through the bridge, with the
// desktop app's keychain vault behind it (safeStorage is the recorder from
// fakeElectron, since Electron cannot run here) on a Linux without a keychain:
// the loud warning, nothing stored until the author agrees, the value never
// shown again, and only ciphertext on disk.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Store from 'electron-store';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { keychain } from '../../electron/desktop/keychain';
import { startRecorder } from '../helpers/recorder';
import { tempDir } from '../helpers/tmp';
import { FakeSafeStorage } from '../electron/fakeElectron';
import { openApp, screenshot, skipE2e, type E2e } from './browser';
import { screenshotSet } from './screenshotSet';
import { runCommand } from './palette';
import { publishAnyway } from './placeholderAddress';

vi.mock('electron', async () => {
  const [{ createFakeElectron }, fs, os, path] = await Promise.all([import('../electron/fakeElectron'), import('node:fs'), import('node:os'), import('node:path')]);
  return createFakeElectron(fs.mkdtempSync(path.join(os.tmpdir(), 'postwright-electron-')));
});

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe.skipIf(skipE2e)('publish credentials in the app', () => {
  let e2e: E2e;
  let storeDir: string;
  beforeAll(async () => {
    const safeStorage = new FakeSafeStorage();
    safeStorage.backend = 'basic_text';
    storeDir = await tempDir();
    e2e = await openApp(undefined, undefined, { platform: { secrets: keychain(safeStorage, new Store({ name: 'secrets', cwd: storeDir }), 'linux') } });
  });
  afterAll(() => e2e?.close());

  it('warns that a keychain-less Linux cannot encrypt, stores nothing until agreed, and never shows the value again', { timeout: 60_000 }, async () => {
    const { page, app } = e2e;
    await app.backend.handlers.publish.saveTarget('bucket', { type: 's3', bucket: 'my-blog', endpoint: 'http://127.0.0.1:9000', forcePathStyle: true });
    await page.getByRole('listbox', { name: 'Posts' }).getByText('Retries are not a strategy').waitFor();
    await runCommand(page, 'Publish settings');
    const dialog = page.getByRole('dialog', { name: 'Publish settings' });
    const row = dialog.getByRole('listitem', { name: 'bucket' });
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('credentials are not set');
    await row.getByRole('button', { name: 'Edit bucket' }).click();

    const form = page.getByRole('dialog', { name: 'Edit “bucket”' });
    const warning = form.getByRole('alert');
    await expect.poll(() => warning.textContent()).toContain('Secrets would NOT be encrypted on this computer');
    // No field to type a secret into until the author agrees.
    expect(await form.locator('input[type="password"]').count()).toBe(0);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await screenshot(page, `publish-credentials-warning-1280-${colorScheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    await warning.getByRole('checkbox', { name: /store secrets on this computer without encryption/ }).check();
    const field = form.getByLabel('Secret access key');
    await field.fill(SECRET);
    await field.press('Enter');
    await expect.poll(() => form.textContent()).toContain('Set, in the keychain');
    expect(await field.inputValue()).toBe('');
    await page.setViewportSize({ width: 900, height: 700 });
    await screenshot(page, 'publish-credentials-set-900-light');
    await page.setViewportSize({ width: 1280, height: 800 });

    const stored = await readFile(join(storeDir, 'secrets.json'), 'utf8');
    expect(stored).toContain('"plainTextAllowed": true');
    expect(stored).not.toContain(SECRET);
    expect(await readFile(join(app.root, 'postwright.json'), 'utf8')).not.toContain(SECRET);
    expect(await page.content()).not.toContain(SECRET);
  });

  it('asks before stored credentials go to an address postwright.json chose, in Test connection and Publish, and sends nothing meanwhile', { timeout: 90_000 }, async () => {
    const { page, app } = e2e;
    // A shared blog's target, pointing at a listener that records whatever reaches it; the author's stored secrets are set for it.
    const recorder = await startRecorder();
    const address = `http://127.0.0.1:${recorder.port}`;
    const { publish } = app.backend.handlers;
    await publish.saveTarget('stranger', { type: 's3', bucket: 'loot', endpoint: `${address}/`, forcePathStyle: true });
    await publish.setSecret('stranger', 'AWS_ACCESS_KEY_ID', 'AKIASTOREDBYTHEAUTHOR', { allowPlainText: true });
    await publish.setSecret('stranger', 'AWS_SECRET_ACCESS_KEY', SECRET, { allowPlainText: true });
    await page.reload();
    await page.getByRole('listbox', { name: 'Posts' }).getByText('Retries are not a strategy').waitFor();

    // Publish settings shows where each target's credentials go.
    await runCommand(page, 'Publish settings');
    const dialog = page.getByRole('dialog', { name: 'Publish settings' });
    const row = dialog.getByRole('listitem', { name: 'stranger' });
    await expect.poll(() => row.textContent()).toContain(`Credentials go to ${address}`);
    await row.getByRole('button', { name: 'Test connection to stranger' }).click();
    const tested = row.getByRole('group', { name: 'Send your credentials for “stranger” to this address?' });
    await expect.poll(() => tested.getByLabel('Address').textContent()).toBe(address);
    await screenshot(page, 'publish-settings-confirm-address-1280-light');
    // Focus starts on Cancel: the yes takes a deliberate move.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Enter');
    await expect.poll(() => tested.count()).toBe(0);
    await dialog.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await publishAnyway(page);
    const panel = page.getByRole('region', { name: 'Publish' });
    const asked = panel.getByRole('group', { name: 'Send your credentials for “stranger” to this address?' });
    await expect.poll(() => asked.getByLabel('Address').textContent(), { timeout: 60_000 }).toBe(address);
    await screenshotSet(page, 'publish-confirm-address');
    await asked.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => asked.count()).toBe(0);

    // Nothing reached the listener, and no confirmation was stored.
    expect(recorder.connections()).toBe(0);
    expect(recorder.received().length).toBe(0);
    expect(await readFile(join(app.dataDir, 'trusted-endpoints.json'), 'utf8').catch(() => 'none')).toBe('none');
  });
});
