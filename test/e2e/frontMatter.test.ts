// The front-matter panel in Chromium: field edits change the YAML in the
// editor, YAML typed in the editor shows in the fields, broken YAML is shown
// with its line and loses nothing, and what is saved keeps unknown keys.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appForSuite, cursorAtEndOfLine, editorDoc, editorState, openApp, screenshot, skipE2e } from './browser';

const panel = (page: Page) => page.getByRole('region', { name: 'Front matter' });
const titleField = (page: Page) => panel(page).getByLabel('Title', { exact: true });

async function openPost(page: Page, title: string) {
  await page.getByRole('listbox', { name: 'Posts' }).getByText(title, { exact: true }).click();
  await expect.poll(() => titleField(page).inputValue()).toBe(title);
}

async function showDetails(page: Page) {
  const toggle = panel(page).getByRole('button', { name: 'Details' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

describe.skipIf(skipE2e)('the front-matter panel', () => {
  const e2e = appForSuite();

  const file = (path: string) => join(e2e.app.root, path);

  it('writes title, tags and draft edits into the YAML, keeping the rest of it', async () => {
    const { page } = e2e;
    await openPost(page, 'Why I stopped billing by the hour');
    const before = await editorDoc(page);

    await titleField(page).click();
    await page.keyboard.press('End');
    await page.keyboard.type(', mostly');
    await expect.poll(() => editorDoc(page)).toContain('\ntitle: Why I stopped billing by the hour, mostly\n');

    await showDetails(page);
    const tagInput = panel(page).locator('.tag-input');
    await tagInput.click();
    await page.keyboard.type('essays');
    await page.keyboard.press('Enter');
    await page.keyboard.type('money,');
    await expect.poll(() => editorDoc(page)).toContain('\ntags: [consulting, pricing, essays, money]\n');
    // Backspace in the empty input takes the last tag off; × takes off its own.
    await page.keyboard.press('Backspace');
    await expect.poll(() => editorDoc(page)).toContain('\ntags: [consulting, pricing, essays]\n');
    await panel(page).getByRole('button', { name: 'Remove tag pricing' }).click();
    await expect.poll(() => editorDoc(page)).toContain('\ntags: [consulting, essays]\n');

    await panel(page).getByRole('switch', { name: 'Draft' }).check();
    await expect.poll(() => editorDoc(page)).toContain('\nlayout: long-read\ndraft: true\n---\n');

    // Only the edited values changed: every other line is as it was.
    const after = await editorDoc(page);
    const changed = after.split('\n').filter((line) => !before.split('\n').includes(line));
    expect(changed).toEqual(['title: Why I stopped billing by the hour, mostly', 'tags: [consulting, essays]', 'draft: true']);
    await screenshot(page, 'front-matter-open');
  });

  it('undoes a burst of typing in the title as one step, from the title field', async () => {
    const { page } = e2e;
    await titleField(page).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' (again)');
    await expect.poll(() => titleField(page).inputValue()).toBe('Why I stopped billing by the hour, mostly (again)');
    await page.keyboard.press('Control+z');
    await expect.poll(() => titleField(page).inputValue()).toBe('Why I stopped billing by the hour, mostly');
    expect(await editorDoc(page)).toContain('\ntitle: Why I stopped billing by the hour, mostly\n');
  });

  it('shows YAML typed in the editor in the fields', async () => {
    const { page } = e2e;
    await cursorAtEndOfLine(page, 'title: ');
    await page.keyboard.type(' (revised)');
    await expect.poll(() => titleField(page).inputValue()).toBe('Why I stopped billing by the hour, mostly (revised)');
    await cursorAtEndOfLine(page, 'draft: true');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('false');
    await expect.poll(() => panel(page).getByRole('switch', { name: 'Draft' }).isChecked()).toBe(false);
  });

  it('shows broken YAML inline with its line, makes the fields read-only, and recovers when fixed', async () => {
    const { page } = e2e;
    await cursorAtEndOfLine(page, 'author: ');
    await page.keyboard.type(': oops');
    const error = panel(page).getByRole('status');
    await expect.poll(() => error.textContent()).toMatch(/Front matter line 6:/);
    const text = await editorDoc(page);
    expect(text).toContain('author: Ines Hartmann: oops');
    expect(await titleField(page).getAttribute('readonly')).not.toBeNull();
    // Typing into a read-only field changes nothing.
    await titleField(page).click();
    await page.keyboard.type('xyz');
    expect(await editorDoc(page)).toBe(text);
    // The title still shows, from the last YAML that could be read.
    expect(await titleField(page).inputValue()).toBe('Why I stopped billing by the hour, mostly (revised)');
    await screenshot(page, 'front-matter-error');

    await panel(page).getByRole('button', { name: 'Go to line 6' }).click();
    // The button puts the cursor at the start of the broken line, with the keyboard in the editor.
    await expect.poll(async () => (await editorState(page)).head).toBe(text.indexOf('\nauthor: ') + 1);
    await page.keyboard.press('End');
    for (let i = 0; i < ': oops'.length; i++) await page.keyboard.press('Backspace');
    await expect.poll(() => error.count()).toBe(0);
    expect(await titleField(page).getAttribute('readonly')).toBeNull();
  });

  it('saves a file that keeps unknown keys and key order', async () => {
    const { page } = e2e;
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByText('Saved ✓', { exact: true }).count()).toBe(1);
    const onDisk = await readFile(file('posts/why-i-bill-by-the-week.md'), 'utf8');
    expect(onDisk).toMatch(
      /^---\ntitle: Why I stopped billing by the hour, mostly \(revised\)\ndate: 2024-01-22\ntags: \[consulting, essays\]\ndescription: .*\nauthor: Ines Hartmann\nlayout: long-read\ndraft: false\n---\n/,
    );
  });

  it('creates front matter on the first field edit of a post without any', async () => {
    const { page, app } = e2e;
    await writeFile(file('posts/bare-note.md'), 'Just a note, no front matter.\n');
    await expect.poll(async () => (await app.backend.handlers.posts.list()).some((p) => p.path === 'posts/bare-note.md')).toBe(true);
    await page.getByRole('listbox', { name: 'Posts' }).getByText('bare-note', { exact: true }).click();
    await expect.poll(() => editorDoc(page)).toBe('Just a note, no front matter.\n');
    // A pasted line break would end the YAML value: the title stays one line.
    await titleField(page).fill('A bare\nnote');
    await expect.poll(() => editorDoc(page)).toBe('---\ntitle: A bare note\n---\nJust a note, no front matter.\n');
    // Enter in the title goes on to the text, where the body starts.
    await titleField(page).press('Enter');
    await page.keyboard.type('Now ');
    await expect.poll(() => editorDoc(page)).toBe('---\ntitle: A bare note\n---\nNow Just a note, no front matter.\n');
  });

  it('edits TOML front matter in place, and shows ---js as unsupported without rewriting it', async () => {
    const { page, app } = e2e;
    const toml = '+++\ntitle = "From Hugo"  # kept\n[params]\n  x = 1\n+++\nBody.\n';
    await writeFile(file('posts/hugo-toml.md'), toml);
    await expect.poll(async () => (await app.backend.handlers.posts.list()).some((p) => p.path === 'posts/hugo-toml.md')).toBe(true);
    await page.getByRole('listbox', { name: 'Posts' }).getByText('From Hugo', { exact: true }).click();
    await expect.poll(() => titleField(page).inputValue()).toBe('From Hugo');
    await titleField(page).fill('From Postwright');
    await expect.poll(() => editorDoc(page)).toBe(toml.replace('"From Hugo"', '"From Postwright"'));

    const js = '---js\n{ title: "Run me" }\n---\nBody.\n';
    await writeFile(file('posts/eleventy-js.md'), js);
    await expect.poll(async () => (await app.backend.handlers.posts.list()).some((p) => p.path === 'posts/eleventy-js.md')).toBe(true);
    await page.getByRole('listbox', { name: 'Posts' }).getByText('eleventy-js', { exact: true }).click();
    await expect.poll(() => panel(page).getByRole('status').textContent()).toMatch(/never runs code from a post/);
    await titleField(page).click();
    await page.keyboard.type('Typed');
    await showDetails(page);
    expect(await panel(page).getByRole('switch', { name: 'Draft' }).isDisabled()).toBe(true);
    expect(await editorDoc(page)).toBe(js);
  });
});

describe.skipIf(skipE2e)('the front-matter panel in both themes, at 1280×800 and 900×700', { timeout: 120_000 }, () => {
  it('lines the title up with the text, and shows the panel open, folded and with an error', async () => {
    const e2e = await openApp();
    try {
      const { page } = e2e;
      // Screenshots without the chevron caught mid-turn.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await openPost(page, 'Auditing a forty-minute CI pipeline');
      const toggle = panel(page).getByRole('button', { name: 'Details' });
      for (const { width, height } of [{ width: 1280, height: 800 }, { width: 900, height: 700 }]) {
        await page.setViewportSize({ width, height });
        for (const theme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: theme });
          const name = `front-matter-${theme}-${width}`;
          if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
          await page.mouse.move(0, 0);
          // The title starts where the text below it starts, with the editor alone and beside the preview.
          for (const mode of ['Editor', 'Split']) {
            await page.getByRole('button', { name: mode, exact: true }).click();
            // The layout settles a frame or more after the click; measure once it has.
            await expect.poll(async () => {
              const title = await titleField(page).boundingBox();
              const text = await page.locator('.cm-line').first().boundingBox();
              return Math.abs(title!.x + 6 - text!.x);
            }, { message: `${name} ${mode}`, timeout: 15_000 }).toBeLessThanOrEqual(2);
          }
          await screenshot(page, `${name}-folded`);

          await toggle.click();
          await panel(page).locator('.tag-input').focus();
          await expect.poll(async () => (await panel(page).boundingBox())!.height, { message: name, timeout: 15_000 }).toBeLessThanOrEqual(height * 0.55);
          await screenshot(page, `${name}-open`);

          await cursorAtEndOfLine(page, 'date: ');
          await page.keyboard.type(': x');
          await expect.poll(() => panel(page).getByRole('status').textContent()).toMatch(/Front matter line 3:/);
          await screenshot(page, `${name}-error`);
          for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
          await expect.poll(() => panel(page).getByRole('status').count()).toBe(0);
        }
      }
    } finally {
      await e2e.close();
    }
  });
});
