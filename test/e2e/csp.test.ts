// The app page's Content-Security-Policy in Chromium, through the bridge: the
// app does everything it normally does (opens posts, types, previews code,
// math, a table and an image, shows the front-matter panel, dialogs, the
// palette, find, both themes) without one violation of the policy, and a
// stylesheet or style attribute that reached the page the way a sanitizer
// bypass would (markup parsed from a string and put into the preview's
// mirror) is refused: reported, and not applied.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NONCE_PLACEHOLDER } from '../../common/csp';
import { bundledSampleBlog } from '../../electron/appPaths';
import { editorDoc, openApp, screenshot, skipE2e, type E2e } from './browser';

/** A violation as the page's `securitypolicyviolation` event or the console reports it. */
interface Violation {
  directive: string;
  sample: string;
  where: string;
}

declare global {
  interface Window {
    __violations?: Violation[];
  }
}

const everything = `---
title: Everything the preview shows
date: 2024-06-01
tags: [csp]
---

## Code, math, a table and an image

\`\`\`ts
const minutes: number = 43; // highlighted
\`\`\`

Inline math \\(e^{i\\pi} + 1 = 0\\) and a block:

$$
\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}
$$

| Step | Minutes |
| --- | ---: |
| Build | 12 |
| Test | 31 |

- [x] measured
- [ ] cached

![Stage durations](the-forty-minute-pipeline.assets/stage-durations.png)

A footnote.[^one]

[^one]: Its text.
`;

/** Collects violations from the first byte of every load: the page's events, and the console (which the preview's script-less frames report to). */
async function watchViolations(e2e: E2e): Promise<Violation[]> {
  const { page } = e2e;
  const fromConsole: Violation[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) fromConsole.push({ directive: 'console', sample: message.text(), where: message.location().url });
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (event) => window.__violations!.push({ directive: event.effectiveDirective, sample: event.sample, where: `${event.blockedURI} from ${event.sourceFile}:${event.lineNumber}` }),
      true,
    );
  });
  return fromConsole;
}

const pageViolations = (page: Page) => page.evaluate(() => window.__violations ?? []);

/** The preview frames and the mirror show the current text. */
async function previewSettled(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator('.preview-canvas').evaluate((c: HTMLElement) => c.dataset.revision !== undefined && c.dataset.settled === c.dataset.revision), { timeout: 20_000 })
    .toBe(true);
}

