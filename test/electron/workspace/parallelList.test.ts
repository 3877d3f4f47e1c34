import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARALLEL_THRESHOLD, summarizeInParallel, workerScript } from '../../../electron/workspace/parallelList';
import { summarizeAll } from '../../../electron/workspace/scan';
import { post, tempDir, writeTree } from '../../helpers/tmp';

describe('listing in worker threads', () => {
  it('is built by npm run build (npm test builds first)', () => {
    expect(existsSync(workerScript)).toBe(true);
  });

  it('gives exactly what listing on one thread gives, odd files included', async () => {
    const root = await tempDir();
    const files: Record<string, string | Uint8Array> = {
      'broken.md': '---\ntitle: [unclosed\n---\nBody\n',
      'latin1.md': Uint8Array.from([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x3a, 0x20, 0xe9, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]),
      'executable.md': '---js\n{ title: process.exit(1) }\n---\nBody\n',
      'bom.md': '\uFEFF---\ntitle: With a BOM\n---\nBody words here\n',
    };
    for (let i = 0; i < PARALLEL_THRESHOLD + 50; i++) {
      files[`posts/${i % 7}/post-${i}.md`] = post({ title: `Post ${i}`, date: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, tags: `[a, b${i % 3}]` }, `Words ${'lorem '.repeat(i % 50)}\n`);
    }
    await writeTree(root, files);
    const relatives = Object.keys(files);
    const parallel = await summarizeInParallel(root, relatives);
    const single = await summarizeAll(root, relatives);
    expect(parallel).toHaveLength(relatives.length);
    expect(parallel).toEqual(single);
    expect(parallel.find((p) => p.path === 'broken.md')!.error).toBeDefined();
    expect(parallel.find((p) => p.path === 'latin1.md')!.error!.message).toMatch(/UTF-8/);
  });

  it('leaves out files that vanished since the walk', async () => {
    const root = await tempDir();
    const files = Object.fromEntries(Array.from({ length: PARALLEL_THRESHOLD }, (_, i) => [`p${i}.md`, post({ title: `P${i}` })]));
    await writeTree(root, files);
    const listed = await summarizeInParallel(root, [...Object.keys(files), 'gone.md']);
    expect(listed).toHaveLength(PARALLEL_THRESHOLD);
  });
});
