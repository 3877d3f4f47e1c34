// The live preview in Chromium: what the author types shows in the sandboxed
// frames, pasted images land in the assets folder and show, the two panes
// scroll together, view modes switch and persist, and links leave only
// in a new browser tab.
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onePixelPngBase64 } from '../helpers/images';
import { openApp, screenshot, skipE2e, type E2e } from './browser';

/** The preview frames' documents, in order. */
function previewFrames(page: Page): Frame[] {
  return page.frames().filter((f) => f !== page.mainFrame() && f.url() === 'about:srcdoc');
}

/** Everything the preview frames show, as HTML, once no frame is loading. */
async function previewHtml(page: Page): Promise<string> {
  let html: string | null = null;
  await expect
    .poll(async () => {
      await settled(page);
      const parts = await Promise.all(previewFrames(page).map((f) => f.content().catch(() => null)));
      html = parts.includes(null) ? null : parts.join('\n');
      return html !== null;
    })
    .toBe(true);
  return html!;
}

/** Waits until every preview frame has loaded the latest content. */
async function settled(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator('.preview-canvas').evaluate((c: HTMLElement) => c.dataset.revision !== undefined && c.dataset.settled === c.dataset.revision))
    .toBe(true);
}

/** Opens a new post and replaces its body with `text`. */
async function openNewPost(e2e: E2e, title: string, text: string): Promise<void> {
  const { page, app } = e2e;
  const created = await app.backend.handlers.posts.create({ title });
  await page.getByRole('listbox', { name: 'Posts' }).getByText(title, { exact: true }).click();
  await expect.poll(() => page.locator('.cm-content').textContent()).toContain(title);
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText(text);
  expect(created.post.title).toBe(title);
}

const sample = [
  '## Results at a glance',
  '',
  '| Step | Minutes |',
  '| --- | ---: |',
  '| Build | 12 |',
  '| Test | 31 |',
  '',
  '- [x] measure the pipeline',
  '- [ ] cache the dependencies',
  '',
  '```ts',
  'const minutes: number = 43;',
  '```',
  '',
  'The cache halved it.[^cache] Details on [the example site](https://example.com/ci).',
  '',
  '[^cache]: Measured over 200 runs.',
  '',
].join('\n');

