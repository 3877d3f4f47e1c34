// The renderer shell in real Chromium, through the browser bridge, on a temp copy of the sample blog.
import { access, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appForSuite, editorDoc, openApp, screenshot, skipE2e } from './browser';

const exists = (path: string) => access(path).then(() => true, () => false);

describe.skipIf(skipE2e)('the app in Chromium', () => {
  const e2e = appForSuite();

  const posts = () => e2e.app.backend.handlers.posts.list();
  const editorText = () => editorDoc(e2e.page);

  it('opens the sample blog and lists every post', async () => {
    const { page } = e2e;
    // Pages (the About page) are listed apart, under Pages.
    const all = (await posts()).filter((post) => post.kind !== 'page');
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const post of all) await expect.poll(() => page.getByText(post.title, { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'e2e-sample-blog');
  });

  it('filters the list by text', async () => {
    const { page } = e2e;
    const [first, second] = await posts();
    await page.getByLabel('Filter posts').fill(first!.title);
    await expect.poll(() => page.getByText(second!.title, { exact: true }).count()).toBe(0);
    await expect.poll(() => page.getByText(first!.title, { exact: true }).count()).toBeGreaterThan(0);
    await page.getByLabel('Filter posts').fill('');
  });

  it('creates a post, takes typing, saves with Mod-S and writes the file', async () => {
    const { page, app } = e2e;
    await page.getByRole('button', { name: 'New post' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.getByLabel('Title').fill('Field notes from the e2e suite');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect.poll(editorText).toContain('Field notes from the e2e suite');

    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nTyped in a real browser, saved by Mod-S.');
    await expect.poll(() => page.getByLabel('Unsaved changes').count()).toBeGreaterThan(0);
    await page.keyboard.press('Control+s');
    // Not getByText('Saved'): text matching ignores case and would find "Unsaved".
    await expect.poll(() => page.getByLabel('Unsaved changes').count()).toBe(0);
    await expect.poll(() => page.getByText('Saved ✓', { exact: true }).count()).toBe(1);

    const created = (await posts()).find((p) => p.title === 'Field notes from the e2e suite');
    expect(created).toBeDefined();
    const onDisk = await readFile(join(app.root, created!.path), 'utf8');
    expect(onDisk).toContain('Typed in a real browser, saved by Mod-S.');
    expect(onDisk).toMatch(/^---\n[\s\S]*draft: true[\s\S]*\n---\n/);
    await screenshot(page, 'e2e-new-post');
  });

  it('follows an edit made by another program: the list and the open editor update', async () => {
    const { page, app } = e2e;
    const target = (await posts()).find((p) => !p.error && !p.title.startsWith('Field notes'))!;
    await page.getByText(target.title, { exact: true }).first().click();
    await expect.poll(editorText).toContain(target.title);

    const file = join(app.root, target.path);
    const text = await readFile(file, 'utf8');
    const edited = text.replace(`title: ${target.title}`, 'title: Retitled in another editor') + '\nA paragraph added by another program.\n';
    expect(edited).toContain('Retitled in another editor');
    await writeFile(file, edited);

    await expect.poll(editorText, { timeout: 10_000 }).toContain('A paragraph added by another program.');
    await expect.poll(() => page.getByText('Retitled in another editor', { exact: true }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it('on a save conflict shows both versions, and keeping mine saves the other as a copy', async () => {
    const { page, app } = e2e;
    const target = (await posts()).find((p) => p.title === 'Retitled in another editor')!;
    const file = join(app.root, target.path);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nMy unsaved line.');
    await writeFile(file, (await readFile(file, 'utf8')) + '\nTheir line, written while I typed.\n');
    // The watcher tells the page; it says so quietly and keeps my text.
    await expect.poll(() => page.locator('.disk-note').textContent(), { timeout: 10_000 }).toContain('changed on disk');
    await page.keyboard.press('Control+s');

    const dialog = page.getByRole('dialog', { name: 'This post changed on disk' });
    await expect.poll(() => dialog.textContent()).toContain('Their line, written while I typed.');
    expect(await dialog.textContent()).toContain('My unsaved line.');
    await screenshot(page, 'e2e-conflict');
    await dialog.getByRole('button', { name: 'Keep mine' }).click();

    await expect.poll(() => readFile(file, 'utf8')).toContain('My unsaved line.');
    expect(await readFile(file, 'utf8')).not.toContain('Their line');
    const dir = join(app.root, target.path, '..');
    const copies = (await readdir(dir)).filter((f) => f.includes('.conflict-'));
    expect(copies).toHaveLength(1);
    expect(await readFile(join(dir, copies[0]!), 'utf8')).toContain('Their line, written while I typed.');
  });
  it('renames a post: the slug, the file and its assets folder move together', async () => {
    const { page, app } = e2e;
    const target = (await posts()).find((p) => p.path === 'posts/the-forty-minute-pipeline.md')!;
    await page.getByRole('listbox', { name: 'Posts' }).getByText(target.title, { exact: true }).click();
    // A post opens at its top (its first line in view), not at the previous post's scroll offset.
    await expect.poll(() => page.locator('.cm-scroller').evaluate((el) => el.scrollTop)).toBe(0);
    await page.getByRole('button', { name: 'Rename post' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename post' });
    await dialog.getByLabel('Slug').fill('forty-minutes');
    await screenshot(page, 'e2e-rename');
    await dialog.getByRole('button', { name: 'Rename' }).click();

    // The header shows the new path once the rename has finished: the file moves before its assets folder.
    await expect.poll(() => page.getByText('posts/forty-minutes.md').count()).toBeGreaterThan(0);
    expect(await exists(join(app.root, 'posts/forty-minutes.md'))).toBe(true);
    expect(await exists(join(app.root, 'posts/the-forty-minute-pipeline.md'))).toBe(false);
    expect(await exists(join(app.root, 'posts/forty-minutes.assets/stage-durations.png'))).toBe(true);
    const text = await readFile(join(app.root, 'posts/forty-minutes.md'), 'utf8');
    expect(text).toContain('](forty-minutes.assets/stage-durations.png)');
  });

  it('deletes a post to the trash after asking', async () => {
    const { page, app } = e2e;
    const target = (await posts()).find((p) => p.path.startsWith('_posts/'))!;
    await page.getByRole('listbox', { name: 'Posts' }).getByText(target.title, { exact: true }).click();
    await page.getByRole('button', { name: 'Delete post' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete post' });
    expect(await dialog.textContent()).toContain(target.path);
    await dialog.getByRole('button', { name: 'Move to Trash' }).click();

    await expect.poll(() => exists(join(app.root, target.path))).toBe(false);
    await expect.poll(() => page.getByRole('listbox', { name: 'Posts' }).getByText(target.title, { exact: true }).count()).toBe(0);
    expect(await readFile(join(app.trashDir, target.path.replaceAll('/', '_')), 'utf8')).toContain(target.title);
  });
});


describe.skipIf(skipE2e)('the app at 900×700 in dark mode', () => {
  it('renders the list and the editor', async () => {
    const e2e = await openApp({ width: 900, height: 700 });
    try {
      await e2e.page.emulateMedia({ colorScheme: 'dark' });
      const [first] = await e2e.app.backend.handlers.posts.list();
      await e2e.page.getByText(first!.title, { exact: true }).first().click();
      await expect.poll(() => e2e.page.locator('.cm-content').textContent()).toContain(first!.title);
      const background = await e2e.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = background.match(/\d+/g)!.map(Number);
      expect(r! + g! + b!).toBeLessThan(3 * 80);
      await screenshot(e2e.page, 'e2e-dark-900');
    } finally {
      await e2e.close();
    }
  });
});
