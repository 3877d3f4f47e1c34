// Benchmark "preview": from a keystroke in the editor to the preview showing
// it, in Chromium through the browser bridge, on a 2,000-word and a
// 50,000-word post.
//
// Each trial types one character in the middle of the post, then waits until
// everything is quiet. Two times are taken in the page, both from the keydown
// event's timestamp:
// - painted: the frame that shows the edit has been painted. The preview
//   updates in a requestAnimationFrame callback (no debounce); a MutationObserver
//   sees the update at the end of that callback and posts a message, which
//   runs once that frame's main-thread work (rAF callbacks, ResizeObserver,
//   style, layout, paint, commit) is done. See test/bench/README.md.
// - frame settled: the sandboxed frame of the edited chunk has loaded its new
//   document (its `load` event), plus two animation frames in the page. Until
//   then the mirror shows the edited chunk (see renderer/preview/previewSurface.ts).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp } from '../e2e/browser';
import { longPost } from './corpus';
import { fmt, load, machine, table, type Benchmark } from './harness';

const TARGETS = [
  { words: 2_000, p95: 16 },
  { words: 50_000, p95: 33 },
];

interface Sample {
  painted: number;
  settled: number;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * The same probe for the editor alone (view mode "editor"): the frame that
 * shows the typed character in CodeMirror. Run side by side, it is the floor
 * the preview adds to: what a keystroke costs this browser with no preview.
 */
const editorProbes = `(() => {
  const content = document.querySelector('.cm-content');
  const samples = [];
  window.__latency = samples;
  let current = null;
  window.addEventListener('keydown', (event) => { current = { start: event.timeStamp }; }, true);
  new MutationObserver(() => {
    const trial = current;
    if (!trial) return;
    current = null;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => samples.push({ painted: performance.now() - trial.start, settled: 0 });
    channel.port2.postMessage(0);
  }).observe(content, { childList: true, subtree: true, characterData: true });
})()`;

/**
 * Installs the probes; each keystroke's times are pushed to window.__latency.
 * A string, because tsx would wrap named functions in a helper the page lacks.
 */
const probes = `(() => {
  const canvas = document.querySelector('.preview-canvas');
  const samples = [];
  window.__latency = samples;
  let current = null;
  window.addEventListener('keydown', (event) => { current = { start: event.timeStamp, revision: canvas.dataset.revision }; }, true);
  new MutationObserver(() => {
    const trial = current;
    if (!trial || canvas.dataset.revision === trial.revision) return;
    if (trial.painted === undefined) {
      trial.painted = -1;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { trial.painted = performance.now() - trial.start; };
      channel.port2.postMessage(0);
    }
    if (trial.settled === undefined && canvas.dataset.settled === canvas.dataset.revision) {
      trial.settled = -1;
      requestAnimationFrame(() => requestAnimationFrame(() => {
        trial.settled = performance.now() - trial.start;
        current = null;
        const push = () => (trial.painted > 0 ? samples.push({ painted: trial.painted, settled: trial.settled }) : setTimeout(push, 5));
        push();
      }));
    }
  }).observe(canvas, { attributes: true, attributeFilter: ['data-revision', 'data-settled'] });
})()`;

async function measurePost(words: number, view: 'split' | 'editor', runs: number, warmup: number, log: (line: string) => void): Promise<Sample[]> {
  const e2e = await openApp({ width: 1280, height: 800 });
  try {
    const { page, app } = e2e;
    if (view === 'editor') {
      await page.evaluate(() => localStorage.setItem('postwright.settings', JSON.stringify({ viewMode: 'editor' })));
      await page.reload();
    }
    await writeFile(join(app.root, 'posts', 'long.md'), longPost(words));
    const row = page.getByRole('listbox', { name: 'Posts' }).getByText(`A long post of ${words.toLocaleString('en')} words`, { exact: true });
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    const quiet = () =>
      page.waitForFunction(() => {
        const c = document.querySelector<HTMLElement>('.preview-canvas');
        return c?.dataset.revision !== undefined && c.dataset.settled === c.dataset.revision;
      }, undefined, { timeout: 30_000 });
    if (view === 'split') await quiet();
    else await page.locator('.cm-content').waitFor();
    // Put the cursor in a paragraph in the middle of the post.
    await page.locator('.cm-scroller').evaluate((s) => (s.scrollTop = s.scrollHeight / 2));
    await page.waitForTimeout(300);
    const line = page.locator('.cm-line').filter({ hasText: /^[A-Z][a-z].{60,}/ }).first();
    await line.click({ position: { x: 40, y: 8 } });
    await page.evaluate(view === 'split' ? probes : editorProbes);
    const count = () => page.evaluate(() => (window as unknown as { __latency: unknown[] }).__latency.length);
    for (let i = 0; i < warmup + runs; i++) {
      await page.keyboard.type(i % 2 ? 'x' : 'y');
      await page.waitForFunction((n) => (window as unknown as { __latency: unknown[] }).__latency.length > n, i, { timeout: 30_000 });
      await page.waitForTimeout(120);
    }
    const samples = (await page.evaluate(() => (window as unknown as { __latency: Sample[] }).__latency)).slice(warmup);
    log(`${words.toLocaleString('en')} words, ${view}: ${samples.length} keystrokes (of ${await count()})`);
    return samples;
  } finally {
    await e2e.close();
  }
}

export const previewBenchmark: Benchmark = {
  name: 'preview',
  title: 'Keystroke to preview painted',
  async run(ctx) {
    const runs = Math.max(ctx.runs, 40);
    const rows: string[][] = [];
    let met = true;
    for (const target of TARGETS) {
      const warmup = Math.max(ctx.warmup, 5);
      const floor = (await measurePost(target.words, 'editor', runs, warmup, ctx.log)).map((s) => s.painted);
      const samples = await measurePost(target.words, 'split', runs, warmup, ctx.log);
      const painted = samples.map((s) => s.painted);
      const settled = samples.map((s) => s.settled);
      const p95 = percentile(painted, 95);
      const ok = p95 <= target.p95;
      met &&= ok;
      rows.push([
        target.words.toLocaleString('en'),
        String(samples.length),
        fmt(percentile(painted, 50)),
        fmt(p95),
        `≤ ${target.p95} ${ok ? '✓' : '✗'}`,
        fmt(percentile(settled, 50)),
        fmt(percentile(settled, 95)),
        fmt(percentile(floor, 50)),
        fmt(percentile(floor, 95)),
        `${(percentile(painted, 50) / percentile(floor, 50)).toFixed(2)}×`,
      ]);
    }
    const markdown = [
      'One character typed in the middle of the post, in Chromium (headless, software rendering) through the browser bridge; times from the keydown event, in ms. **Painted**: the main thread has finished the frame showing the edit (rAF callbacks, layout, paint, commit; the mirror shows the edited chunk). **Frame settled**: the sandboxed frame of that chunk has loaded its new document, plus two animation frames. **Editor alone**: the same keystrokes with the preview hidden (view mode "editor"), measured in the same run to the frame that shows the character in CodeMirror: what a keystroke costs this browser with no preview at all. See test/bench/README.md.',
      '',
      table(
        ['words', 'keystrokes', 'painted p50', 'painted p95', 'target p95', 'frame settled p50', 'frame settled p95', 'editor alone p50', 'editor alone p95', 'p50 vs editor alone'],
        rows,
        ['r', 'r', 'r', 'r', 'l', 'r', 'r', 'r', 'r', 'r'],
      ),
      '',
      `${machine()}; load ${load()}.`,
    ].join('\n');
    return { markdown, targetMet: met };
  },
};
