// Postwright never calls home while the author writes: the whole writing flow
// (create a post, type it with links, images and a YouTube video, save,
// preview, check, export the post and the site) runs in Chromium with every
// request that would leave the machine blocked and counted. The count is zero.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executableMarkup } from '../helpers/hostile';
import { editorDoc, openApp, skipE2e, type E2e } from './browser';
import { runCommand } from './palette';

const previewFrames = (page: Page): Frame[] => page.frames().filter((frame) => frame !== page.mainFrame());

describe.skipIf(skipE2e)('writing offline', () => {
  let e2e: E2e;
  /** Every request the browser made, and every one bound off the machine (blocked before it left). */
  const requests: string[] = [];
  const offMachine: string[] = [];

  beforeAll(async () => {
    e2e = await openApp();
    const { context, app } = e2e;
    // Routed from the first page load on: the page is reloaded below, so its own start is counted too.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      requests.push(url);
      if (new URL(url).hostname === '127.0.0.1') return route.continue();
      offMachine.push(url);
      return route.abort('blockedbyclient');
    });
    // Schemes the router does not see (ws:, file:, ftp:…) are counted as they are seen.
    context.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(app.origin) && !/^(?:data|blob|about):/.test(url) && !/^https?:/.test(url)) offMachine.push(url);
    });
    await e2e.page.reload();
  }, 60_000);

  afterAll(() => e2e?.close());

  it('creates, types, saves, previews, checks and exports without one request leaving the machine', { timeout: 120_000 }, async () => {
    const { page, app } = e2e;
    await page.getByRole('listbox', { name: 'Posts' }).getByText('Retries are not a strategy').waitFor();

    // Create a post.
    await page.getByRole('button', { name: 'New post' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.getByLabel('Title').fill('Written on a plane');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => editorDoc(page)).toContain('title: Written on a plane');

    // Type it: links in and out of the blog, a local and a remote image, a YouTube link and embed.
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\nNo network up here. ');
    await page.keyboard.insertText(
      [
        'See [the pipeline post](the-forty-minute-pipeline.md) and [the spec](https://spec.commonmark.org/0.31.2/).',
        '',
        '![Stage durations](the-forty-minute-pipeline.assets/stage-durations.png)',
        '',
        '![A remote chart](https://images.example.com/chart.png)',
        '',
        'The talk: https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        '',
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen></iframe>',
        '',
        'Email me at <mailto:me@example.com>.',
        '',
        // The other spellings of http(s) a browser accepts, and the other attributes that fetch.
        '<img src="https:\\\\images.example.com\\backslashes.png" alt="backslashes"> <img src="https:/images.example.com/one-slash.png" alt="one slash">',
        '<img src="https:images.example.com/no-slash.png" alt="no slash"> <img src="HtTpS://images.example.com/mixed.png" alt="mixed case">',
        '',
        '<video poster="https:images.example.com/poster.png"></video>',
        '',
        '<picture><source srcset="https:images.example.com/srcset.webp 2x"><img src="missing-local.png" alt="picture"></picture>',
        '',
        '<svg width="40" height="10"><rect width="10" height="10" fill="url(https:images.example.com/fill.svg#p)"/><rect x="10" width="10" height="10" mask="url(https://images.example.com/mask.svg#m)"/><rect x="20" width="10" height="10" clip-path="url(//images.example.com/clip.svg#c)"/><path d="M0 5 L40 5" stroke="black" marker-start="url(HTTPS:\\\\images.example.com\\marker.svg#k)"/></svg>',
        '',
      ].join('\n'),
    );

    // Save.
    await page.keyboard.press('ControlOrMeta+s');
    await expect.poll(() => page.locator('.status-bar').textContent()).toContain('Saved ✓');
    const post = (await app.backend.handlers.posts.list()).find((p) => p.title === 'Written on a plane')!;
    expect(await readFile(join(app.root, post.path), 'utf8')).toContain('https://www.youtube.com/embed/dQw4w9WgXcQ');

    // Preview: the local image loads from the bridge; the remote image and the video stay placeholders.
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const framesHtml = async () => (await Promise.all(previewFrames(page).map((f) => f.evaluate(() => document.body.innerHTML).catch(() => '')))).join('\n');
    await expect.poll(framesHtml).toContain('No network up here.');
    await expect.poll(async () => (await Promise.all(previewFrames(page).map((f) => f.evaluate(() => [...document.images].filter((i) => i.naturalWidth > 0).length).catch(() => 0)))).reduce((a, b) => a + b, 0)).toBe(1);
    const shown = await framesHtml();
    expect(shown).toContain('Remote image not loaded: A remote chart');
    // The player iframe is a click-to-load embed (its link lives in the mirror: the frames' links have no href), nothing loaded from YouTube.
    expect(shown).toContain('<a class="video-embed-link" aria-label="Play the video on YouTube">');
    expect(shown).not.toContain('<iframe');
    expect(previewFrames(page).every((frame) => frame.url() === 'about:srcdoc')).toBe(true);

    // Check the blog.
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Check results' });
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/in \d+ posts\.$/);

    // Export the post as one page, and the whole site.
    const downloading = page.waitForEvent('download');
    await runCommand(page, 'File: Export post as HTML');
    const exported = await readFile((await (await downloading).path())!, 'utf8');
    expect(exported).toContain('No network up here.');
    expect(executableMarkup(exported)).toEqual([]);
    await runCommand(page, 'File: Export site');
    const exportDialog = page.getByRole('dialog', { name: 'Export site' });
    await exportDialog.getByRole('button', { name: 'Export' }).click();
    await expect.poll(() => exportDialog.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/Built \d+ posts(?: and \d+ pages?)? into/);
    expect(existsSync(join(app.root, '_site', 'index.html'))).toBe(true);

    // The app did reach its bridge, and nothing else.
    expect(requests.filter((url) => url.startsWith(app.origin)).length).toBeGreaterThan(10);
    expect(offMachine).toEqual([]);
    // The counter is live: a request sent off the machine on purpose is caught, and blocked.
    const probe = await e2e.context.newPage();
    await probe.goto('https://example.com/probe').catch(() => {});
    await probe.close();
    expect(offMachine).toEqual(['https://example.com/probe']);
  });

  it('runs under a page CSP that loads no https: image while remote images are off', async () => {
    const counted = offMachine.length;
    const blocked = await e2e.page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve(`${event.effectiveDirective} ${event.blockedURI}`), { once: true });
          document.body.append(Object.assign(document.createElement('img'), { src: 'https:images.example.com/probe.png' }));
          setTimeout(() => resolve('no violation'), 2000);
        }),
    );
    expect(blocked).toBe('img-src https://images.example.com/probe.png');
    const policy = await e2e.page.evaluate(() => [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => m.getAttribute('content')));
    expect(policy).toEqual([`img-src 'self' data: blob: ${e2e.app.origin}`]);
    expect(offMachine.slice(counted)).toEqual([]);
  });

  it('runs under a CSP that forbids eval (Electron warns about a page that allows it)', async () => {
    // A string timer runs later, as the page's own code: DevTools' evaluate is exempt from the CSP, the timer is not.
    const violation = await e2e.page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve(`${event.effectiveDirective} ${event.blockedURI}`), { once: true });
          (setTimeout as (code: string, ms: number) => number)('window.__evalRan = true', 0);
          setTimeout(() => resolve('no violation'), 2000);
        }),
    );
    expect(violation).toBe('script-src eval');
    expect(await e2e.page.evaluate(() => (window as { __evalRan?: boolean }).__evalRan)).toBeUndefined();
  });
});
