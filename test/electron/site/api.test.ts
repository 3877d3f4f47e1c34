// The contract's site methods, through the real backend: a build reports
// progress as events and returns its summary; a post exports as one page.
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../common/api';
import { bundledSampleBlog } from '../../../electron/appPaths';
import { createBackend } from '../../../electron/backend';
import { nodePlatform } from '../../../electron/platform';
import { readTree } from '../../helpers/site';
import { tempDir } from '../../helpers/tmp';

async function sampleBackend() {
  const root = await tempDir();
  await cp(bundledSampleBlog, root, { recursive: true });
  const backend = await createBackend({ root, platform: nodePlatform(), watch: false, cacheDir: await tempDir() });
  return { root, backend };
}

// Every post is sanitized (jsdom + DOMPurify): builds cost several times what marked alone does, so under load these take minutes.
describe('site.build and site.exportPost', { timeout: 180_000 }, () => {
  it('builds the sample blog into its output folder, reporting progress up to the total', async () => {
    const { root, backend } = await sampleBackend();
    const progress: EventPayload<'site.progress'>[] = [];
    backend.subscribe((event, payload) => {
      if (event === 'site.progress') progress.push(payload as EventPayload<'site.progress'>);
    });
    try {
      const summary = await backend.handlers.site.build({});
      expect(summary).toMatchObject({ output: path.join(root, '_site'), posts: 4, drafts: 1, future: 0, deleted: 0, warnings: [] });
      const last = progress.at(-1)!;
      expect(last.done).toBe(last.total);
      expect(last.total).toBeGreaterThan(summary.posts);
      const files = await readTree(path.join(root, '_site'));
      expect(files.size).toBe(summary.files);
      // The source posts are untouched, the Jekyll one included.
      for (const [file, bytes] of await readTree(bundledSampleBlog)) expect((await readTree(root)).get(file)!.equals(bytes), file).toBe(true);
      // Again, with drafts: only the draft's page and what lists it change.
      const again = await backend.handlers.site.build({ drafts: true });
      expect(again).toMatchObject({ posts: 5, drafts: 0, rendered: 1 });
    } finally {
      await backend.close();
    }
  });

  it('exports one post as a self-contained page with its CSS and image inside', async () => {
    const { backend } = await sampleBackend();
    try {
      const posts = await backend.handlers.posts.list();
      const pipeline = posts.find((p) => p.slug === 'the-forty-minute-pipeline')!;
      const { html, fileName } = await backend.handlers.site.exportPost(pipeline.id);
      expect(fileName).toBe('the-forty-minute-pipeline.html');
      expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(html).toContain('<style>');
      expect(html).toContain('.post-body');
      expect(html).not.toMatch(/<link rel="stylesheet"/);
      expect(html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Bar chart/);
      expect(html).not.toContain('<header class="site-header"');
      await expect(backend.handlers.site.exportPost('nope')).rejects.toMatchObject({ code: 'not-found' });
    } finally {
      await backend.close();
    }
  });
});
