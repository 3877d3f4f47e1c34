// Crash recovery in Chromium through the bridge: unsaved text is journaled
// outside the workspace, survives the app being killed, and is offered back
// beside the file on disk on the next start.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { editorDoc, openApp, screenshot, skipE2e, type E2e } from './browser';
import { closeAnswering } from './closePrompt';

const made: string[] = [];
const running: E2e[] = [];
afterEach(async () => {
  for (const e2e of running.splice(0)) await e2e.close();
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The texts in the journal under `dataDir`, by file name. */
async function journal(dataDir: string): Promise<Record<string, string>> {
  const root = join(dataDir, 'recovery');
  const out: Record<string, string> = {};
  for (const workspace of await readdir(root).catch(() => [])) {
    for (const name of await readdir(join(root, workspace))) {
      if (name.endsWith('.json')) out[name] = (JSON.parse(await readFile(join(root, workspace, name), 'utf8')) as { text: string }).text;
    }
  }
  return out;
}

/** Starts the app on a fresh copy of the sample blog, or again on `root`, with the journal in `dataDir`. */
async function start(dataDir: string, root?: string, viewport = { width: 1280, height: 800 }): Promise<E2e> {
  const e2e = await openApp(viewport, undefined, { dataDir, root });
  if (!root) made.push(e2e.app.root);
  // No autosave: these tests are about text that was never saved.
  await e2e.page.evaluate(() => localStorage.setItem('postwright.settings', JSON.stringify({ autosave: false })));
  await e2e.page.reload();
  return e2e;
}

/** Starts the app again on `root` after a crash; done once it shows its recovery dialog. */
async function restartToRecovery(dataDir: string, root: string): Promise<{ e2e: E2e; dialog: Locator }> {
  const e2e = await start(dataDir, root);
  running.push(e2e);
  const dialog = e2e.page.getByRole('dialog', { name: 'Recover unsaved text' });
  await expect.poll(() => dialog.count(), wait).toBe(1);
  return { e2e, dialog };
}

async function newDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'postwright-data-'));
  made.push(dir);
  return dir;
}

async function openPost(page: Page, title: string): Promise<void> {
  await page.getByRole('listbox', { name: 'Posts' }).getByText(title, { exact: true }).click();
  await expect.poll(() => editorDoc(page), wait).toContain(title);
}

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

const typed = '\nWords typed just before the crash, never saved.';

/** Each step waits on another process (the bridge, the watcher); a busy machine gets time. */
const wait = { timeout: 15_000 };

