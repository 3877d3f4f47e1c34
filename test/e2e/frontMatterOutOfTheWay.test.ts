// The front matter out of the writer's way: its lines hidden behind the panel
// (the text and undo untouched), the panel scrolling away with the text rather
// than pinned over it, and every date in the OS locale's one format.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appForSuite, editorDoc, editorState, openFirstPost, skipE2e } from './browser';
import { screenshotSet } from './screenshotSet';
import { runCommand } from './palette';

/** The text of the editor's rendered lines (CodeMirror draws only what it shows). */
const shownLines = (page: Page) => page.locator('.cm-content .cm-line').allTextContents();

describe.skipIf(skipE2e)('front matter out of the way', () => {
  const e2e = appForSuite();

  it('hides the YAML behind the panel; the file keeps it, the panel edits it, undo works, the caret stays in the body', async () => {
    const { page } = e2e;
    const { original } = await openFirstPost(e2e);
    const fence = original.indexOf('\n---\n', 3) + 5;
    expect(await shownLines(page)).toContain('---');
    await runCommand(page, 'View: Hide or show the front matter in the text');
    await expect.poll(() => shownLines(page)).not.toContain('---');
    expect((await shownLines(page)).some((line) => line.startsWith('title:'))).toBe(false);
    expect(await editorDoc(page)).toBe(original);
    await screenshotSet(page, 'front-matter-hidden');

    // The panel still edits the hidden YAML, and Ctrl+Z in the text takes the edit back.
    const title = page.getByRole('textbox', { name: 'Title' });
    const before = await title.inputValue();
    await title.fill(`${before} (draft two)`);
    await expect.poll(() => editorDoc(page)).toContain(`title: ${before} (draft two)`);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => editorDoc(page)).toBe(original);

    // Ctrl+Home goes to the body's first line, never into the hidden lines, and typing lands there.
    await page.keyboard.press('Control+Home');
    await expect.poll(async () => (await editorState(page)).head).toBe(fence);
    await page.keyboard.type('Lead: ');
    expect(await editorDoc(page)).toBe(`${original.slice(0, fence)}Lead: ${original.slice(fence)}`);
    await page.keyboard.press('Control+z');
    await expect.poll(() => editorDoc(page)).toBe(original);

    // Select All shows what it selects.
    await page.keyboard.press('Control+a');
    await expect.poll(() => shownLines(page)).toContain('---');
    await page.keyboard.press('Control+Home');
    await runCommand(page, 'View: Hide or show the front matter in the text');
    await expect.poll(() => shownLines(page)).toContain('---');
  });

  it('scrolls the open Details panel away with the text instead of pinning it over the text', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: 'Details' }).click();
    const panel = page.getByRole('region', { name: 'Front matter' });
    const top = async () => (await panel.boundingBox())!.y;
    const scrollerTop = async () => (await page.locator('.cm-scroller').boundingBox())!.y;
    expect(await top()).toBeGreaterThanOrEqual(await scrollerTop());
    const height = (await panel.boundingBox())!.height;
    // The text starts below the panel, not under it.
    const firstLine = (await page.locator('.cm-content .cm-line').first().boundingBox())!.y;
    expect(firstLine).toBeGreaterThanOrEqual((await top()) + height);
    await page.locator('.cm-scroller').evaluate((scroller) => (scroller.scrollTop = 400));
    await expect.poll(async () => (await top()) + height).toBeLessThan((await scrollerTop()) + height - 300);
    await screenshotSet(page, 'front-matter-details-scrolled');
    await page.locator('.cm-scroller').evaluate((scroller) => (scroller.scrollTop = 0));
    await expect.poll(top).toBeGreaterThanOrEqual(await scrollerTop());
    await page.getByRole('button', { name: 'Details' }).click();
  });

  it('shows every date in the browser’s locale, one format: the post list and the panel', async () => {
    const { page, app } = e2e;
    const session = await page.context().newCDPSession(page);
    for (const [locale, shown] of [
      ['de-DE', '06.05.2024'],
      ['en-GB', '6 May 2024'],
      ['en-US', 'May 6, 2024'],
    ] as const) {
      await session.send('Emulation.setLocaleOverride', { locale });
      await page.reload();
      const row = page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: /Auditing a forty-minute CI pipeline/ });
      await expect.poll(() => row.locator('time').textContent()).toBe(shown);
      await row.click();
      await expect.poll(() => page.getByRole('region', { name: 'Front matter' }).locator('.fm-summary').first().textContent()).toMatch(new RegExp(`^${shown.replaceAll('.', '\\.')} · `));
      if (locale === 'de-DE') await screenshotSet(page, 'dates-de-DE');
    }
    expect((await app.backend.handlers.posts.list()).find((p) => p.title === 'Auditing a forty-minute CI pipeline')?.date).toMatch(/^2024-05-06/);
    await session.send('Emulation.setLocaleOverride', {});
  });
});
