// The app with autosave off, for tests where the editor must stay unsaved
// while another program changes the post on disk.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { editorDoc, openApp, type E2e } from './browser';

/** Each step waits on another process (the bridge, the watcher); a busy machine gets time. */
export const wait = { timeout: 15_000 };

export async function openAppWithoutAutosave(): Promise<E2e> {
  const e2e = await openApp();
  await e2e.page.evaluate(() => localStorage.setItem('postwright.settings', JSON.stringify({ autosave: false })));
  await e2e.page.reload();
  return e2e;
}

/** Opens the post at `path` from the post list; returns it, its file and its text on disk. */
export async function openPostFile({ page, app }: E2e, path: string) {
  const post = (await app.backend.handlers.posts.list()).find((p) => p.path === path)!;
  await page.getByRole('listbox', { name: 'Posts' }).getByText(post.title, { exact: true }).click();
  await expect.poll(() => editorDoc(page), wait).toContain(post.title);
  const file = join(app.root, path);
  return { post, file, text: await readFile(file, 'utf8') };
}
