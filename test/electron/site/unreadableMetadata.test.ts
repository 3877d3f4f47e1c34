// A post whose metadata says "draft" in any of the generators' ways, or whose
// metadata cannot be read at all, never reaches the site: not through a build
// (postwright build, Export Site…), and so not through publish, which uploads
// the build. Each case is a file as Hugo, Jekyll or Eleventy would hold it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderStandalone, workspacePosts } from '../../../electron/site/standalone';
import { build, readTree } from '../../helpers/site';
import { tempDir, tempTree } from '../../helpers/tmp';

const SECRET = 'UNPUBLISHED-SENTENCE';

const drafts: Record<string, string> = {
  'content/posts/toml-draft.md': `+++\ntitle = "TOML draft"\ndate = 2024-01-01\ndraft = true\n+++\n${SECRET}\n`,
  'content/posts/json-draft.md': `{\n  "title": "JSON draft",\n  "date": "2024-01-01",\n  "draft": true\n}\n${SECRET}\n`,
  'content/posts/eleventy-json-draft.md': `---json\n{ "title": "JSON fences", "draft": true }\n---\n${SECRET}\n`,
  'content/posts/capital-draft.md': `---\nTitle: Capital\nDate: 2024-01-01\nDraft: true\n---\n${SECRET}\n`,
  'content/posts/quoted-draft.md': `---\ntitle: Quoted\ndraft: "true"\n---\n${SECRET}\n`,
  '_posts/2024-01-01-unpublished.md': `---\ntitle: Jekyll\npublished: false\n---\n${SECRET}\n`,
};
const unreadable: Record<string, string> = {
  'posts/js.md': `---js\n{ title: "JS", draft: false }\n---\n${SECRET}\n`,
  'posts/broken-yaml.md': `---\ntitle: Broken\ndraft: [true\n---\n${SECRET}\n`,
  'posts/broken-toml.md': `+++\ntitle = "Broken"\ndraft = tru\n+++\n${SECRET}\n`,
  'posts/broken-json.md': `{\n  "title": "Broken",\n  "draft": true,\n}\n${SECRET}\n`,
  'posts/unclosed.md': `---\ntitle: Unclosed\ndraft: true\n${SECRET}\n`,
  'posts/coffee.md': `---coffee\ntitle: "C"\n---\n${SECRET}\n`,
};
const published = {
  'content/posts/toml.md': '+++\ntitle = "TOML post"\ndate = 2024-02-02T04:14:54-08:00\ndraft = false\ntags = ["hugo"]\n+++\nPublished TOML.\n',
  'content/posts/json.md': '{\n  "title": "JSON post",\n  "date": "2024-02-03"\n}\nPublished JSON.\n',
  'content/posts/capital.md': '---\nTitle: Capital post\nDate: 2024-02-04\nTags: [caps]\n---\nPublished caps.\n',
};

async function builtSite(options: { drafts?: boolean } = {}) {
  const root = await tempTree({ ...drafts, ...unreadable, ...published });
  const out = path.join(await tempDir(), 'site');
  const summary = await build(root, out, options);
  const files = await readTree(out);
  const text = [...files.values()].map((b) => b.toString('utf8')).join('\n');
  return { root, summary, files, text };
}

describe('drafts and unreadable metadata are never published', () => {
  it('leaves every draft and every unreadable post out of pages, feeds and sitemap, and says why', async () => {
    const { summary, files, text } = await builtSite();
    expect(text).not.toContain(SECRET);
    expect(summary.posts).toBe(3);
    expect(summary.drafts).toBe(Object.keys(drafts).length);
    expect(summary.future).toBe(0);
    for (const file of Object.keys(unreadable)) {
      expect(summary.warnings.some((w) => w.startsWith(`${file} is not published: `)), file).toBe(true);
    }
    // The readable posts keep their metadata: title, date, tags, from TOML, JSON and capitalised YAML keys.
    expect(files.has('posts/toml/index.html')).toBe(true);
    expect(text).toContain('<title>TOML post');
    expect(text).toContain('<title>JSON post');
    expect(text).toContain('<title>Capital post');
    expect(files.has('tags/hugo/index.html') && files.has('tags/caps/index.html')).toBe(true);
  });

  it('keeps unreadable posts out even when drafts are asked for', async () => {
    const { summary, text } = await builtSite({ drafts: true });
    expect(summary.posts).toBe(3 + Object.keys(drafts).length);
    const leaked = text.split(SECRET).length - 1;
    // Every draft's sentence shows (on its page, and in listings); no unreadable post's page exists.
    expect(leaked).toBeGreaterThan(0);
    expect(text).not.toMatch(/<title>(JS|Broken|Unclosed|C)\b/);
  });

  it('refuses a standalone export of a post whose metadata cannot be read', async () => {
    const root = await tempTree(unreadable);
    for (const file of Object.keys(unreadable)) {
      await expect(renderStandalone(root, file, Buffer.from(unreadable[file]!), () => workspacePosts(root)), file).rejects.toMatchObject({ code: 'unsupported' });
    }
  });
});
