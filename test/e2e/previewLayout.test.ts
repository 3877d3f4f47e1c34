// The preview's geometry in Chromium: every sandboxed frame sits exactly where
// the mirror lays out its chunk (block for block, across chunk boundaries,
// where the mirror's boxes must give the margins the published page has),
// after opening a long post and after an edit; and the article header follows
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

/** For each chunk: the tops of its blocks in the mirror and in its frame, in px from the top of the preview canvas. */
async function blockTops(page: Page): Promise<{ mirror: number[]; frame: number[] }[]> {
  const mirror = await page.evaluate(() => {
    const canvas = document.querySelector('.preview-canvas')!.getBoundingClientRect().top;
    const boxes = [...document.querySelector('.preview-mirror')!.shadowRoot!.querySelectorAll('.pw-chunk')].filter((b) => !(b as HTMLElement).hidden);
    return boxes.map((box) => [...box.children].map((block) => Math.round(block.getBoundingClientRect().top - canvas)));
  });
  const frames = await page.locator('iframe.preview-frame').elementHandles();
  const canvasTop = await page.locator('.preview-canvas').evaluate((c) => c.getBoundingClientRect().top);
  const inFrames: number[][] = [];
  for (const handle of frames) {
    const top = (await handle.boundingBox())!.y - canvasTop;
    const frame = (await handle.contentFrame())!;
    const tops = await frame.evaluate(() => [...document.querySelector('.post-body')!.children].map((block) => block.getBoundingClientRect().top));
    if (tops.length) inFrames.push(tops.map((t) => Math.round(t + top)));
  }
  return mirror.map((tops, i) => ({ mirror: tops, frame: inFrames[i] ?? [] }));
}

function expectAligned(chunks: { mirror: number[]; frame: number[] }[]): void {
  expect(chunks.length).toBeGreaterThan(3);
  for (const { mirror, frame } of chunks) {
    expect(frame).toHaveLength(mirror.length);
    frame.forEach((top, i) => expect(Math.abs(top - mirror[i]!)).toBeLessThanOrEqual(1));
  }
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
    expectAligned(await blockTops(e2e.page));
  });

  it('keeps them lined up after an edit changes a chunk in the middle', async () => {
    const { page } = e2e;
    await page.locator('.cm-scroller').evaluate((s) => (s.scrollTop = s.scrollHeight / 2));
    const line = page.locator('.cm-line').filter({ hasText: /^[A-Z][a-z].{60,}/ }).first();
    await line.click({ position: { x: 40, y: 8 } });
    await page.keyboard.press('End');
    await page.keyboard.type('\n\n## A new heading\n\nA new paragraph, long enough to wrap onto a second line in the preview pane beside the editor.');
    await settled(page);
    expectAligned(await blockTops(page));
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
