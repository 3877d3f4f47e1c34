// A large photo pasted into the editor, in Chromium through the bridge: the
// app offers a smaller copy before anything is saved, and the author's choice
// is what lands in the assets folder (the copy: upright, at most 2560 px, no
// EXIF or GPS; the original: byte for byte; cancel: nothing at all).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phonePhoto } from '../helpers/images';
import { editorDoc, openApp, skipE2e, type E2e } from './browser';
import { screenshotSet } from './screenshotSet';

/** Pastes `bytes` into the editor as the clipboard of a phone or file manager carries them. */
async function paste(page: Page, bytes: Buffer, name: string): Promise<void> {
  await page.locator('.cm-content').evaluate(
    (content, [base64, fileName]) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(base64!), (c) => c.charCodeAt(0))], fileName!, { type: 'image/jpeg' }));
      content.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [bytes.toString('base64'), name],
  );
}

describe.skipIf(skipE2e)('a large pasted photo', () => {
  let e2e: E2e;
  let photo: Buffer;
  let folder: string;
  const saved = () => readdir(folder).catch(() => [] as string[]);
  const offer = () => e2e.page.getByRole('dialog', { name: 'Add a smaller copy?' });

  beforeAll(async () => {
    photo = await phonePhoto();
    e2e = await openApp();
    folder = join(e2e.app.root, 'posts', 'harbour-walk.assets');
  }, 120_000);
  afterAll(() => e2e?.close());

  it('offers a smaller copy before saving, and Enter adds it: upright, 2560 px at most, without EXIF or GPS', async () => {
    const { page, app } = e2e;
    await app.backend.handlers.posts.create({ title: 'Harbour walk' });
    await page.getByRole('listbox', { name: 'Posts' }).getByText('Harbour walk', { exact: true }).click();
    await expect.poll(() => editorDoc(page)).toContain('Harbour walk');
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await paste(page, photo, 'IMG_0001.JPG');
    await expect.poll(() => offer().isVisible()).toBe(true);
    const text = await offer().textContent();
    expect(text).toContain(`IMG_0001.JPG is ${(photo.length / 1024 / 1024).toFixed(1)} MB and 3,024 × 4,032 px`);
    expect(text).toContain('The smaller copy is 1,920 × 2,560 px, turned upright');
    // Nothing is saved while the author decides.
    expect(await saved()).toEqual([]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Add smaller copy');
    await screenshotSet(page, 'large-image-offer');

    await page.keyboard.press('Enter');
    await expect.poll(saved).toEqual(['img-0001.jpg']);
    await expect.poll(() => offer().count()).toBe(0);
    await expect.poll(() => editorDoc(page)).toContain('![IMG_0001](harbour-walk.assets/img-0001.jpg)');
    const meta = await sharp(await readFile(join(folder, 'img-0001.jpg'))).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif, meta.orientation]).toEqual(['jpeg', 1920, 2560, undefined, undefined]);
  }, 180_000);

  it('adds the original byte for byte when the author keeps it', async () => {
    const { page } = e2e;
    await paste(page, photo, 'IMG_0001.JPG');
    await expect.poll(() => offer().isVisible()).toBe(true);
    await offer().getByRole('button', { name: 'Add original' }).click();
    await expect.poll(saved).toEqual(['img-0001-2.jpg', 'img-0001.jpg']);
    expect(await readFile(join(folder, 'img-0001-2.jpg'))).toEqual(photo);
    await expect.poll(() => editorDoc(page)).toContain('![IMG_0001](harbour-walk.assets/img-0001-2.jpg)');
  }, 180_000);

  it('adds nothing when the author cancels with Esc, and says nothing went wrong', async () => {
    const { page } = e2e;
    const before = await editorDoc(page);
    await paste(page, photo, 'IMG_0002.JPG');
    await expect.poll(() => offer().isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => offer().count()).toBe(0);
    expect(await saved()).toEqual(['img-0001-2.jpg', 'img-0001.jpg']);
    expect(await editorDoc(page)).toBe(before);
    expect(await page.getByRole('alert').count()).toBe(0);
  }, 120_000);
});
