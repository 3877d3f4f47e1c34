// A render worker that cannot start (in a package whose worker cannot load its
// modules, say) must not stop an export: the site is built on one thread, the
// same bytes, and the summary says so.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARALLEL_THRESHOLD } from '../../../electron/site/renderPool';
import { build, readTree } from '../../helpers/site';
import { post, tempDir, writeTree } from '../../helpers/tmp';

// Every post is sanitized (jsdom + DOMPurify): builds cost several times what marked alone does, so under load these take minutes.
describe('a render worker that fails', { timeout: 180_000 }, () => {
  it('falls back to this thread and builds the same site', async () => {
    const root = await tempDir();
    const posts: Record<string, string> = {};
    for (let i = 0; i < PARALLEL_THRESHOLD + 10; i++) {
      posts[`posts/p${i}.md`] = post({ title: `Post ${i}`, date: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, tags: `[t${i % 5}]` }, `Body ${i}.\n\n\`\`\`ts\nconst n = ${i};\n\`\`\`\n`);
    }
    await writeTree(root, posts);
    const broken = path.join(await tempDir(), 'brokenWorker.mjs');
    await writeFile(broken, "throw new Error('this worker cannot load its modules');\n");

    const fellBack = path.join(await tempDir(), 'site');
    const summary = await build(root, fellBack, { workerScript: broken });
    expect(summary.warnings[0]).toMatch(/^A render worker failed: .*this worker cannot load its modules.*\. The site was built on one thread instead\.$/);
    expect(summary.posts).toBe(PARALLEL_THRESHOLD + 10);

    const oneThread = path.join(await tempDir(), 'site');
    await build(root, oneThread, { workerScript: null });
    expect(await readTree(fellBack)).toEqual(await readTree(oneThread));
  });
});
