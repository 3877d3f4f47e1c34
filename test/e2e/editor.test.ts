// The writing experience in real Chromium: formatting shortcuts, lists, the
// command palette, the outline, focus and typewriter modes, settings, autosave.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appForSuite, editorState, screenshot, skipE2e } from './browser';

describe.skipIf(skipE2e)('the editor in Chromium', () => {
  const e2e = appForSuite();

  const doc = async () => (await editorState(e2e.page)).doc;
  const focusedInEditor = () => e2e.page.evaluate(() => document.activeElement?.classList.contains('cm-content') ?? false);
  const openPost = async (path: string) => {
    const post = (await e2e.app.backend.handlers.posts.list()).find((p) => p.path === path)!;
    await e2e.page.getByRole('listbox', { name: 'Posts' }).getByText(post.title, { exact: true }).click();
    await expect.poll(doc).toContain(post.title);
    return post;
  };

  it('formats with shortcuts and continues lists, leaving the front matter alone', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: 'New post' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.getByLabel('Title').fill('Shortcuts in a real browser');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect.poll(doc).toContain('Shortcuts in a real browser');
    const frontMatter = await doc();

    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Plain ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('bold');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' and ');
    await page.keyboard.press('Control+i');
    await page.keyboard.type('italic');
    await page.keyboard.press('Control+i');
    await page.keyboard.type(' and ');
    await page.keyboard.press('Control+e');
    await page.keyboard.type('code');
    await page.keyboard.press('Control+e');
    await page.keyboard.type('.');
    await page.keyboard.press('Control+Shift+h');
    await page.keyboard.press('Control+Shift+h');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Shift+8');
    await page.keyboard.type('first');
    await page.keyboard.press('Enter');
    await page.keyboard.type('second');
    await page.keyboard.press('Enter');
    // Enter on an empty item ends the list, with the blank line that keeps the next paragraph out of it.
    await page.keyboard.press('Enter');
    await page.keyboard.type('See ');
    await page.keyboard.type('the docs');
    for (let i = 0; i < 'the docs'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('https://example.org');

    expect(await doc()).toBe(`${frontMatter}## Plain **bold** and *italic* and \`code\`.\n\n- first\n- second\n\nSee [the docs](https://example.org)`);
  });

  it('opens the palette with Mod-Shift-P, filters, runs a command and gives the editor back the keyboard', async () => {
    const { page } = e2e;
    await page.keyboard.press('Control+Shift+p');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await expect.poll(() => palette.isVisible()).toBe(true);
    // Every command shows its shortcut.
    expect(await palette.getByRole('option', { name: /Format: Bold/ }).textContent()).toContain('Ctrl+B');
    await palette.getByRole('combobox').fill('heading');
    await screenshot(page, 'e2e-palette-filtered');
    const first = palette.getByRole('option').first();
    expect(await first.getAttribute('aria-selected')).toBe('true');
    expect(await first.textContent()).toContain('Format: Heading');
    await page.keyboard.press('Enter');
    await expect.poll(() => palette.count()).toBe(0);
    await expect.poll(doc).toContain('\n# See [the docs]');
    expect(await focusedInEditor()).toBe(true);

    // Arrow keys move; Esc closes without running anything.
    await page.keyboard.press('Control+Shift+p');
    await palette.getByRole('combobox').fill('toggle');
    const before = await palette.getByRole('option', { selected: true }).textContent();
    await page.keyboard.press('ArrowDown');
    expect(await palette.getByRole('option', { selected: true }).textContent()).not.toBe(before);
    const text = await doc();
    await page.keyboard.press('Escape');
    await expect.poll(() => palette.count()).toBe(0);
    expect(await doc()).toBe(text);
    expect(await focusedInEditor()).toBe(true);

    await page.keyboard.press('Control+Shift+p');
    await palette.getByRole('combobox').fill('zzzz nothing');
    expect(await palette.getByRole('status').textContent()).toBe('No command matches.');
    await page.keyboard.press('Escape');
  });

  it('autosaves after a pause in typing: the file changes on disk without Mod-S', async () => {
    const { page, app } = e2e;
    const post = await openPost('posts/pricing-a-rewrite.md');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nA line nobody saved by hand.');
    await expect.poll(() => page.getByLabel('Unsaved changes').count()).toBe(1);
    await expect.poll(() => readFile(join(app.root, post.path), 'utf8'), { timeout: 15_000 }).toContain('A line nobody saved by hand.');
    await expect.poll(() => page.getByText('Saved ✓', { exact: true }).count()).toBe(1);
  });

  it('jumps to a heading from the outline and brings it to the top', async () => {
    const { page } = e2e;
    await openPost('posts/reading-list-summer-2024.md');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Shift+o');
    const outline = page.getByRole('dialog', { name: 'Outline' });
    const options = outline.getByRole('option');
    await expect.poll(() => options.count()).toBe(7);
    expect(await options.allTextContents()).toContain('Simple Made Easy — Rich HickeyH3');
    await outline.getByRole('combobox').fill('essays');
    await page.keyboard.press('Enter');
    await expect.poll(() => outline.count()).toBe(0);

    // The jump runs in the frame after the dialog closes: wait for it rather than read the state at once.
    await expect.poll(async () => {
      const { doc: text, head } = await editorState(page);
      return text.slice(head).startsWith('Essays and articles');
    }).toBe(true);
    expect(await focusedInEditor()).toBe(true);
    // The heading's line sits at the top of the editor, not merely somewhere in view.
    const offset = () =>
      page.evaluate(() => {
        const scroller = document.querySelector('.cm-scroller')!.getBoundingClientRect();
        const cursor = document.querySelector('.cm-cursor-primary')!.getBoundingClientRect();
        return cursor.top - scroller.top;
      });
    await expect.poll(async () => { const top = await offset(); return top >= 0 && top < 80; }).toBe(true);
  });

  it('focus mode dims the other paragraphs; typewriter mode keeps the cursor line in the middle', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByLabel('Focus mode').check();
    await settings.getByLabel('Typewriter scrolling').check();
    await settings.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => settings.count()).toBe(0);

    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('.cm-line.cm-dimmed').count()).toBeGreaterThan(5);
    const cursorLineDimmed = await page.evaluate(() => {
      const cursor = document.querySelector('.cm-cursor-primary')!.getBoundingClientRect();
      const line = [...document.querySelectorAll('.cm-line')].find((l) => {
        const r = l.getBoundingClientRect();
        return r.top <= cursor.top + 2 && r.bottom >= cursor.bottom - 2;
      });
      return line?.classList.contains('cm-dimmed');
    });
    expect(cursorLineDimmed).toBe(false);
    const fromCentre = () =>
      page.evaluate(() => {
        const scroller = document.querySelector('.cm-scroller')!.getBoundingClientRect();
        const cursor = document.querySelector('.cm-cursor-primary')!.getBoundingClientRect();
        return Math.abs((cursor.top + cursor.bottom) / 2 - (scroller.top + scroller.bottom) / 2);
      });
    await expect.poll(fromCentre).toBeLessThan(40);
    await screenshot(page, 'e2e-focus-typewriter');

    // Switched off from the palette, the editor goes back to normal at once.
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    for (const name of ['View: Toggle focus mode', 'View: Toggle typewriter scrolling']) {
      await page.keyboard.press('Control+Shift+p');
      await palette.getByRole('combobox').fill(name);
      await expect.poll(() => palette.getByRole('option', { selected: true }).textContent()).toContain(name);
      await page.keyboard.press('Enter');
      await expect.poll(() => palette.count()).toBe(0);
    }
    await expect.poll(() => page.locator('.cm-line.cm-dimmed').count()).toBe(0);
    await expect.poll(() => page.locator('.cm-editor.cm-typewriter').count()).toBe(0);
  });

  it('Settings: typeface, spellcheck and the autosave delay apply at once and persist', async () => {
    const { page } = e2e;
    await page.keyboard.press('Control+,');
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByRole('radio', { name: 'Mono' }).check();
    await expect.poll(() => page.locator("html[data-editor-font='mono']").count()).toBe(1);
    await settings.getByLabel('Check spelling').uncheck();
    expect(await page.locator('.cm-content').getAttribute('spellcheck')).toBe('false');
    const delay = settings.getByLabel('Pause before saving');
    await delay.fill('0');
    expect(await settings.getByText('Enter a pause between 0.2 and 60 seconds').count()).toBe(1);
    await delay.fill('2.5');
    await settings.getByRole('button', { name: 'Done' }).click();
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('postwright.settings') ?? '{}'));
    expect(stored).toMatchObject({ editorFont: 'mono', spellcheck: false, autosaveDelayMs: 2500 });
    await page.reload();
    await openPost('posts/reading-list-summer-2024.md');
    expect(await page.locator("html[data-editor-font='mono']").count()).toBe(1);
    expect(await page.locator('.cm-content').getAttribute('spellcheck')).toBe('false');
  });
});
