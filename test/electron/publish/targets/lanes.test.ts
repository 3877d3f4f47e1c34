// inLanes: a few items in flight at once; after a failure nothing new starts,
// and the failure comes out once the ones in flight have settled.
import { describe, expect, it } from 'vitest';
import { inLanes } from '../../../../electron/publish/targets/lanes';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('inLanes', () => {
  it('does every item, never more than `lanes` at once', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await inLanes([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      most = Math.max(most, ++inFlight);
      await tick();
      done.push(n);
      inFlight--;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('starts nothing after a failure, lets the ones in flight finish, then rethrows the first failure', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = inLanes([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      if (n === 2) throw new Error('item 2 failed');
      await tick();
      await tick();
      finished.push(n);
    });
    await expect(run).rejects.toThrow('item 2 failed');
    // 1 and 2 start together; 2 fails at once, so only 1 (in flight) finishes and 3… never start.
    expect(started).toEqual([1, 2]);
    expect(finished).toEqual([1]);
  });
});
