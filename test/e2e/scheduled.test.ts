// Scheduled posts and Fly in the app, through the browser bridge in Chromium:
// a future-dated post is listed as scheduled (not as a draft) with its go-live
// time; publishing to a Fly target (the fake flyctl test fixture on PATH) shows
// Fly's steps and says how many posts are scheduled; and Publish settings
// writes the GitHub workflow and names the secrets it needs.
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledSampleBlog } from '../../electron/appPaths';
import { WORKFLOW_FILE } from '../../electron/publish/githubWorkflow';
import { validateWorkflow } from '@action-validator/core';
import { tempDir } from '../helpers/tmp';
import { openApp, skipE2e, type E2e } from './browser';
import { publishAnyway } from './placeholderAddress';
import { screenshotSet } from './screenshotSet';
import { runCommand } from './palette';

const saved = { ...process.env };

describe.skipIf(skipE2e)('scheduled posts and Fly in the app', () => {
  let e2e: E2e;
  let fake: string;
  beforeAll(async () => {
    const source = await tempDir('postwright-scheduled-');
    await cp(bundledSampleBlog, source, { recursive: true });
    await writeFile(path.join(source, 'posts', 'launch-day.md'), '---\ntitle: Launch day\ndate: 2099-03-02T09:00:00Z\n---\n\nGoes live by itself.\n');
    const settingsFile = path.join(source, 'postwright.json');
    const settings = JSON.parse(await readFile(settingsFile, 'utf8')) as Record<string, unknown>;
    await writeFile(settingsFile, JSON.stringify({ ...settings, publish: { targets: { fly: { type: 'fly', app: 'field-notes', region: 'ams' } } } }));
    // The fake flyctl (a test fixture), logged in the way `flyctl auth login` leaves it.
    fake = path.join(source, '..', `${path.basename(source)}-fakefly`);
    await mkdir(fake);
    await writeFile(path.join(fake, 'logged-in'), '');
    process.env.PATH = `${path.resolve(__dirname, '../fixtures/flyctl')}${path.delimiter}${process.env.PATH}`;
    process.env.FAKE_FLYCTL_DIR = fake;
    delete process.env.FLY_API_TOKEN;
    e2e = await openApp(undefined, source);
    await e2e.page.getByRole('listbox', { name: 'Posts' }).getByText('Launch day').waitFor();
  }, 60_000);
  afterAll(async () => {
    await e2e?.close();
    Object.assign(process.env, saved);
  });

  it('lists a future-dated post as scheduled, with when it goes live, not as a draft', async () => {
    const row = e2e.page.getByRole('option', { name: /Launch day/ });
    const meta = await row.locator('.post-meta').textContent();
    // In the browser's locale, the medium style with the time (en-GB or en-US here).
    expect(meta).toMatch(/^(2 Mar 2099|Mar 2, 2099), \d{1,2}:00(\s[AP]M)?scheduled$/);
    expect(meta).not.toContain('draft');
    const draftRow = e2e.page.getByRole('option', { name: /How I price a rewrite/ });
    expect(await draftRow.locator('.post-meta').textContent()).toContain('draft');
    await screenshotSet(e2e.page, 'scheduled-post-list');
  });

  it('publishes to Fly with flyctl’s steps as progress, and says how many posts are scheduled', { timeout: 90_000 }, async () => {
    const { page } = e2e;
    const steps: string[] = [];
    const stop = e2e.app.backend.subscribe((event, payload) => {
      const detail = event === 'publish.progress' ? (payload as { detail?: string }).detail : undefined;
      if (detail && steps.at(-1) !== detail) steps.push(detail);
    });
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await publishAnyway(page);
    const panel = page.getByRole('region', { name: 'Publish' });
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 60_000 }).toBe('Published');
    stop();
    expect(steps).toEqual(['Creating the Fly app', 'Checking the app configuration', 'Building the image on Fly’s builder', 'Sending the image to Fly', 'Starting the new version', 'Finishing']);
    expect(await panel.textContent()).toMatch(/1 post scheduled · the next goes live (2 Mar 2099|Mar 2, 2099), \d{1,2}:00/);
    const deployed = JSON.parse(await readFile(path.join(fake, 'deployed-field-notes.json'), 'utf8')) as string[];
    expect(deployed).toContain('index.html');
    expect(deployed.some((file) => file.includes('launch-day'))).toBe(false);
    await screenshotSet(page, 'scheduled-publish-summary');
  });

  it('writes the GitHub workflow from Publish settings and names the secret to add', { timeout: 60_000 }, async () => {
    const { page, app } = e2e;
    await page.keyboard.press('Escape');
    await runCommand(page, 'Site: Publish settings');
    const dialog = page.getByRole('dialog', { name: 'Publish settings' });
    const row = dialog.getByRole('listitem', { name: 'fly' });
    await row.getByRole('button', { name: 'Schedule fly on GitHub' }).click();
    await row.getByRole('button', { name: 'Write the workflow' }).click();
    await expect.poll(() => row.getByRole('status').textContent(), { timeout: 20_000 }).toContain('Written');
    expect(await row.getByRole('status').textContent()).toContain('FLY_API_TOKEN');
    const yaml = await readFile(path.join(app.root, WORKFLOW_FILE), 'utf8');
    expect(validateWorkflow(yaml).errors).toEqual([]);
    expect(yaml).toContain('--target "fly"');
    await screenshotSet(page, 'scheduled-github-written');
  });
});
