// The DOM thread: `postwright build` and `publish` load jsdom on another thread
// while they list and check, and do their DOM work there. What it answers must
// be what this thread would have made, and a thread that fails must cost
// nothing but time.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { domWorkerScript, runCli } from '../../../electron/cli';
import { domThread, startDomThread, stopDomThread } from '../../../electron/site/domThread';
import { feedItemHtml, sanitizePostHtml } from '../../../electron/site/domWindow';
import { createPartialSanitizer } from '../../../electron/site/partialSanitizer';
import { executableMarkup, hostileInputs } from '../../helpers/hostile';
import { build, readTree } from '../../helpers/site';
import { post, tempDir, writeTree } from '../../helpers/tmp';

const partial = '<meta name="author" content="Me"><script>alert(1)</script><meta http-equiv="refresh" content="0;url=https://evil.example/"><link rel="icon" href="/i.svg">';
const body = '<p>See <a href="../other/">the other post</a> <img src="pic.png" srcset="pic-480.png 480w, pic.png 960w" onerror="alert(1)"></p>';

/** The hostile fixtures as raw HTML: most are HTML payloads inside markdown. */
const hostileHtml = hostileInputs.filter((input) => !input.pathological).map((input) => input.markdown);

/** Everything the DOM thread does, done by whichever thread answers. */
function domWork(): string[] {
  const sanitizePartial = createPartialSanitizer();
  return [...hostileHtml.map((html) => sanitizePostHtml(html)), JSON.stringify(sanitizePartial(partial)), feedItemHtml(body, 'https://blog.example/posts/one/')];
}

afterEach(() => stopDomThread());

describe('the DOM thread', () => {
  it('answers every kind of DOM work with what this thread makes, hostile payloads included', () => {
    const here = domWork();
    expect(startDomThread(domWorkerScript)).not.toBeNull();
    const there = domWork();
    expect(domThread()!.answered).toBe(there.length);
    expect(there).toEqual(here);
    const [posts, partialAnswer, feedItem] = [there.slice(0, hostileHtml.length), there.at(-2)!, there.at(-1)!];
    expect([...posts, feedItem].flatMap(executableMarkup)).toEqual([]);
    expect(partialAnswer).not.toMatch(/script|http-equiv/);
    expect(feedItem).toContain('href="https://blog.example/posts/other/"');
  });

  it('is given up on when it never answers, and the work is done on this thread', async () => {
    const silent = path.join(await tempDir(), 'silent.mjs');
    await writeFile(silent, "import { workerData } from 'node:worker_threads';\nworkerData.port.on('message', () => {});\n");
    const thread = startDomThread(silent, 300)!;
    const html = '<p onclick="alert(1)">Hi</p>';
    expect(sanitizePostHtml(html)).toBe('<p>Hi</p>');
    expect(sanitizePostHtml(html)).toBe('<p>Hi</p>');
    expect(thread.answered).toBe(0);
  });

  it('does the DOM work of `postwright build`, whose site is byte-identical to one built on this thread', { timeout: 120_000 }, async () => {
    const root = await tempDir();
    const raw = ['event-attributes', 'embed-object', 'data-urls'].map((name) => hostileInputs.find((input) => input.name === name)!.markdown);
    await writeTree(root, {
      'postwright.json': JSON.stringify({ title: 'Blog', baseUrl: 'https://blog.example/' }),
      'theme/partials/head.html': partial,
      'posts/one.md': post({ title: 'One', date: '2024-01-01' }, `Raw HTML:\n\n${raw.join('\n\n')}\n`),
      'posts/two.md': post({ title: 'Two', date: '2024-01-02' }, 'See [one](one.md).\n'),
    });
    const [withThread, without] = [path.join(root, '_with'), path.join(root, '_without')];
    const quiet = () => {};
    const cacheHome = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = await tempDir();
    try {
      expect(await runCli(['build', root, '--out', withThread], quiet, quiet)).toBe(0);
    } finally {
      process.env.XDG_CACHE_HOME = cacheHome;
    }
    expect(domThread()?.script).toBe(domWorkerScript);
    // Two posts, each for its page and its feed item, and the partial.
    expect(domThread()!.answered).toBeGreaterThanOrEqual(5);
    await stopDomThread();
    await build(root, without, { now: Date.now(), cacheDir: await tempDir() });
    expect(domThread()).toBeNull();
    expect(await readTree(withThread)).toEqual(await readTree(without));
  });
});
