// Hostile markdown in the live preview: nothing may run script, navigate the
// app or a frame, or make a request beyond the bridge on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, skipE2e, type E2e } from './browser';

const hostile = [
  '<script>window.__pwned = "script"</script>',
  '<img src="x" onerror="window.__pwned = \'onerror\'"> <img src="https://evil.example/track.png" onload="window.__pwned = \'onload\'">',
  '[click me](javascript:window.__pwned=%22link%22) [data](data:text/html,<script>parent.__pwned=1</script>)',
  '<iframe srcdoc="<script>parent.__pwned = \'srcdoc\'</script>"></iframe> <iframe src="https://evil.example/frame"></iframe>',
  '<svg onload="window.__pwned = \'svg\'"><script>window.__pwned = "svg script"</script><image href="https://evil.example/i.png"/></svg>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/refresh">',
  '<form action="https://evil.example/form"><button formaction="https://evil.example/f2">Go</button></form>',
  '<link rel="stylesheet" href="https://evil.example/x.css"><style>@import url(https://evil.example/a.css); body { background: url(https://evil.example/b.png) }</style>',
  '<object data="https://evil.example/o"></object><embed src="https://evil.example/e"><video src="https://evil.example/v.mp4" poster="https://evil.example/p.png"></video>',
  '<img srcset="https://evil.example/s.png 2x" src="local.png"> <table background="https://evil.example/t.png"><tr><td>t</td></tr></table>',
  '<a href="https://example.com/fine" target="_top" onclick="window.__pwned = \'click\'">an outside link</a>',
  '```js" onmouseover="window.__pwned = \'fence\'" x="',
  'const fenced = true;',
  '```',
  '',
].join('\n\n');

describe.skipIf(skipE2e)('hostile markdown in the preview', () => {
  let e2e: E2e;
  const requests: string[] = [];
  beforeAll(async () => {
    e2e = await openApp();
    e2e.context.on('request', (request) => requests.push(request.url()));
  });
  afterAll(() => e2e?.close());

  it('runs no script, navigates nothing and requests nothing outside the bridge', async () => {
    const { page, app } = e2e;
    await app.backend.handlers.posts.create({ title: 'Hostile preview' });
    await page.getByRole('listbox', { name: 'Posts' }).getByText('Hostile preview', { exact: true }).click();
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText(`\n${hostile}`);
    // The fenced code is there, as text: the preview did render the post. Polled, since a preview
    // that has settled may not have taken the inserted text yet (it updates after a pause).
    const frameText = async () => {
      const frames = page.frames().filter((f) => f !== page.mainFrame());
      return (await Promise.all(frames.map((f) => f.evaluate(() => document.body.textContent ?? '').catch(() => '')))).join('');
    };
    await expect.poll(frameText).toContain('const fenced = true;');

    // Hover and click everything that could carry a handler, in the mirror (which takes the pointer).
    await page.locator('.preview-mirror pre').hover();
    await page.locator('.preview-mirror a', { hasText: 'an outside link' }).click();
    await page.locator('.preview-mirror', { hasText: 'click me' }).getByText('click me').click();
    // Only the allowed link left the app, through openExternal (waited for: the bridge answers it).
    await expect.poll(() => app.opened).toEqual(['https://example.com/fine']);

    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    for (const frame of page.frames()) {
      expect(await frame.evaluate(() => (window as { __pwned?: unknown }).__pwned).catch(() => undefined)).toBeUndefined();
    }
    // Nothing navigated.
    expect(new URL(page.url()).origin).toBe(app.origin);
    expect(page.frames().filter((f) => f !== page.mainFrame()).every((f) => f.url() === 'about:srcdoc')).toBe(true);
    expect(await page.locator('iframe:not(.preview-frame)').count()).toBe(0);
    expect(await page.locator('iframe.preview-frame:not([sandbox=""])').count()).toBe(0);
    // Every request went to the bridge.
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(app.origin) && !url.startsWith('data:') && url !== 'about:srcdoc')).toEqual([]);
  });
});
