// The hostile-input suite (test/fixtures/hostile/) in the live preview, in
// Chromium: every input is opened as a post, and every link the preview shows
// is clicked. Nothing may run script (a sentinel global in the page and in
// every frame stays unset), navigate the app or a frame, make a request that
// leaves the machine, or read the canary file placed beside the workspace.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Frame, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canaryBytes, canaryName, executableMarkup, hostileInputs } from '../helpers/hostile';
import { openApp, skipE2e, type E2e } from './browser';

/** A line put before each input's body, so the test knows the preview shows that input (the inputs are as written otherwise). */
const marker = (name: string) => `Hostile input ${name}.`;

/** The input with the marker after its front matter (or first), so front matter stays front matter. */
function withMarker(markdown: string, name: string): string {
  const frontMatter = /^---\n[\s\S]*?\n---\n/.exec(markdown);
  const at = frontMatter ? frontMatter[0].length : 0;
  return `${markdown.slice(0, at)}${marker(name)}\n\n${markdown.slice(at)}`;
}

const previewFrames = (page: Page) => page.frames().filter((frame) => frame !== page.mainFrame());

async function framesText(page: Page): Promise<string> {
  const texts = await Promise.all(previewFrames(page).map((frame) => frame.evaluate(() => document.body?.textContent ?? '').catch(() => '')));
  return texts.join('\n');
}

/** The sentinel, read in the page and in every frame: an input that ran script would have set it. */
async function sentinels(page: Page): Promise<unknown[]> {
  const read = (frame: Frame) => frame.evaluate(() => (window as { __pwned?: unknown }).__pwned).catch(() => undefined);
  return (await Promise.all(page.frames().map(read))).filter((value) => value !== undefined);
}

