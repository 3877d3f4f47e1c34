import { describe, expect, it } from 'vitest';
import { OsOpenQueue } from '../../../electron/desktop/osOpenQueue';

describe('OsOpenQueue', () => {
  it('opens the last file named before startup with the window, and the ones named during startup after it, in order', async () => {
    const queue = new OsOpenQueue('/blog/posts/launch.md');
    queue.add('/blog/posts/double-clicked.md');
    expect(queue.takeLaunchFile()).toBe('/blog/posts/double-clicked.md');
    // Named while the first workspace was opening.
    queue.add('/blog/posts/during-a.md');
    queue.add('/blog/posts/during-b.md');
    const opened: string[] = [];
    await queue.started(async (file) => void opened.push(file));
    expect(opened).toEqual(['/blog/posts/during-a.md', '/blog/posts/during-b.md']);
  });

  it('opens files at once after startup', async () => {
    const queue = new OsOpenQueue(null);
    expect(queue.takeLaunchFile()).toBeUndefined();
    const opened: string[] = [];
    await queue.started(async (file) => void opened.push(file));
    queue.add('/blog/posts/later.md');
    expect(opened).toEqual(['/blog/posts/later.md']);
  });
});
