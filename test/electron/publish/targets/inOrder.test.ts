// Concurrent uploads keep the plan's order: no page starts before every asset
// has landed, no more than UPLOAD_CONCURRENCY run at once, and a failure stops
// new uploads and is thrown once the running ones settle.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../common/errors';
import { inRankOrder, UPLOAD_CONCURRENCY } from '../../../../electron/publish/targets/inOrder';
import { planFrom, uploadRank } from '../../../../electron/publish/plan';
import type { ManifestEntry } from '../../../../electron/publish/types';

const entry = (path: string): ManifestEntry => ({ path, sha256: path, size: 1 });
const files = [
  ...Array.from({ length: 9 }, (_, i) => `img/${i}.png`),
  ...Array.from({ length: 7 }, (_, i) => `posts/${i}/index.html`),
  'index.html', 'feed.xml', 'sitemap.xml',
];
const uploads = planFrom(new Map(files.map((f) => [f, entry(f)])), new Map()).uploads;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const never = () => new ApiError('cancelled', 'cancelled');

describe('inRankOrder', () => {
  it('finishes each rank before the next starts, a few at a time', async () => {
    const events: { kind: 'start' | 'end'; path: string }[] = [];
    let running = 0;
    let most = 0;
    await inRankOrder(uploads, new AbortController().signal, never, async (e) => {
      events.push({ kind: 'start', path: e.path });
      most = Math.max(most, ++running);
      await sleep(1 + ((e.path.length * 7) % 5));
      running--;
      events.push({ kind: 'end', path: e.path });
    });
    expect(events.filter((e) => e.kind === 'end').map((e) => e.path).sort()).toEqual([...files].sort());
    expect(most).toBe(UPLOAD_CONCURRENCY);
    for (const [i, start] of events.entries()) {
      if (start.kind !== 'start') continue;
      const lowerStillOpen = events.slice(i).some((e) => e.kind === 'end' && uploadRank(e.path) < uploadRank(start.path));
      expect(lowerStillOpen, start.path).toBe(false);
    }
  });

  it('takes no new file after a failure and throws it', async () => {
    const started: string[] = [];
    const failure = new ApiError('unreachable', 'gone');
    const run = inRankOrder(uploads, new AbortController().signal, never, async (e) => {
      started.push(e.path);
      await sleep(2);
      if (e.path === 'img/1.png') throw failure;
    });
    await expect(run).rejects.toBe(failure);
    expect(started.length).toBeLessThanOrEqual(UPLOAD_CONCURRENCY + 1);
    expect(started.every((p) => uploadRank(p) === 0)).toBe(true);
  });

  it('stops with the cancel error once the signal is aborted', async () => {
    const controller = new AbortController();
    const done: string[] = [];
    const run = inRankOrder(uploads, controller.signal, () => new ApiError('cancelled', 'stopped'), async (e) => {
      done.push(e.path);
      if (done.length === 5) controller.abort();
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(done.length).toBeLessThan(files.length);
  });
});
