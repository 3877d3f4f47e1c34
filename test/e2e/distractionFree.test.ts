// Distraction-free writing in a browser tab: full screen through the Fullscreen
// API with only the text left, and out again by Esc, by the same key, or when
// the browser leaves full screen itself. And on start, the post last open in
// the workspace comes back at the line it was scrolled to, remembered by the
// app (the page's storage), never in the workspace.
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appForSuite, editorState, skipE2e } from './browser';
import { screenshotSet } from './screenshotSet';
import { runCommand } from './palette';

const chrome = (page: Page) =>
  Promise.all(['.menu-bar', '.sidebar', '.post-header', '.status-bar'].map((selector) => page.locator(selector).isVisible()));
const fullScreen = (page: Page) => page.evaluate(() => document.fullscreenElement !== null);

/** The text of the first editor line with text at the top of the scroller. */
const topLine = (page: Page) =>
  page.evaluate(() => {
    const scroller = document.querySelector('.cm-scroller')!.getBoundingClientRect();
    const lines = [...document.querySelectorAll('.cm-content .cm-line')];
    return lines.find((line) => line.getBoundingClientRect().bottom > scroller.top + 4 && line.textContent)?.textContent ?? null;
  });

describe.skipIf(skipE2e)('distraction-free writing, the outline beside the text, and the last place', () => {
  const e2e = appForSuite();

  it('Ctrl+Shift+Enter goes full screen with only the text; Esc, the key again, or the browser leaving full screen end it', async () => {
    const { page } = e2e;
    await page.getByRole('listbox', { name: 'Posts' }).getByText('Auditing a forty-minute CI pipeline', { exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
    expect(await chrome(page)).toEqual([true, true, true, true]);

    await page.keyboard.press('Control+Shift+Enter');
    await expect.poll(() => chrome(page)).toEqual([false, false, false, false]);
    await expect.poll(() => fullScreen(page)).toBe(true);
    // The text keeps the keyboard.
    await page.keyboard.type('Z');
    expect((await editorState(page)).doc).toContain('Z');
    await page.keyboard.press('Backspace');
    await screenshotSet(page, 'distraction-free');

    await page.keyboard.press('Escape');
    await expect.poll(() => chrome(page)).toEqual([true, true, true, true]);
    await expect.poll(() => fullScreen(page)).toBe(false);

    await page.keyboard.press('Control+Shift+Enter');
    await expect.poll(() => fullScreen(page)).toBe(true);
    await page.keyboard.press('Control+Shift+Enter');
    await expect.poll(() => chrome(page)).toEqual([true, true, true, true]);
    await expect.poll(() => fullScreen(page)).toBe(false);

    // The browser leaves full screen by itself (its own Esc, F11): the chrome comes back with it.
    await page.keyboard.press('Control+Shift+Enter');
    await expect.poll(() => fullScreen(page)).toBe(true);
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(() => chrome(page)).toEqual([true, true, true, true]);
  });

  it('on start, reopens the last post scrolled to the same line, kept outside the workspace', async () => {
    const { page, app } = e2e;
    const before = await readdir(app.root, { recursive: true });
    await page.locator('.cm-scroller').evaluate((scroller) => (scroller.scrollTop = 900));
    const line = await topLine(page);
    expect(line).toBeTruthy();
    // Kept under the workspace's folder in the app's storage, written a moment after the scroll stops.
    await expect
      .poll(() => page.evaluate((root) => localStorage.getItem(`postwright.lastPlace:${root}`), app.root))
      .toMatch(/^\{"path":"posts\/the-forty-minute-pipeline\.md","top":[1-9]\d*,"head":\d+\}$/);

    await page.reload();
    await expect.poll(() => page.locator('.post-header').textContent()).toContain('posts/the-forty-minute-pipeline.md');
    await expect.poll(() => topLine(page)).toBe(line);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
    expect(await readdir(app.root, { recursive: true })).toEqual(before);
  });

  it('keeps the outline open beside the text when asked: it follows the text and goes to a heading', async () => {
    const { page } = e2e;
    await runCommand(page, 'View: Show or hide the outline beside the text');
    const outline = page.getByRole('navigation', { name: 'Outline' });
    await expect.poll(() => outline.getByRole('button').allTextContents()).toEqual(expect.arrayContaining(['Step one: measure, don\'t guess']));
    await outline.getByRole('button', { name: "Step one: measure, don't guess" }).click();
    await expect.poll(async () => {
      const { doc, head } = await editorState(page);
      return doc.slice(head, doc.indexOf('\n', head));
    }).toBe("Step one: measure, don't guess");
    await expect.poll(() => outline.getByRole('button', { name: "Step one: measure, don't guess" }).getAttribute('aria-current')).toBe('location');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\n## A section written just now\n');
    await expect.poll(() => outline.getByRole('button').last().textContent()).toBe('A section written just now');
    await screenshotSet(page, 'outline-panel');
    await page.keyboard.press('Control+Shift+Enter');
    await screenshotSet(page, 'outline-panel-distraction-free');
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Show or hide the outline beside the text');
    await expect.poll(() => outline.count()).toBe(0);
  });
});
