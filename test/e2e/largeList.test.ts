// A workspace of 3,000 posts in Chromium: the sidebar list is virtualized (only
// the rows in view are in the DOM) and still works from the keyboard.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, skipE2e, type E2e } from './browser';

const COUNT = 3000;
const pad = (n: number) => String(n).padStart(4, '0');
const dayMs = 24 * 60 * 60 * 1000;
/** Post i is dated i days after 2015-01-01, so the list (newest first) ends with post 0. */
const dateOf = (i: number) => new Date(Date.UTC(2015, 0, 1) + i * dayMs).toISOString().slice(0, 10);
/** One post in 250 mentions zebras: 12 of them. */
const isZebra = (i: number) => i % 250 === 125;
function titleOf(i: number): string {
  if (i === 0) return 'The oldest post of all';
  if (isZebra(i)) return `Zebra crossing notes ${pad(i)}`;
  // Some titles wrap to two lines, so rows differ in height.
  if (i % 7 === 0) return `Post ${pad(i)}: a much longer title about the deploy pipeline that wraps onto a second line`;
  return `Post ${pad(i)}`;
}

describe.skipIf(skipE2e)('a workspace of 3,000 posts', () => {
  let source: string;
  let e2e: E2e;
  beforeAll(async () => {
    source = await mkdtemp(join(tmpdir(), 'postwright-large-'));
    await writeFile(join(source, 'postwright.json'), JSON.stringify({ title: 'Large', baseUrl: 'https://example.com/' }));
    await mkdir(join(source, 'posts'));
    for (let i = 0; i < COUNT; i++) {
      const text = `---\ntitle: ${JSON.stringify(titleOf(i))}\ndate: ${dateOf(i)}\ntags: [bulk]\n---\n\nBody of post ${i}.\n`;
      await writeFile(join(source, 'posts', `post-${pad(i)}.md`), text);
    }
    e2e = await openApp(undefined, source);
  });
  afterAll(async () => {
    await e2e?.close();
    await rm(source, { recursive: true, force: true });
  });

  const list = () => e2e.page.getByRole('listbox', { name: 'Posts' });
  const options = () => list().getByRole('option');
  /** Whether the element's box lies within the list's scrolling area. */
  const inView = (selector: string) =>
    e2e.page.evaluate((selector) => {
      const el = document.querySelector(selector);
      const scroller = document.querySelector('[role="listbox"]')?.parentElement;
      if (!el || !scroller) return false;
      const box = el.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      return box.height > 0 && box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
    }, selector);
  const focused = () =>
    e2e.page.evaluate(() => {
      const el = document.activeElement;
      return { title: el?.querySelector('.post-title')?.textContent ?? null, posinset: el?.getAttribute('aria-posinset') ?? null };
    });

  it('counts every post but renders only the rows in view', async () => {
    const { page } = e2e;
    await page.getByText('3,000 posts', { exact: true }).waitFor({ timeout: 30_000 });
    const rendered = await options().count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    const first = options().first();
    expect(await first.getAttribute('aria-setsize')).toBe(String(COUNT));
    expect(await first.getAttribute('aria-posinset')).toBe('1');
    expect(await first.textContent()).toContain(titleOf(COUNT - 1));
    await screenshot(page, 'large-list-1280-light');
  });

  it('reaches the last post with End from the filter field, and back with Home', async () => {
    const { page } = e2e;
    await page.getByLabel('Filter posts').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toEqual({ title: titleOf(COUNT - 1), posinset: '1' });

    await page.keyboard.press('End');
    await expect.poll(focused).toEqual({ title: titleOf(0), posinset: String(COUNT) });
    await expect.poll(() => inView(`[aria-posinset="${COUNT}"]`)).toBe(true);
    expect(await options().count()).toBeLessThan(100);
    await screenshot(page, 'large-list-end-1280-light');

    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toEqual({ title: titleOf(1), posinset: String(COUNT - 1) });
    await page.keyboard.press('PageUp');
    const afterPage = Number((await focused()).posinset);
    expect(afterPage).toBeLessThan(COUNT - 5);
    await expect.poll(() => inView(`[aria-posinset="${afterPage}"]`)).toBe(true);

    await page.keyboard.press('Home');
    await expect.poll(focused).toEqual({ title: titleOf(COUNT - 1), posinset: '1' });
    await expect.poll(() => inView('[aria-posinset="1"]')).toBe(true);
  });

  it('opens the focused post with Enter', async () => {
    const { page } = e2e;
    await page.keyboard.press('End');
    await expect.poll(focused).toEqual({ title: titleOf(0), posinset: String(COUNT) });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.cm-content').textContent()).toContain('Body of post 0.');
    expect(await list().locator('[aria-selected="true"]').textContent()).toContain(titleOf(0));
  });

  it('filters to the right matches, and keeps the open post in view when the filter is cleared', async () => {
    const { page } = e2e;
    const zebras = Array.from({ length: COUNT }, (_, i) => i).filter(isZebra);
    await page.getByLabel('Filter posts').fill('zebra');
    await page.getByText(`${zebras.length} of 3,000 posts`, { exact: true }).waitFor();
    const titles = await options().locator('.post-title').allTextContents();
    expect(titles).toEqual(zebras.reverse().map(titleOf));
    expect(await options().first().getAttribute('aria-setsize')).toBe(String(zebras.length));

    // Open one, clear the filter: it stays selected and in view among 3,000.
    await list().getByText(titleOf(1625), { exact: true }).click();
    await expect.poll(() => page.locator('.cm-content').textContent()).toContain('Body of post 1625.');
    await page.getByLabel('Filter posts').fill('');
    await page.getByText('3,000 posts', { exact: true }).waitFor();
    const selected = list().locator('[aria-selected="true"]');
    await expect.poll(() => selected.textContent()).toContain(titleOf(1625));
    await expect.poll(() => inView('[role="option"][aria-selected="true"]')).toBe(true);
  });

  it('keeps its looks in both themes, at 1280×800 and 900×700', async () => {
    const { page } = e2e;
    await page.getByLabel('Filter posts').fill('');
    await page.getByText('3,000 posts', { exact: true }).waitFor();
    for (const [width, height] of [[1280, 800], [900, 700]] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme });
        const background = await page.evaluate(() => getComputedStyle(document.querySelector('.sidebar')!).backgroundColor);
        const sum = background.match(/\d+/g)!.slice(0, 3).map(Number).reduce((a, b) => a + b);
        expect(colorScheme === 'dark' ? sum < 3 * 80 : sum > 3 * 200).toBe(true);
        expect(await options().count()).toBeLessThan(100);
        await screenshot(page, `large-list-open-${width}-${colorScheme}`);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
