// The property behind "what you preview is what gets published", over every
// post we have that someone wrote to test us: the hostile corpus, the golden
// site and the sample blog. For each post, the HTML the preview's pipeline
// shows (sanitized, as the preview always is) is the post body in the page the
// build writes and in the standalone export ("Copy as HTML"), and that body is
// one the sanitizer leaves as it is. An export path that skipped the sanitizer
// would publish markup the preview never showed, and fail here.
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { bundledSampleBlog, packageRoot } from '../../../electron/appPaths';
import { findFrontMatter } from '../../../common/post';
import { siteModel } from '../../../common/site/model';
import { fileOf } from '../../../common/site/permalink';
import { renderStandalone, workspacePosts } from '../../../electron/site/standalone';
import { findPosts, summarizeAll } from '../../../electron/workspace/scan';
import { readSiteSettings } from '../../../electron/workspace/settings';
import { hostileInputs } from '../../helpers/hostile';
import { nodeMarkdown, nodeSanitizer } from '../../helpers/markdown';
import { bodyDifference } from '../../helpers/sameBody';
import { build, NOW } from '../../helpers/site';
import { tempDir, writeTree } from '../../helpers/tmp';

const everything = { drafts: true, future: true };

/** The post body of a page the theme wrote: the inside of its `.post-body`. */
function bodyOf(page: string): string {
  const body = new JSDOM(page).window.document.querySelector('article .post-body');
  if (!body) throw new Error('the page has no .post-body');
  return body.innerHTML;
}

/**
 * A built page's body as the preview shows it: the preview draws the original
 * pictures (it has no resized ones yet), so what the build adds to a resized
 * image (size, srcset, sizes) is left out of the comparison. Every other
 * attribute, the src included (see sameBody.ts), is still compared.
 */
function asPreviewed(body: string): string {
  const { document } = new JSDOM('').window;
  const template = document.createElement('template');
  template.innerHTML = body;
  for (const img of template.content.querySelectorAll('img[srcset][sizes][width][height]')) for (const name of ['width', 'height', 'sizes', 'srcset']) img.removeAttribute(name);
  return template.innerHTML;
}

/** Every published post of the workspace at `root`, built: its source text, its page's body and its standalone export's. */
async function builtPosts(root: string) {
  const out = path.join(await tempDir(), 'site');
  await build(root, out, everything);
  const settings = await readSiteSettings(root);
  const summaries = await summarizeAll(root, await findPosts(root, settings.output));
  const { posts } = siteModel(summaries, settings, { ...everything, now: NOW });
  return Promise.all(
    posts.map(async (post) => {
      const bytes = await readFile(path.join(root, post.path));
      const text = bytes.toString('utf8');
      return {
        path: post.path,
        body: text.slice(findFrontMatter(text).bodyStart),
        page: asPreviewed(bodyOf(await readFile(path.join(out, fileOf(post.url)), 'utf8'))),
        standalone: bodyOf((await renderStandalone(root, post.path, bytes, () => workspacePosts(root))).html),
      };
    }),
  );
}

async function copyOf(folder: string): Promise<string> {
  const root = await tempDir();
  await cp(folder, root, { recursive: true });
  return root;
}

const corpora: [string, () => Promise<string>][] = [
  [
    'the hostile corpus',
    async () => {
      const root = await tempDir();
      // The stall-prone inputs are bounded in test/common/markdown/pathological.test.ts; here they would only cost time.
      await writeTree(root, Object.fromEntries(hostileInputs.filter((i) => !i.pathological).map((i) => [`posts/${i.fileName}`, i.markdown])));
      return root;
    },
  ],
  ['the golden site', () => copyOf(path.join(packageRoot, 'test/fixtures/site/input'))],
  ['the sample blog', () => copyOf(bundledSampleBlog)],
];

describe('the preview shows exactly the body that is published', () => {
  const preview = nodeMarkdown();

  it.each(corpora)('for every post of %s', { timeout: 180_000 }, async (_name, workspace) => {
    const posts = await builtPosts(await workspace());
    expect(posts.length).toBeGreaterThan(3);
    const differences: string[] = [];
    for (const post of posts) {
      const shown = preview.render(post.body).html;
      for (const [where, body] of [['page', post.page], ['standalone export', post.standalone]] as const) {
        const difference = bodyDifference(shown, body);
        if (difference) differences.push(`${post.path}, ${where}: ${difference}`);
        const resanitized = bodyDifference(nodeSanitizer(body), body);
        if (resanitized) differences.push(`${post.path}, ${where}: the sanitizer would still change ${resanitized}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('tells a body that skipped the sanitizer from the preview (so it can fail)', () => {
    const source = 'A claim.[^x" onmouseover="alert(1)]\n\n[^x" onmouseover="alert(1)]: Note.\n';
    const unsanitized = preview.render(source).html.replace('data-footnote-backref=""', 'data-footnote-backref="" onmouseover="alert(1)"');
    expect(bodyDifference(preview.render(source).html, unsanitized)).toMatch(/attributes \[aria-label data-footnote-backref href\] ≠ \[aria-label data-footnote-backref href onmouseover\]/);
    expect(bodyDifference(nodeSanitizer(unsanitized), unsanitized)).not.toBeNull();
    expect(bodyDifference(preview.render(source).html, preview.render(source).html)).toBeNull();
  });
});