describe.skipIf(skipE2e)('crash recovery', { timeout: 120_000 }, () => {
  it('journals unsaved text, survives a kill, shows it beside the disk version, and Restore brings it back', async () => {
    const dataDir = await newDataDir();
    const first = await start(dataDir);
    const { root } = first.app;
    const file = join(root, 'posts/pricing-a-rewrite.md');
    const saved = await readFile(file, 'utf8');
    const title = (await first.app.backend.handlers.posts.list()).find((p) => p.path === 'posts/pricing-a-rewrite.md')!.title;
    await openPost(first.page, title);
    await typeAtEnd(first.page, typed);

    // Journaled within a few seconds, in the data folder and not in the workspace.
    await expect.poll(async () => Object.values(await journal(dataDir)).join(), wait).toContain(typed.trim());
    expect(await readFile(file, 'utf8')).toBe(saved);
    await first.crash();

    const { e2e: second, dialog } = await restartToRecovery(dataDir, root);
    const { page } = second;
    const recovered = dialog.getByLabel('Recovered text, read only');
    const disk = dialog.getByLabel('On disk, read only');
    expect(await recovered.textContent()).toContain(typed.trim());
    expect(await disk.textContent()).not.toContain(typed.trim());
    expect(await dialog.textContent()).toContain('posts/pricing-a-rewrite.md');
    // Side by side: the recovered text on the left, the disk version level with it on the right.
    const [left, right] = [(await recovered.boundingBox())!, (await disk.boundingBox())!];
    expect(left.x + left.width).toBeLessThanOrEqual(right.x);
    expect(Math.abs(left.y - right.y)).toBeLessThan(2);
    // Restore has the keyboard.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Restore');

    for (const [width, height] of [[1280, 800], [900, 700]] as const) {
      await page.setViewportSize({ width, height });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await screenshot(page, `recovery-dialog-${scheme}-${width}`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'light' });

    await dialog.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => dialog.count(), wait).toBe(0);
    // Back as unsaved changes over the untouched file, exactly as before the crash.
    await expect.poll(() => editorDoc(page), wait).toBe(saved + typed);
    await expect.poll(() => page.getByLabel('Unsaved changes').count(), wait).toBe(1);
    expect(await readFile(file, 'utf8')).toBe(saved);
    await screenshot(page, 'recovery-restored');

    await page.keyboard.press('Control+s');
    await expect.poll(() => readFile(file, 'utf8'), wait).toBe(saved + typed);
    // Saved: the journal lets go of it.
    await expect.poll(() => journal(dataDir), wait).toEqual({});
  });

  it('offers a text whose post was deleted as a new post', async () => {
    const dataDir = await newDataDir();
    const first = await start(dataDir);
    const { root, backend } = first.app;
    const doc = await backend.handlers.posts.read((await backend.handlers.posts.list()).find((p) => p.path === 'posts/why-i-bill-by-the-week.md')!.id);
    await backend.handlers.recovery.write(doc.post.id, `${doc.text}\nThe paragraph only the journal has.\n`, doc.version);
    await first.crash();
    await rm(join(root, 'posts/why-i-bill-by-the-week.md'));

    const { e2e: second, dialog } = await restartToRecovery(dataDir, root);
    expect(await dialog.textContent()).toContain('posts/why-i-bill-by-the-week.md no longer exists.');
    await screenshot(second.page, 'recovery-deleted');
    await dialog.getByRole('button', { name: 'Restore as new post' }).click();

    await expect.poll(() => dialog.count(), wait).toBe(0);
    const restored = (await second.app.backend.handlers.posts.list()).filter((p) => p.title === doc.post.title);
    expect(restored).toHaveLength(1);
    expect(await readFile(join(root, restored[0]!.path), 'utf8')).toContain('The paragraph only the journal has.');
    expect(await editorDoc(second.page)).toContain('The paragraph only the journal has.');
    await expect.poll(() => journal(dataDir), wait).toEqual({});
  });

  it('Discard asks first; Decide later keeps the text for later and for the next start', async () => {
    const dataDir = await newDataDir();
    const first = await start(dataDir);
    const { root, backend } = first.app;
    const posts = await backend.handlers.posts.list();
    const docs = await Promise.all(
      ['posts/pricing-a-rewrite.md', 'posts/reading-list-summer-2024.md'].map((path) => backend.handlers.posts.read(posts.find((p) => p.path === path)!.id)),
    );
    for (const doc of docs) await backend.handlers.recovery.write(doc.post.id, `${doc.text}\nUnsaved in ${doc.post.path}.\n`, doc.version);
    await first.crash();

    const { e2e: second, dialog } = await restartToRecovery(dataDir, root);
    const { page } = second;
    const firstShown = (await dialog.textContent())!.includes(docs[0]!.post.path) ? docs[0]! : docs[1]!;
    const secondShown = firstShown === docs[0] ? docs[1]! : docs[0]!;
    expect(await dialog.textContent()).toContain('1 more after this one.');
    await dialog.getByRole('button', { name: 'Decide later' }).click();

    await expect.poll(() => dialog.textContent(), wait).toContain(secondShown.post.path);
    await dialog.getByRole('button', { name: 'Discard…' }).click();
    expect(await dialog.textContent()).toContain('will be deleted for good');
    await screenshot(page, 'recovery-discard-confirm');
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await dialog.getByRole('button', { name: 'Discard…' }).click();
    await dialog.getByRole('button', { name: 'Delete recovered text' }).click();
    await expect.poll(() => dialog.count(), wait).toBe(0);
    // The discarded one is gone from the journal; the one put off is still there.
    await expect.poll(async () => Object.values(await journal(dataDir)), wait).toEqual([`${firstShown.text}\nUnsaved in ${firstShown.post.path}.\n`]);

    // Its post says so, and the choice can be made now.
    await openPost(page, firstShown.post.title);
    const note = page.getByRole('status').filter({ hasText: 'waiting for this post' });
    await expect.poll(() => note.count(), wait).toBe(1);
    await note.getByRole('button', { name: 'Review…' }).click();
    await expect.poll(() => dialog.textContent(), wait).toContain(firstShown.post.path);
    await dialog.getByRole('button', { name: 'Decide later' }).click();
    await second.crash();
    running.splice(0);

    const third = await start(dataDir, root);
    running.push(third);
    await expect.poll(() => third.page.getByRole('dialog', { name: 'Recover unsaved text' }).textContent(), wait).toContain(firstShown.post.path);
  });

  it('quitting with unsaved changes asks first; leaving keeps the journal (only a save or a discard clears it)', async () => {
    const dataDir = await newDataDir();
    const e2e = await start(dataDir);
    running.push(e2e);
    const { page } = e2e;
    const title = (await e2e.app.backend.handlers.posts.list()).find((p) => p.path === 'posts/pricing-a-rewrite.md')!.title;
    await openPost(page, title);
    await typeAtEnd(page, typed);
    await expect.poll(async () => Object.keys(await journal(dataDir)).length, wait).toBe(1);

    expect(await closeAnswering(page, 'stay')).toEqual(['beforeunload']);
    // Stayed: the text is still in the editor and in the journal.
    expect(page.isClosed()).toBe(false);
    expect(await editorDoc(page)).toContain(typed.trim());
    expect(Object.keys(await journal(dataDir))).toHaveLength(1);

    await closeAnswering(page, 'leave');
    await expect.poll(() => page.isClosed(), wait).toBe(true);
    // Leaving is not saving: the journal is cleared only by a save or a discard, never by the page going.
    expect(Object.keys(await journal(dataDir))).toHaveLength(1);
  });
});