describe.skipIf(skipE2e)('the hostile-input suite in the preview', () => {
  let e2e: E2e;
  let parent: string;
  let startUrl: string;
  /** Every request the browser made, and those that would have left the machine (blocked and counted). */
  const requests: string[] = [];
  const offMachine: string[] = [];
  /** Responses that carried the canary's bytes. */
  const canaryServed: string[] = [];
  /**
   * Addresses of the tabs the app opened: on the bridge a clicked link opens in a new
   * tab of the browser, as the desktop app hands it to the OS browser. Each tab's first
   * request is recorded here and blocked; it counts as "opened", not as a request the
   * preview made.
   */
  const tabsOpened: string[] = [];
  /** A page the last test opens itself, to prove the off-machine counter is live. */
  let probe: Page | undefined;
  /** True for a request made by a tab the app opened (neither the app page nor the probe). */
  const fromOpenedTab = (request: Request, app: Page) => {
    let from: Page;
    try {
      from = request.frame().page();
    } catch {
      // Playwright has no frame yet for the first navigation of a page still being made, and the
      // only pages made while the app runs are the tabs it opens (the probe exists before it loads).
      return request.isNavigationRequest();
    }
    return from !== app && from !== probe;
  };

  beforeAll(async () => {
    // The workspace is made inside a private folder, so the canary can sit right beside it
    // where `../../postwright-hostile-canary.png` from a post in posts/ leads.
    parent = await mkdtemp(path.join(tmpdir(), 'postwright-hostile-'));
    await writeFile(path.join(parent, canaryName), canaryBytes);
    const source = path.join(parent, 'source');
    const files: Record<string, string> = { 'postwright.json': '{}' };
    for (const input of hostileInputs) files[`posts/${input.fileName}`] = withMarker(input.markdown, input.name);
    const { writeTree } = await import('../helpers/tmp');
    await writeTree(source, files);
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = parent;
    try {
      e2e = await openApp({ width: 1280, height: 800 }, source);
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
    expect(path.dirname(e2e.app.root)).toBe(parent);
    const { context, app, page } = e2e;
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (fromOpenedTab(route.request(), page)) {
        tabsOpened.push(url);
        return route.abort('blockedbyclient');
      }
      requests.push(url);
      if (new URL(url).hostname === '127.0.0.1') return route.continue();
      offMachine.push(url);
      return route.abort('blockedbyclient');
    });
    context.on('request', (request) => {
      if (fromOpenedTab(request, page)) return;
      if (!/^(?:https?|data|blob|about):/.test(request.url()) || (/^https?:/.test(request.url()) && !request.url().startsWith(app.origin))) offMachine.push(`(seen) ${request.url()}`);
    });
    context.on('response', async (response) => {
      const body = await response.body().catch(() => null);
      if (body?.includes(canaryBytes.subarray(-20))) canaryServed.push(response.url());
    });
    startUrl = page.url();
  }, 60_000);

  afterAll(async () => {
    await e2e?.close();
    if (parent) await rm(parent, { recursive: true, force: true });
  });

  it('has at least 25 inputs, each saying what it attacks', () => {
    expect(hostileInputs.length).toBeGreaterThanOrEqual(25);
    expect(hostileInputs.every((input) => input.attacks.length > 10)).toBe(true);
  });

  it.each(hostileInputs.map((input) => [input.name, input] as const))('%s: runs nothing, navigates nothing, loads nothing from elsewhere', { timeout: 90_000 }, async (_name, input) => {
    const { page, app } = e2e;
    // This input's own requests and answers: an earlier failure is not reported again.
    const [offBefore, canaryBefore, openedBefore, tabsBefore] = [offMachine.length, canaryServed.length, app.opened.length, tabsOpened.length];
    await page.getByLabel('Filter posts').fill(input.fileName.replace(/\.md$/, ''));
    await page.getByRole('option').and(page.locator(`[title=${JSON.stringify(`posts/${input.fileName}`)}]`)).click();
    // Pathological inputs get a generous bound: a blow-up would not render at all.
    await expect.poll(() => framesText(page), { timeout: 60_000 }).toContain(marker(input.name));

    // Click every link the preview shows, in the mirror that takes the pointer, and hover each element.
    await page.evaluate(() => {
      const root = document.querySelector('.preview-mirror')?.shadowRoot;
      for (const element of root?.querySelectorAll('*') ?? []) {
        element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        if (element.localName === 'a' && !/\.md$/i.test(element.getAttribute('href') ?? '')) element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      }
    });

    // What the page and the frames show holds nothing executable.
    const mirror = await page.evaluate(() => document.querySelector('.preview-mirror')?.shadowRoot?.querySelector('.post')?.innerHTML ?? '');
    expect(mirror).toContain(marker(input.name));
    expect(executableMarkup(mirror)).toEqual([]);
    for (const frame of previewFrames(page)) {
      expect(executableMarkup(await frame.evaluate(() => document.body.innerHTML))).toEqual([]);
    }
    expect(await sentinels(page)).toEqual([]);
    // Front-matter keys such as __proto__ stay data (the page parses the front matter too).
    expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
    // Nothing navigated: the app page is where it was, every frame is still its srcdoc, no other frame was made.
    expect(page.url()).toBe(startUrl);
    expect(previewFrames(page).map((frame) => frame.url()).filter((url) => url !== 'about:srcdoc')).toEqual([]);
    expect(await page.locator('iframe:not(.preview-frame), iframe.preview-frame:not([sandbox=""])').count()).toBe(0);
    // Only http(s) and mailto links may go out, and only to the author's browser: the OS browser
    // from the desktop app, a new tab on the bridge (both recorded here, never loaded).
    const opened = [...app.opened.slice(openedBefore), ...tabsOpened.slice(tabsBefore)];
    expect(opened.filter((url) => !/^(?:https?:\/\/(?!127\.)|mailto:)/.test(url))).toEqual([]);
    for (const tab of e2e.context.pages()) if (tab !== page) await tab.close();
    expect(offMachine.slice(offBefore)).toEqual([]);
    expect(canaryServed.slice(canaryBefore)).toEqual([]);
  });

  it('shows remote tracking images as blocked until the author allows them', async () => {
    const { page } = e2e;
    await page.getByLabel('Filter posts').fill('remote-tracking-images');
    await page.getByRole('option').and(page.locator('[title="posts/remote-tracking-images.md"]')).click();
    await expect.poll(() => framesText(page)).toContain(marker('remote-tracking-images'));
    const blocked = await Promise.all(previewFrames(page).map((frame) => frame.locator('.pw-blocked-image').allTextContents()));
    expect(blocked.flat()).toEqual(expect.arrayContaining(['Remote image not loaded: tracking pixel', 'Remote image not loaded: plain http']));
    expect(blocked.flat().length).toBeGreaterThanOrEqual(5);
    expect(offMachine).toEqual([]);
  });

  it('shows a file name that is markup as text', async () => {
    const { page } = e2e;
    const input = hostileInputs.find((i) => i.name === 'file-name-html')!;
    await page.getByLabel('Filter posts').fill(input.fileName.replace(/\.md$/, ''));
    const row = page.getByRole('option').and(page.locator(`[title=${JSON.stringify(`posts/${input.fileName}`)}]`));
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('<img src=x onerror=window.__pwned=1>');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await sentinels(page)).toEqual([]);
  });

  it('made requests only to the bridge on 127.0.0.1, and asked it for nothing outside the workspace', async () => {
    const { app } = e2e;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(app.origin))).toEqual([]);
    // The inputs aimed at the canary; any such request reached the bridge only to be refused.
    expect(canaryServed).toEqual([]);
    expect(offMachine).toEqual([]);
    // The counter is live: a request sent off the machine on purpose is caught, and blocked.
    probe = await e2e.context.newPage();
    await probe.goto('https://evil.example/probe').catch(() => {});
    await probe.close();
    expect(offMachine.filter((url) => url.includes('evil.example/probe')).length).toBeGreaterThan(0);
  });
});
