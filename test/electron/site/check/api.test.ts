// site.check through the contract, as the app calls it over the browser bridge.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult, Reply } from '../../../../common/api';
import { startTestBridge, type RunningBridge } from '../../../helpers/bridge';
import { post } from '../../../helpers/tmp';

let running: RunningBridge;
beforeAll(async () => {
  running = await startTestBridge();
});
afterAll(() => running.stop());

async function check(): Promise<CheckResult> {
  const response = await fetch(`${running.origin}/api/site.check`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${running.bridge.token}`, 'Content-Type': 'application/json' },
    body: '[]',
  });
  const reply = (await response.json()) as Reply<CheckResult>;
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

describe('site.check', () => {
  it('returns the problems with the id of each post, so the app can open it at the line', async () => {
    // The sample (five posts and its About page): its only problem is its placeholder address, in postwright.json (no post to open).
    expect(await check()).toEqual({ problems: [expect.objectContaining({ file: 'postwright.json', postId: '', kind: 'site-settings', severity: 'warning' })], posts: 6, layout: 'Postwright site: 5 posts, 1 page' });
    await writeFile(join(running.root, 'posts', 'new.md'), post({ title: 'New' }, '\n[retries](../_posts/2024-03-18-retries.md)\n'));
    const { problems: all, posts } = await check();
    const problems = all.filter((problem) => problem.kind !== 'site-settings');
    expect(posts).toBe(7);
    const list = await running.backend.handlers.posts.list();
    expect(problems).toEqual([
      {
        file: 'posts/new.md',
        postId: list.find((p) => p.path === 'posts/new.md')!.id,
        line: 5,
        column: 1,
        severity: 'error',
        kind: 'link',
        message: 'Broken link "../_posts/2024-03-18-retries.md": no such post. Fix the path or remove the link.',
      },
    ]);
  });

  it('refuses arguments', async () => {
    const response = await fetch(`${running.origin}/api/site.check`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${running.bridge.token}`, 'Content-Type': 'application/json' },
      body: '["extra"]',
    });
    const reply = (await response.json()) as Reply<CheckResult>;
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });
});
