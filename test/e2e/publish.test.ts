// Publishing from the app, through the browser bridge in Chromium, to a real
// host on loopback: a target added in Publish settings and tested there, one
// click on Publish with progress and a summary, the host holding exactly the
// build afterwards, and a failing target that says what is wrong.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { EventPayload } from '../../common/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTree } from '../helpers/site';
import { openApp, screenshot, skipE2e, type E2e } from './browser';
import { gitTarget, type TargetFixture } from './publishTargets';
import { publishAnyway } from './placeholderAddress';
import { runCommand } from './palette';
import { screenshotSet } from './screenshotSet';

/** Types a fixture's fields into the target form, by their labels. */
async function fillFields(page: Page, fields: Readonly<Record<string, string>>) {
  const form = page.getByRole('dialog');
  for (const [label, value] of Object.entries(fields)) await form.getByRole('textbox', { name: label }).fill(value);
}

/** Starts recording what the publish panel shows, so a quick publish's progress is not missed between polls. */
async function watchPanel(page: Page) {
  await page.evaluate(() => {
    const seen = { statuses: [] as string[], bars: 0, counts: [] as string[] };
    (window as unknown as { seen: typeof seen }).seen = seen;
    new MutationObserver(() => {
      const panel = document.querySelector('.publish-panel');
      if (!panel) return;
      const status = panel.querySelector('[role="status"]')?.textContent ?? '';
      if (status && seen.statuses.at(-1) !== status) seen.statuses.push(status);
      if (panel.querySelector('progress')) seen.bars++;
      const counts = panel.querySelector('.publish-counts')?.textContent ?? '';
      if (counts && seen.counts.at(-1) !== counts) seen.counts.push(counts);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  return () => page.evaluate(() => (window as unknown as { seen: { statuses: string[]; bars: number; counts: string[] } }).seen);
}

describe.skipIf(skipE2e)('publishing from the app', () => {
  let e2e: E2e;
  let target: TargetFixture;
  beforeAll(async () => {
    [e2e, target] = await Promise.all([openApp(), gitTarget()]);
    await e2e.page.getByRole('listbox', { name: 'Posts' }).getByText('Retries are not a strategy').waitFor();
    e2e.page.on('pageerror', (error) => console.error(error.stack));
  });
  afterAll(async () => {
    await target?.stop();
    await e2e?.close();
  });

  it('adds a target in Publish settings, where Test Connection says whether it can connect', { timeout: 60_000 }, async () => {
    const { page, app } = e2e;
    await runCommand(page, 'Site: Publish settings');
    const dialog = page.getByRole('dialog', { name: 'Publish settings' });
    await expect.poll(() => dialog.textContent(), { timeout: 10_000 }).toContain('No publish targets yet');
    await dialog.getByRole('button', { name: 'Add target…' }).click();

    const form = page.getByRole('dialog', { name: 'Add a publish target' });
    await form.getByRole('textbox', { name: 'Name' }).fill(target.name);
    await form.getByRole('radio', { name: target.kindLabel }).check();
    // Saving with a required field empty says which, and saves nothing.
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.textContent()).toMatch(/must not be empty|Invalid input/);

    await fillFields(page, { ...target.fields, ...target.missing.fields });
    await form.getByRole('button', { name: 'Test connection' }).click();
    const failure = form.getByRole('alert');
    await expect.poll(() => failure.textContent(), { timeout: 20_000 }).toMatch(target.missing.error);
    expect(await failure.textContent()).toContain(`"${target.name}"`);
    await screenshotSet(page, 'publish-settings-test-failed');

    await fillFields(page, target.fields);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => form.getByRole('status').first().textContent(), { timeout: 20_000 }).toContain(`Connected to “${target.name}”`);
    await form.getByRole('button', { name: 'Save' }).click();
    const saved = page.getByRole('dialog', { name: `Edit “${target.name}”` });
    await expect.poll(() => saved.textContent()).toContain('Saved to postwright.json.');
    for (const [label, value] of Object.entries(target.secrets)) {
      await saved.getByLabel(label).fill(value);
      await saved.getByLabel(label).press('Enter');
      await expect.poll(() => saved.textContent()).toContain('Set, in the keychain');
    }
    await screenshotSet(page, 'publish-settings-edit');

    const settings = JSON.parse(await readFile(join(app.root, 'postwright.json'), 'utf8')) as { title: string; publish: { targets: Record<string, unknown> } };
    expect(settings.title).toBe('Field Notes');
    expect(settings.publish.targets[target.name]).toMatchObject({ type: expect.any(String) });
    // Only what was typed: no secret, no filled-in default.
    for (const value of Object.values(target.secrets)) expect(JSON.stringify(settings)).not.toContain(value);

    await saved.getByRole('button', { name: 'Back to targets' }).click();
    const row = dialog.getByRole('listitem', { name: target.name });
    await expect.poll(() => row.textContent()).toContain('Never published');
    await row.getByRole('button', { name: `Test connection to ${target.name}` }).click();
    await expect.poll(() => row.getByRole('status').textContent(), { timeout: 20_000 }).toContain('✓ Connected');
    await screenshotSet(page, 'publish-settings-list');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('publishes with one click: progress, a summary with the address, and the host holds the build', { timeout: 60_000 }, async () => {
    const { page, app } = e2e;
    const seen = await watchPanel(page);
    const progress: EventPayload<'publish.progress'>[] = [];
    const stop = app.backend.subscribe((event, payload) => event === 'publish.progress' && progress.push(payload as EventPayload<'publish.progress'>));
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await publishAnyway(page);
    const panel = page.getByRole('region', { name: 'Publish' });
    // For a person to look at the bar and the Cancel button (the seen-log below is what is asserted).
    await panel.getByRole('button', { name: 'Cancel' }).waitFor({ timeout: 15_000 });
    await screenshot(page, 'publish-running-1280-light');
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 30_000 }).toBe('Published');

    // The check and the build take long enough to be seen; a small upload may pass between two frames.
    const shown = await seen();
    expect(shown.bars).toBeGreaterThan(0);
    expect(shown.statuses).toContain('Building the site…');
    expect(shown.counts.some((c) => /^\d+ pages? of \d+ built$|^\d+ \/ \d+ files · [\d.]+ (bytes|KB|MB) \/ [\d.]+ (KB|MB)$/.test(c))).toBe(true);
    const [last] = progress.slice(-1);
    expect(last).toMatchObject({ target: target.name, phase: 'finishing' });
    expect(last!.files.done).toBe(last!.files.total);

    stop();
    const remote = await target.remoteFiles();
    expect(progress.at(-1)!.files.total).toBe(remote.size);
    const build = await readTree(join(app.root, '_site'));
    const outcome = (await panel.getByRole('listitem').textContent()) ?? '';
    // The outcome names where the files went, beside the target's name.
    expect(outcome).toMatch(new RegExp(`^${target.name} \\(file://[^)]+\\)${remote.size} files uploaded \\([\\d.]+ KB\\)\\.https://example\\.com/$`));
    await screenshotSet(page, 'publish-done');

    const expected = new Map([...build, ...Object.entries(target.extraFiles).map(([file, text]) => [file, Buffer.from(text)] as const)]);
    expect([...remote.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [file, bytes] of expected) expect(remote.get(file)!.equals(bytes), file).toBe(true);

    // On the bridge the live address opens in a new tab of the author's browser (its request is caught here, never sent).
    const asked: string[] = [];
    await page.context().route('https://example.com/**', (route) => {
      asked.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    const [tab] = await Promise.all([page.context().waitForEvent('page'), panel.getByRole('link', { name: 'https://example.com/' }).click()]);
    await expect.poll(() => asked).toContain('https://example.com/');
    await tab.close();

    // Publishing again changes nothing, and says so.
    await panel.getByRole('button', { name: 'Publish again' }).click();
    await expect.poll(() => panel.getByRole('listitem').textContent(), { timeout: 30_000 }).toContain('Already up to date: nothing to upload.');

    await runCommand(page, 'Site: Publish settings');
    const settings = page.getByRole('dialog', { name: 'Publish settings' });
    // The latest publish is the one that found nothing to do.
    await expect.poll(() => settings.getByRole('listitem', { name: target.name }).textContent()).toMatch(/Published (just now|\d+ seconds? ago) · nothing changed/);
    await page.keyboard.press('Escape');
    await expect.poll(() => settings.count()).toBe(0);
  });

  it('shows a failing target by name, with what to do, beside the one that worked', { timeout: 60_000 }, async () => {
    const { page, app } = e2e;
    const broken = `${target.name}-missing`;
    await app.backend.handlers.publish.saveTarget(broken, { ...(await app.backend.handlers.publish.targets()).targets[0]!.config, ...missingConfig(target) });
    const panel = page.getByRole('region', { name: 'Publish' });
    await page.keyboard.press('Control+Shift+b');
    await expect.poll(() => panel.getByRole('status').textContent()).not.toBe('Published');
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 30_000 }).toBe('1 of 2 targets failed');
    const alert = panel.getByRole('alert');
    expect(await alert.getByRole('heading').textContent()).toBe(`Could not publish to “${broken}”`);
    expect(await alert.textContent()).toMatch(target.missing.error);
    expect(await alert.textContent()).toContain(`"${broken}"`);
    expect(await panel.textContent()).toContain('Already up to date');
    await screenshotSet(page, 'publish-failed');

    // From the error to the settings, where the broken target is removed (after a confirmation).
    await alert.getByRole('button', { name: 'Open Publish settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Publish settings' });
    await settings.getByRole('button', { name: `Remove ${broken}` }).click();
    await expect.poll(() => settings.textContent()).toContain(`Remove the target “${broken}”?`);
    await settings.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => settings.getByRole('listitem').count()).toBe(1);
    const file = JSON.parse(await readFile(join(app.root, 'postwright.json'), 'utf8')) as { publish: { targets: Record<string, unknown> } };
    expect(Object.keys(file.publish.targets)).toEqual([target.name]);
    await page.keyboard.press('Escape');
  });
});

/** The fixture's "missing" fields as config keys (the form's labels are the fixture's words). */
function missingConfig(target: TargetFixture): Record<string, string> {
  const keys: Record<string, string> = { Remote: 'remote', Bucket: 'bucket', Host: 'host', 'Folder on the server': 'path', 'Site ID': 'siteId' };
  return Object.fromEntries(Object.entries(target.missing.fields).map(([label, value]) => [keys[label] ?? label, value]));
}
