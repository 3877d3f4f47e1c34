// The preview's geometry in Chromium: every sandboxed frame sits exactly where
// the mirror lays out its chunk (block for block, across chunk boundaries,
// where the mirror's boxes must give the margins the published page has),
// after opening a long post, after an edit and after a resize; and the article header follows
// the front matter as it is typed, before any save.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longPost } from '../bench/corpus';
import { openApp, skipE2e, type E2e } from './browser';

async function settled(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator('.preview-canvas').evaluate((c: HTMLElement) => c.dataset.revision !== undefined && c.dataset.settled === c.dataset.revision))
    .toBe(true);
}

/**
 * For each chunk: the tops of its blocks in the mirror and in its frame, in px
 * from the top of the preview canvas, and the room left below its frame's last
 * block (negative when the frame cuts its content off).
 */
async function blockTops(page: Page): Promise<{ mirror: number[]; frame: number[]; room: number }[]> {
  const mirror = await page.evaluate(() => {
    const canvas = document.querySelector('.preview-canvas')!.getBoundingClientRect().top;
    const boxes = [...document.querySelector('.preview-mirror')!.shadowRoot!.querySelectorAll('.pw-chunk')].filter((b) => !(b as HTMLElement).hidden);
    return boxes.map((box) => [...box.children].map((block) => Math.round(block.getBoundingClientRect().top - canvas)));
  });
  const frames = await page.locator('iframe.preview-frame').elementHandles();
  const canvasTop = await page.locator('.preview-canvas').evaluate((c) => c.getBoundingClientRect().top);
  const inFrames: { tops: number[]; room: number }[] = [];
  for (const handle of frames) {
    const box = (await handle.boundingBox())!;
    const frame = (await handle.contentFrame())!;
    const { tops, bottom } = await frame.evaluate(() => {
      const blocks = [...document.querySelector('.post-body')!.children];
      return { tops: blocks.map((block) => block.getBoundingClientRect().top), bottom: blocks.at(-1)?.getBoundingClientRect().bottom ?? 0 };
    });
    if (tops.length) inFrames.push({ tops: tops.map((t) => Math.round(t + box.y - canvasTop)), room: Math.round(box.height - bottom) });
  }
  return mirror.map((tops, i) => ({ mirror: tops, frame: inFrames[i]?.tops ?? [], room: inFrames[i]?.room ?? NaN }));
}

/**
 * Blocks whose frame copy is more than 1 px from the mirror's (or missing), as
 * "chunk:block"; frames that cut their content off or leave more room below it
 * than the gap between two blocks, as "chunk:room"; the number of chunks.
 */
async function misplaced(page: Page): Promise<{ chunks: number; off: string[] }> {
  const chunks = await blockTops(page);
  const off = chunks.flatMap(({ mirror, frame, room }, c) => [
    ...mirror.flatMap((top, b) => (frame[b] !== undefined && Math.abs(frame[b] - top) <= 1 ? [] : [`${c}:${b}`])),
    // The last frame also holds the article's bottom padding.
    ...(c < chunks.length - 1 && !(room >= 0 && room <= 60) ? [`${c}:room ${room}`] : []),
  ]);
  return { chunks: chunks.length, off };
}

async function expectAligned(page: Page): Promise<void> {
  await expect.poll(() => misplaced(page)).toEqual({ chunks: expect.any(Number), off: [] });
  expect((await misplaced(page)).chunks).toBeGreaterThan(3);
}

describe.skipIf(skipE2e)('the preview layout', () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await openApp();
    // No autosave: the header must change before anything is saved.
    await e2e.page.evaluate(() => localStorage.setItem('postwright.settings', JSON.stringify({ autosave: false })));
    await e2e.page.reload();
    await writeFile(join(e2e.app.root, 'posts', 'layout.md'), longPost(5_000));
  });
  afterAll(() => e2e?.close());

  it('places every frame where the mirror has its chunk, block for block', async () => {
    await e2e.page.getByRole('listbox', { name: 'Posts' }).getByText('A long post of 5,000 words', { exact: true }).click();
    await settled(e2e.page);
    await expectAligned(e2e.page);
  });

  it('keeps them lined up after an edit changes a chunk in the middle', async () => {
    const { page } = e2e;
    await page.locator('.cm-scroller').evaluate((s) => (s.scrollTop = s.scrollHeight / 2));
    const line = page.locator('.cm-line').filter({ hasText: /^[A-Z][a-z].{60,}/ }).first();
    await line.click({ position: { x: 40, y: 8 } });
    await page.keyboard.press('End');
    await page.keyboard.type('\n\n## A new heading\n\nA new paragraph, long enough to wrap onto a second line in the preview pane beside the editor.');
    await settled(page);
    await expectAligned(page);
  });

  it('keeps them lined up when the pane gets narrower, off-screen chunks included', async () => {
    const { page } = e2e;
    await page.setViewportSize({ width: 960, height: 700 });
    await expectAligned(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectAligned(page);
  });

  it('shows a title typed in the front matter in the header at once, before any save', async () => {
    const { page, app } = e2e;
    const mirrorTitle = () => page.evaluate(() => document.querySelector('.preview-mirror')!.shadowRoot!.querySelector('.post-title')?.textContent);
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type(' retitled');
    await expect.poll(mirrorTitle).toBe('A long post of 5,000 words retitled');
    expect(await readFile(join(app.root, 'posts', 'layout.md'), 'utf8')).toContain('title: "A long post of 5,000 words"\n');
    const first = (await page.locator('iframe.preview-frame').first().elementHandle())!;
    await expect.poll(async () => (await first.contentFrame())!.evaluate(() => document.querySelector('.post-title')?.textContent)).toBe('A long post of 5,000 words retitled');
  });
});
