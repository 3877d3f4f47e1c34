// Class 3 of issue 12: files from outside the posts must not be published
// through symbolic links whose real path lies in a place Postwright skips
// (.git, .env, node_modules, the output folder). The links are made at run
// time (test/helpers/hostileLinks.ts); every leaked file carries a marker.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../../electron/site/check/check';
import { renderStandalone, workspacePosts } from '../../../electron/site/standalone';
import { Workspace } from '../../../electron/workspace/workspace';
import { bareRepo } from '../../helpers/gitRemote';
import { hostileLinks, innocentLink, LEAK_MARKER, writeHostileLinks } from '../../helpers/hostileLinks';
import { publishingWorkspace } from '../../helpers/publish';
import { rejection } from '../../helpers/rejection';
import { build, readTree } from '../../helpers/site';
import { noTrash, tempDir } from '../../helpers/tmp';

async function linkedBlog() {
  const root = await tempDir('postwright-links-');
  await writeHostileLinks(root);
  await writeFile(path.join(root, 'postwright.json'), JSON.stringify({ title: 'Linked' }));
  return root;
}

/** Runs `act` on a workspace opened over linkedBlog(); the workspace is closed after, pass or fail. */
async function onLinkedWorkspace(act: (linked: { root: string; workspace: Workspace }) => Promise<void>): Promise<void> {
  const root = await linkedBlog();
  const workspace = await Workspace.open(root, noTrash);
  try {
    await act({ root, workspace });
  } finally {
    await workspace.close();
  }
}

const leaks = (files: Map<string, Buffer>) => [...files].filter(([, bytes]) => bytes.includes(LEAK_MARKER)).map(([file]) => file);

describe.skipIf(process.platform === 'win32')('symbolic links into skipped places', () => {
  it('the build publishes none of their targets, under any name, and still follows an innocent link', { timeout: 60_000 }, async () => {
    const root = await linkedBlog();
    const out = path.join(await tempDir(), 'site');
    await build(root, out);
    const site = await readTree(out);
    expect(leaks(site)).toEqual([]);
    const pages = [...site.keys()].filter((file) => file.endsWith('/index.html'));
    expect(pages.filter((file) => /git-config|chain|hop/.test(file))).toEqual([]);
    expect(pages).toContain('posts/alias/index.html');
    // Not even an image of them: the linked names are left out of the site.
    expect([...site.keys()].filter((file) => /\.png$/.test(file))).toEqual([]);
    expect(site.has('custom.css')).toBe(false);
  });

  it('the workspace does not list a linked post whose target is skipped, and lists the innocent one', async () => {
    await onLinkedWorkspace(async ({ workspace }) => {
      expect((await workspace.list()).map((p) => p.path).sort()).toEqual(['notes/real.md', 'posts/a.md', 'posts/alias.md']);
    });
  });

  it('the preview’s asset route refuses an image whose link leads into a skipped place, and serves a plain one', async () => {
    await onLinkedWorkspace(async ({ root, workspace }) => {
      for (const image of ['posts/env.assets/photo.png', 'posts/vendor/logo.png', 'posts/built.assets/old.png']) {
        await expect(workspace.asset(image), image).rejects.toMatchObject({ code: 'forbidden' });
      }
      await writeFile(path.join(root, 'posts/plain.png'), await readFile(path.join(root, 'node_modules/theme-kit/logo.png')));
      await expect(workspace.asset('posts/plain.png')).resolves.toMatchObject({ contentType: 'image/png' });
    });
  });

  it('check reports every link the build would follow: an error for each into a skipped place, a warning otherwise', async () => {
    await onLinkedWorkspace(async ({ workspace }) => {
      const links = (await checkWorkspace(workspace)).problems.filter((p) => p.kind === 'symlink');
      const expected = [...hostileLinks, { link: 'notes/hop.md', target: '.env.production' }].map(({ link, target }) => ({ file: link, target, severity: 'error' }));
      expected.push({ file: innocentLink.link, target: innocentLink.target, severity: 'warning' });
      expect(links.map(({ file, severity, message }) => ({ file, target: /symbolic link to (\S+?)[,:]/.exec(message)?.[1], severity }))).toEqual(
        expected.sort((a, b) => (a.file < b.file ? -1 : 1)),
      );
      expect(links.find((p) => p.file === 'posts/git-config.md')!.message).toBe(
        'posts/git-config.md is a symbolic link to .git/config, a place Postwright never publishes (dot-files and dot-folders such as .git and .env, node_modules, the output folder). ' +
          'The build leaves it out, and publishing stops until the link is removed.',
      );
    });
  });

  it('a link into a skipped place stops publish before anything is built or pushed', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url } });
    await writeHostileLinks(ws.root);
    const error = await rejection(ws.publish());
    expect(error.message).toMatch(/^The check found \d+ errors; fix them, then publish again:\n/);
    expect(error.message).toContain('posts/git-config.md:1  error  posts/git-config.md is a symbolic link to .git/config');
    expect(await readdir(path.join(remote.dir, 'refs', 'heads'))).toEqual([]);
  });

  it('the standalone export inlines nothing a link leads to in a skipped place', async () => {
    const root = await linkedBlog();
    const exported = await renderStandalone(root, 'posts/a.md', await readFile(path.join(root, 'posts/a.md')), () => workspacePosts(root));
    expect(exported.html).not.toContain(LEAK_MARKER);
    // Images are inlined as data: URIs, so look inside each one too.
    const inlined = [...exported.html.matchAll(/base64,([A-Za-z0-9+/=]+)/g)].map((m) => Buffer.from(m[1]!, 'base64'));
    expect(inlined.filter((bytes) => bytes.includes(LEAK_MARKER))).toEqual([]);
  });
});