describe.skipIf(skipE2e)('the page CSP in Chromium', { timeout: 120_000 }, () => {
  let e2e: E2e;
  let source: string;
  let consoleViolations: Violation[];
  /** The policy and nonce of each page load. */
  const loads: { policy: string; nonce: string }[] = [];

  beforeAll(async () => {
    source = await mkdtemp(join(tmpdir(), 'postwright-csp-'));
    await cp(bundledSampleBlog, source, { recursive: true });
    await writeFile(join(source, 'posts', 'everything.md'), everything);
    e2e = await openApp({ width: 1280, height: 800 }, source);
    consoleViolations = await watchViolations(e2e);
    e2e.page.on('response', async (response) => {
      if (response.request().resourceType() !== 'document' || response.frame() !== e2e.page.mainFrame()) return;
      const policy = (await response.allHeaders())['content-security-policy'] ?? '';
      loads.push({ policy, nonce: /'nonce-([^']+)'/.exec(policy)?.[1] ?? '' });
    });
    // Again, now watched from the first byte.
    await e2e.page.reload();
    await e2e.page.locator('.cm-editor').waitFor({ state: 'attached' });
  }, 60_000);

  afterAll(async () => {
    await e2e?.close();
    if (source) await rm(source, { recursive: true, force: true });
  });

  it("is sent without 'unsafe-inline', with a nonce the page reads but does not show", async () => {
    const { page } = e2e;
    expect(loads).toHaveLength(1);
    const [{ policy, nonce }] = loads as [{ policy: string; nonce: string }];
    expect(policy).toContain(`style-src 'self' 'nonce-${nonce}'`);
    expect(policy).toContain("style-src-attr 'none'");
    expect(policy).not.toContain('unsafe-inline');
    // The page has its nonce through the property; the attribute is empty, so selectors see nothing.
    const meta = await page.evaluate(() => {
      const element = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')!;
      return { property: element.nonce, attribute: element.getAttribute('nonce') };
    });
    expect(meta).toEqual({ property: nonce, attribute: '' });
    expect(await page.locator(`[nonce="${nonce}"]`).count()).toBe(0);
    // CodeMirror's stylesheet carries it and applies: the editor is laid out by its base theme.
    expect(await page.locator('.cm-editor').evaluate((editor) => getComputedStyle(editor).display)).toBe('flex');
  });

  it('sees no violation while the app does everything it normally does', async () => {
    const { page, app } = e2e;
    await page.getByRole('listbox', { name: 'Posts' }).getByText('Everything the preview shows', { exact: true }).click();
    await expect.poll(() => editorDoc(page)).toBe(everything);
    await previewSettled(page);
    // Read in one go, again if a frame was loading a chunk's document meanwhile (a late image or font can make one reload).
    const readFrames = async () => {
      const frames = page.frames().filter((frame) => frame !== page.mainFrame());
      return {
        shown: (await Promise.all(frames.map((frame) => frame.content()))).join('\n'),
        // The frames' own stylesheet applies (their theme), and the image loads.
        overflow: await Promise.all(frames.map((frame) => frame.evaluate(() => getComputedStyle(document.body).overflow))),
        images: await Promise.all(frames.map((frame) => frame.evaluate(() => [...document.images].map((img) => img.complete && img.naturalWidth > 0)))),
      };
    };
    let read: Awaited<ReturnType<typeof readFrames>> | null = null;
    await expect.poll(async () => (read = await readFrames().catch(() => null)) !== null).toBe(true);
    const { shown, overflow, images } = read!;
    expect(shown).toContain('<math');
    expect(shown).toContain('<table');
    expect(shown).toMatch(/<code class="[^"]*hljs/);
    expect(overflow.every((value) => value === 'hidden')).toBe(true);
    expect(images.flat()).toEqual([true]);
    // The mirror's stylesheet applies: its body is transparent over the frames.
    const mirrorBody = await page.evaluate(() => getComputedStyle(document.querySelector('.preview-mirror')!.shadowRoot!.querySelector('.pw-body')!).position);
    expect(mirrorBody).toBe('relative');

    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\nTyped under the policy: **bold**, `code` and \\(x^2\\).\n');
    await expect.poll(() => editorDoc(page)).toContain('Typed under the policy');
    await previewSettled(page);

    // The front-matter panel, with its details.
    const panel = page.getByRole('region', { name: 'Front matter' });
    const details = panel.getByRole('button', { name: 'Details' });
    if ((await details.getAttribute('aria-expanded')) !== 'true') await details.click();
    await expect.poll(() => panel.getByLabel('Title', { exact: true }).inputValue()).toBe('Everything the preview shows');

    // Find, in CodeMirror's panel.
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+f');
    await expect.poll(() => page.locator('.cm-search').count()).toBe(1);
    await page.keyboard.press('Escape');

    // The palette, the outline, a dialog and the settings, where both themes are chosen.
    await page.keyboard.press('Control+Shift+p');
    await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox').fill('tog');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+o');
    await expect.poll(() => page.getByRole('dialog', { name: 'Outline' }).getByRole('option').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Alt+n');
    await expect.poll(() => page.getByRole('dialog', { name: 'New post' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    for (const theme of ['Dark', 'Light']) {
      await page.keyboard.press('Control+,');
      const settings = page.getByRole('dialog', { name: 'Settings' });
      await settings.getByRole('radio', { name: theme, exact: true }).check();
      await settings.getByRole('button', { name: 'Done' }).click();
      await expect.poll(() => page.locator(`html[data-theme="${theme.toLowerCase()}"]`).count()).toBe(1);
      await previewSettled(page);
      // For a person to compare with the app before this policy (see the README's Safety section).
      await screenshot(page, `csp-editor-${theme.toLowerCase()}-1280`);
    }

    // Another post, with the sample blog's own image and code.
    const pipeline = (await app.backend.handlers.posts.list()).find((post) => post.path === 'posts/the-forty-minute-pipeline.md')!;
    await page.getByRole('listbox', { name: 'Posts' }).getByText(pipeline.title, { exact: true }).click();
    await expect.poll(() => editorDoc(page)).toContain(pipeline.title);
    await previewSettled(page);

    expect(await pageViolations(page)).toEqual([]);
    expect(consoleViolations).toEqual([]);
    // Nothing of ours wrote the nonce back into an attribute, where selectors could see it. CodeMirror's
    // stylesheet may show it: style-mod (StyleSet.setNonce) compares the nonce with getAttribute, which the
    // browser emptied, and so sets the attribute again each time a new state mounts the editor's styles.
    const exposed = await page.locator(`[nonce="${loads[0]!.nonce}"]`).evaluateAll((elements) => elements.map((e) => `${e.localName} ${e.textContent?.includes('.cm-') ? 'CodeMirror' : (e.textContent ?? '').slice(0, 200)}`));
    expect(exposed.filter((what) => what !== 'style CodeMirror')).toEqual([]);
  });

  it('refuses a stylesheet and style attributes that reach the mirror the way a sanitizer bypass would', async () => {
    const { page } = e2e;
    const injected = await page.evaluate((placeholder) => {
      const root = document.querySelector('.preview-mirror')!.shadowRoot!;
      // As the preview does with sanitized HTML: parsed from a string in a template, then put into the mirror.
      const template = document.createElement('template');
      template.innerHTML =
        '<style>.pw-body { outline: 7px solid rgb(1, 2, 3) !important; }</style>' +
        `<style nonce="${placeholder}">.pw-body { border-top: 7px solid rgb(1, 2, 3) !important; }</style>` +
        '<p id="bypass" style="position: fixed; inset: 0; z-index: 2147483647; background: rgb(1, 2, 3)">an overlay over the app</p>';
      root.querySelector('.post-body')!.prepend(template.content);
      // And straight into the page's head, where the app's own stylesheets are.
      const style = document.createElement('style');
      style.textContent = '#root { visibility: hidden !important; }';
      document.head.append(style);
      const body = getComputedStyle(root.querySelector('.pw-body')!);
      const overlay = getComputedStyle(root.getElementById('bypass')!);
      return {
        outline: body.outlineColor,
        border: body.borderTopColor,
        overlay: { position: overlay.position, background: overlay.backgroundColor },
        app: getComputedStyle(document.getElementById('root')!).visibility,
      };
    }, NONCE_PLACEHOLDER);
    expect(injected.outline).not.toBe('rgb(1, 2, 3)');
    expect(injected.border).not.toBe('rgb(1, 2, 3)');
    expect(injected.overlay).not.toEqual({ position: 'fixed', background: 'rgb(1, 2, 3)' });
    expect(injected.overlay.position).toBe('static');
    expect(injected.app).toBe('visible');
    // Each was reported: two style elements in the mirror, one in the head, and the attribute.
    await expect.poll(() => pageViolations(page).then((found) => found.map((v) => v.directive).sort())).toEqual(['style-src-attr', 'style-src-elem', 'style-src-elem', 'style-src-elem']);
  });

  it('refuses a stylesheet without the nonce in a preview frame too, and the console reports it there', async () => {
    const { page } = e2e;
    const [frame] = page.frames().filter((f) => f !== page.mainFrame());
    const before = consoleViolations.length;
    const overflow = await frame!.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'html, body { overflow: visible !important; }';
      document.head.append(style);
      return getComputedStyle(document.body).overflow;
    });
    expect(overflow).toBe('hidden');
    // Both refuse it: the page's policy, which the frame inherits, and the frame's own.
    await expect
      .poll(() => consoleViolations.slice(before).map((v) => v.sample))
      .toEqual([expect.stringContaining("directive 'style-src 'self' 'nonce-"), expect.stringContaining("directive 'style-src 'nonce-")]);
  });

  it('gives the next load of the page a nonce of its own', async () => {
    const { page } = e2e;
    await page.reload();
    await expect.poll(() => page.locator('.cm-editor').count()).toBe(1);
    expect(loads).toHaveLength(2);
    expect(loads[1]!.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(loads[1]!.nonce).not.toBe(loads[0]!.nonce);
    expect(await page.evaluate(() => document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')!.nonce)).toBe(loads[1]!.nonce);
  });
});
