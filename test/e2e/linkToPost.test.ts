// Link to post: `[[` or Mod-Shift-K opens a fuzzy pick of the other posts; the
// chosen one goes in as a relative markdown link to its file, which
// `postwright check` follows to the post.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appForSuite, caretsAfterPress, cursorAtEndOfLine, editorDoc, editorState, skipE2e } from './browser';
import { screenshotSet } from './screenshotSet';

describe.skipIf(skipE2e)('link to post', () => {
  const e2e = appForSuite();

  const picker = () => e2e.page.getByRole('dialog', { name: 'Link to post' });
  const postFile = 'posts/why-i-bill-by-the-week.md';

  it('typing [[ offers the other posts and inserts a relative link to the chosen one’s file, which check resolves', async () => {
    const { page, app } = e2e;
    await page.getByRole('listbox', { name: 'Posts' }).getByText('Why I stopped billing by the hour', { exact: true }).click();
    await expect.poll(() => editorDoc(page)).toContain('## The spreadsheet');
    await cursorAtEndOfLine(page, '## The spreadsheet');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Compare [[');
    await picker().waitFor();
    // The post being edited is not offered.
    expect(await picker().getByRole('option').allTextContents()).not.toContain(expect.stringContaining('Why I stopped billing'));
    expect(await picker().getByRole('option').count()).toBe(5);
    await page.keyboard.type('retr strat');
    await screenshotSet(page, 'link-to-post');
    // The dialog hands the editor its focus and its caret back as it closes, at once: a key typed
    // the moment after goes after the link. Typing goes on without waiting, as a quick typist's does.
    const link = '[Retries are not a strategy](../_posts/2024-03-18-retries-are-not-a-strategy.md)';
    const carets = await caretsAfterPress(page, 'Enter');
    await page.keyboard.type(' first.');
    expect(carets).toEqual({ focused: true, page: carets.editor, editor: (await editorDoc(page)).indexOf(link) + link.length });
    await expect.poll(() => picker().count()).toBe(0);
    await expect.poll(() => editorDoc(page)).toContain(`## The spreadsheet\nCompare ${link} first.\n`);

    await page.keyboard.press('Control+s');
    await expect.poll(() => readFile(join(app.root, postFile), 'utf8')).toContain(link);
    const { problems } = await app.backend.handlers.site.check();
    expect(problems.filter((p) => p.file === postFile)).toEqual([]);
  });

  it('Esc after [[ leaves the brackets as typed', async () => {
    const { page } = e2e;
    await page.keyboard.type(' See [[');
    await picker().waitFor();
    const carets = await caretsAfterPress(page, 'Escape');
    await page.keyboard.type('x');
    expect(carets).toEqual({ focused: true, page: carets.editor, editor: expect.any(Number) as number });
    await expect.poll(() => picker().count()).toBe(0);
    await expect.poll(() => editorDoc(page)).toContain('first. See [[x\n');
  });

  it('leaves [[ in code alone', async () => {
    const { page } = e2e;
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('```py\nrows[[0]] = 1');
    await expect.poll(() => editorDoc(page)).toContain('```py\nrows[[0]] = 1');
    expect(await picker().count()).toBe(0);
  });

  it('Mod-Shift-K makes the selection the link’s text, instead of deleting the line', async () => {
    const { page } = e2e;
    await cursorAtEndOfLine(page, '## Where I still count hours');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    expect(await (async () => {
      const { doc, anchor, head } = await editorState(page);
      return doc.slice(Math.min(anchor, head), Math.max(anchor, head));
    })()).toBe('Where I still count hours');
    await page.keyboard.press('Control+Shift+K');
    await picker().getByRole('combobox').fill('price rewrite');
    await page.keyboard.press('Enter');
    await expect.poll(() => editorDoc(page)).toContain('## [Where I still count hours](pricing-a-rewrite.md)\n');
  });

  it('is in the palette, and says so when no title matches', async () => {
    const { page } = e2e;
    await page.keyboard.press('Control+Shift+P');
    await page.getByRole('combobox', { name: 'Command palette' }).fill('link to post');
    await page.keyboard.press('Enter');
    await picker().getByRole('combobox').fill('zzzzqq');
    await expect.poll(() => picker().getByRole('status').textContent()).toBe('No post title matches.');
    await page.keyboard.press('Escape');
    await expect.poll(() => picker().count()).toBe(0);
  });
});