describe.skipIf(skipE2e)('the live preview', () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await openApp();
    await e2e.page.evaluate(() => localStorage.clear());
  });
  afterAll(() => e2e?.close());

  it('shows what the author types: a heading, a table, a task list, highlighted code and a footnote', async () => {
    const { page } = e2e;
    await openNewPost(e2e, 'Preview check', sample);
    await page.keyboard.type('\nTyped last.');
    await settled(page);
    const html = await previewHtml(page);
    expect(html).toContain('<h2 id="results-at-a-glance">Results at a glance</h2>');
    expect(html).toMatch(/<table>[\s\S]*<td[^>]*>31<\/td>/);
    expect(html).toMatch(/<li><input (?=[^>]*checked)(?=[^>]*disabled)[^>]*type="checkbox"[^>]*> measure the pipeline<\/li>/);
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).toMatch(/<sup><a id="footnote-ref-cache"[^>]* aria-describedby="footnote-label"[^>]*>1<\/a><\/sup>/);
    expect(html).toMatch(/<li id="footnote-cache">[\s\S]*Measured over 200 runs\./);
    expect(html).toContain('<p>Typed last.</p>');
    // The header comes from the theme's article markup.
    expect(html).toContain('<h1 class="post-title p-name">Preview check</h1>');
    // The frames are sandboxed with no permissions at all.
    expect(await page.locator('iframe.preview-frame').evaluateAll((frames) => frames.map((f) => f.getAttribute('sandbox')))).toEqual(
      expect.arrayContaining(['']),
    );
    expect(await page.locator('iframe.preview-frame:not([sandbox=""])').count()).toBe(0);
  });

  it('opens a clicked link in a new browser tab (not on the bridge’s machine) and never navigates a frame', async () => {
    const { page, app, context } = e2e;
    const before = page.frames().length;
    // No network here: the tab's request is answered by Playwright's router.
    await context.route('https://example.com/**', (route) => route.fulfill({ contentType: 'text/plain', body: 'ok' }));
    const tab = context.waitForEvent('page');
    await page.locator('.preview-mirror a[href="https://example.com/ci"]').click();
    const opened = await tab;
    await expect.poll(() => opened.url()).toBe('https://example.com/ci');
    await opened.close();
    // The bridge's backend was not asked to launch a browser on its own machine (xdg-open).
    expect(app.opened).toEqual([]);
    expect(previewFrames(page).every((f) => f.url() === 'about:srcdoc')).toBe(true);
    expect(page.frames()).toHaveLength(before);
    expect(new URL(page.url()).origin).toBe(app.origin);
    // A footnote reference scrolls the preview to the note instead.
    await page.locator('.preview-mirror a[href="#footnote-cache"]').click();
    expect(context.pages()).toHaveLength(1);
  });

  it('saves a pasted image in the assets folder and shows it', async () => {
    const { page, app } = e2e;
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('\n\n');
    await page.locator('.cm-content').evaluate((content, base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'Build Times.png', { type: 'image/png' }));
      content.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, onePixelPngBase64);
    const folder = join(app.root, 'posts', 'preview-check.assets');
    await expect.poll(() => readdir(folder).catch(() => [])).toEqual(['build-times.png']);
    await expect.poll(() => page.locator('.cm-content').textContent()).toContain('![Build Times](preview-check.assets/build-times.png)');
    // Loaded from the asset route; naturalWidth is density-corrected by the site's srcset, so only > 0 says it decoded.
    const loaded = async () => {
      await settled(page);
      const counts = await Promise.all(
        previewFrames(page).map((f) =>
          f.evaluate(() => [...document.images].filter((img) => img.currentSrc.includes('/asset/') && img.complete && img.naturalWidth > 0).length).catch(() => 0),
        ),
      );
      return counts.reduce((a, b) => a + b);
    };
    await expect.poll(loaded).toBe(1);
  });

  it('shows a workspace image with the site\'s width, height and srcset, its resized files loaded from the asset route', async () => {
    const { page, app } = e2e;
    // A real photo (test/fixtures/images/README.md): the site gives it 480 and 720 px WebP files.
    await mkdir(join(app.root, 'posts', 'board-photo.assets'), { recursive: true });
    await copyFile(join(import.meta.dirname, '../fixtures/images/board-photo.jpg'), join(app.root, 'posts', 'board-photo.assets', 'board.jpg'));
    await openNewPost(e2e, 'Board photo', '\n![The board](board-photo.assets/board.jpg)\n');
    type Shown = { src: string | null; srcset: string | null; sizes: string | null; width: string | null; height: string | null; current: string; loaded: boolean };
    const shown = async (): Promise<Shown | null> => {
      await settled(page);
      for (const frame of previewFrames(page)) {
        const img = await frame
          .evaluate((): Shown | null => {
            const found = document.querySelector('img[alt="The board"]') as HTMLImageElement | null;
            if (!found) return null;
            const [src, srcset, sizes, width, height] = ['src', 'srcset', 'sizes', 'width', 'height'].map((name) => found.getAttribute(name));
            return { src: src!, srcset: srcset!, sizes: sizes!, width: width!, height: height!, current: found.currentSrc, loaded: found.complete && found.naturalWidth > 0 };
          })
          .catch(() => null);
        if (img) return img;
      }
      return null;
    };
    await expect.poll(async () => (await shown())?.loaded && (await shown())?.srcset !== null, { timeout: 60_000 }).toBe(true);
    const img = (await shown())!;
    const route = `${new URL(app.bridge.url).origin}/asset/${app.bridge.token}/posts/board-photo.assets/board.jpg`;
    expect(img).toMatchObject({
      src: route,
      srcset: `${route}?w=480 480w, ${route}?w=720 720w`,
      sizes: '(min-width: 42.5rem) 40rem, calc(100vw - 2.5rem)',
      width: '720',
      height: '477',
    });
    // The browser picked one of the resized files, through the route.
    expect(img.current).toMatch(/\?w=(480|720)$/);
  });

  it('keeps the editor and the preview at the same place, both ways', async () => {
    const { page } = e2e;
    const sections = Array.from({ length: 60 }, (_, i) => `## Section ${i + 1}\n\n${'A sentence about the pipeline and its caches. '.repeat(8)}\n`).join('\n');
    await openNewPost(e2e, 'Scroll check', sections);
    await settled(page);
    /**
     * Where each pane's top edge is in the post, in sections: 24.25 is a quarter of the way from
     * "Section 24" to "Section 25". Read in sections, not pixels, because the two panes set the
     * text at different scales (the editor's serif at 1.75 leading in half the window wraps a
     * section to about 1.5 times the preview's height), so a heading below the top edge sits at
     * a different distance from it on each side even when both tops are at the same place.
     */
    const placesAtTop = () =>
      page.evaluate(() => {
        const place = (scroller: Element, headings: { n: number; y: number }[]) => {
          const edge = scroller.getBoundingClientRect().top;
          const sorted = headings.map((h) => ({ n: h.n, y: h.y - edge })).filter((h) => h.n > 0).sort((a, b) => a.n - b.n);
          const below = sorted.findIndex((h) => h.y > 0);
          const a = sorted[below - 1];
          const b = sorted[below];
          return a && b && b.n === a.n + 1 ? a.n - a.y / (b.y - a.y) : null;
        };
        const lines = [...document.querySelectorAll('.cm-line')].map((l) => ({ n: Number(/^## Section (\d+)$/.exec(l.textContent ?? '')?.[1] ?? 0), y: l.getBoundingClientRect().top }));
        const mirror = document.querySelector('.preview-mirror')!.shadowRoot!;
        const h2s = [...mirror.querySelectorAll('h2')].map((h) => ({ n: Number(/^section-(\d+)$/.exec(h.id)?.[1] ?? 0), y: h.getBoundingClientRect().top }));
        return { editor: place(document.querySelector('.cm-scroller')!, lines), preview: place(document.querySelector('.preview-scroller')!, h2s) };
      });
    /** Whether both panes stood still over the last three polls: a busy machine plays the wheel's smooth scroll out slowly. */
    let lastTops = '';
    let stillFor = 0;
    const wheelDone = async () => {
      const tops = JSON.stringify(await page.evaluate(() => [document.querySelector('.cm-scroller')!.scrollTop, document.querySelector('.preview-scroller')!.scrollTop]));
      stillFor = tops === lastTops ? stillFor + 1 : 0;
      lastTops = tops;
      return stillFor >= 3;
    };
    const together = ({ editor, preview }: { editor: number | null; preview: number | null }) => editor !== null && preview !== null && Math.abs(editor - preview) < 0.15;

    // Editor → preview: from the top, wheel the editor down.
    await page.keyboard.press('ControlOrMeta+Home');
    await page.locator('.cm-scroller').hover();
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 500);
    await expect.poll(async () => {
      const places = await placesAtTop();
      return (await wheelDone()) && places.editor! > 10 && together(places);
    }).toBe(true);

    // Preview → editor: wheel the preview further down.
    await page.locator('.preview-scroller').hover();
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 500);
    let reached = 0;
    await expect.poll(async () => {
      const places = await placesAtTop();
      reached = places.preview ?? 0;
      return (await wheelDone()) && together(places);
    }).toBe(true);
    expect(reached).toBeGreaterThan(20);
    // No feedback loop: both stay put.
    const rest = await page.evaluate(() => [document.querySelector('.cm-scroller')!.scrollTop, document.querySelector('.preview-scroller')!.scrollTop]);
    // Twenty painted frames: a feedback loop moves something on every frame, however slow the machine.
    await page.evaluate(() => new Promise<void>((resolve) => {
      let frames = 0;
      const next = () => (++frames >= 20 ? resolve() : requestAnimationFrame(next));
      requestAnimationFrame(next);
    }));
    expect(await page.evaluate(() => [document.querySelector('.cm-scroller')!.scrollTop, document.querySelector('.preview-scroller')!.scrollTop])).toEqual(rest);
  });

  it('switches between editor, split and preview, by button and by Mod-Alt-P, and remembers', async () => {
    const { page } = e2e;
    const visible = () => Promise.all([page.locator('.editor-host').isVisible(), page.locator('.preview-scroller').isVisible()]);
    expect(await visible()).toEqual([true, true]);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    expect(await visible()).toEqual([false, true]);
    await screenshot(page, 'preview-only-1280-light');
    await page.keyboard.press('ControlOrMeta+Alt+KeyP');
    expect(await visible()).toEqual([true, false]);
    expect(await page.getByRole('button', { name: 'Editor', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await page.getByRole('listbox', { name: 'Posts' }).getByText('Scroll check', { exact: true }).click();
    await expect.poll(visible).toEqual([true, false]);
    await page.keyboard.press('ControlOrMeta+Alt+KeyP');
    await expect.poll(visible).toEqual([true, true]);
  });

  it('takes the view mode and the theme from the palette and from Settings', async () => {
    const { page } = e2e;
    const visible = () => Promise.all([page.locator('.editor-host').isVisible(), page.locator('.preview-scroller').isVisible()]);
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    const runCommand = async (name: string) => {
      await page.keyboard.press('ControlOrMeta+Shift+P');
      await palette.getByRole('combobox').fill(name);
      await expect.poll(() => palette.getByRole('option', { selected: true }).textContent()).toContain(name);
      await page.keyboard.press('Enter');
      await expect.poll(() => palette.count()).toBe(0);
    };
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme ?? 'system');

    await runCommand('View: Preview only');
    await expect.poll(visible).toEqual([false, true]);
    await runCommand('View: Editor only');
    await expect.poll(visible).toEqual([true, false]);
    await runCommand('Theme: Dark');
    await expect.poll(theme).toBe('dark');

    await page.keyboard.press('ControlOrMeta+,');
    const settings = page.getByRole('dialog', { name: 'Settings' });
    expect(await settings.getByRole('radio', { name: 'Editor only' }).isChecked()).toBe(true);
    expect(await settings.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    await settings.getByRole('radio', { name: 'Split' }).check();
    await expect.poll(visible).toEqual([true, true]);
    await settings.getByRole('radio', { name: 'System' }).check();
    await expect.poll(theme).toBe('system');
    await screenshot(page, 'settings-view-theme');
    await settings.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => settings.count()).toBe(0);
  });
});
