import { execFileSync } from 'node:child_process';
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../../../electron/site/check/check';
import { Workspace } from '../../../../electron/workspace/workspace';
import { noTrash, post, tempDir, tempTree, writeTree } from '../../../helpers/tmp';
import { checkTree, where } from './checkTree';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

describe('check: images', () => {
  it('accepts images beside the post, in its assets folder, from the root and from the web', async () => {
    const body = '![Chart](a.assets/chart.png)\n![Logo](/images/logo.png)\n![Remote](https://example.com/x.png)\n![Pixel](data:image/png;base64,iVBORw0KGgo=)';
    const { problems } = await checkTree({ 'posts/a.md': post({ title: 'A' }, body), 'posts/a.assets/chart.png': png, 'images/logo.png': png });
    expect(problems).toEqual([]);
  });

  it('warns about each file in a post’s assets folder that the post no longer links (an undone paste)', async () => {
    const body = '![Chart](hello%20world.assets/chart.png)\n[the data](hello%20world.assets/data.csv)';
    const { problems } = await checkTree({
      'posts/hello world.md': post({ title: 'A' }, body),
      'posts/hello world.assets/chart.png': png,
      'posts/hello world.assets/data.csv': 'a,b\n',
      'posts/hello world.assets/image.png': png,
      'posts/hello world.assets/image-2.png': png,
    });
    expect(problems.map(where)).toEqual([
      { file: 'posts/hello world.md', line: 1, severity: 'warning', kind: 'unused-asset' },
      { file: 'posts/hello world.md', line: 1, severity: 'warning', kind: 'unused-asset' },
    ]);
    expect(problems[0]!.message).toBe('posts/hello world.assets/image-2.png is not linked from this post (left from an undone paste or a deleted link?). Delete it, or link it again.');
    expect(problems[1]!.message).toMatch(/^posts\/hello world\.assets\/image\.png is not linked/);
  });

  it('reports a missing image (error) and missing alt text (warning) at the image', async () => {
    const body = 'Text.\n\nSee ![Chart](a.assets/nope.png) and ![](a.assets/chart.png)\n![ ](https://example.com/x.png)';
    const { problems } = await checkTree({ 'posts/a.md': post({ title: 'A' }, body), 'posts/a.assets/chart.png': png });
    expect(problems.map(where)).toEqual([
      { file: 'posts/a.md', line: 6, column: 5, severity: 'error', kind: 'image' },
      { file: 'posts/a.md', line: 6, column: 37, severity: 'warning', kind: 'alt-text' },
      { file: 'posts/a.md', line: 7, column: 1, severity: 'warning', kind: 'alt-text' },
    ]);
    expect(problems[0]!.message).toBe('Missing image "a.assets/nope.png": there is no posts/a.assets/nope.png in the workspace. Fix the path or add the file.');
    expect(problems[1]!.message).toBe('Image "a.assets/chart.png" has no alt text. Say what it shows between the brackets, ![like this](a.assets/chart.png), for readers who cannot see it.');
  });

  it('reports ../ paths and links that leave the workspace, and never opens what is outside', async () => {
    const root = await tempDir();
    const outside = await tempDir();
    // A FIFO blocks whoever reads it: if the check opened it, this test would time out.
    execFileSync('mkfifo', [path.join(outside, 'pipe.png')]);
    await writeTree(root, {
      'posts/a.md': post({ title: 'A' }, '![p](../../etc/passwd)\n![l](linked.png)\n![d](dir/pipe.png)\n![r](/../../etc/passwd)'),
    });
    await symlink(path.join(outside, 'pipe.png'), path.join(root, 'posts/linked.png'));
    await symlink(outside, path.join(root, 'posts/dir'));
    const workspace = await Workspace.open(root, noTrash);
    const { problems } = await checkWorkspace(workspace);
    await workspace.close();
    expect(problems.map((p) => [p.line, p.kind, p.severity])).toEqual([
      [4, 'image', 'error'],
      [5, 'image', 'error'],
      [6, 'image', 'error'],
      [7, 'image', 'error'],
    ]);
    for (const p of problems) expect(p.message).toContain('is outside the workspace, so it cannot be published');
  });

  it('never lists the files of an assets folder that is a link out of the workspace', async () => {
    const root = await tempDir();
    const outside = await tempTree({ 'secret.png': png });
    await writeTree(root, { 'posts/a.md': post({ title: 'A' }, 'Text.'), 'posts/b.md': post({ title: 'B' }, 'Text.'), 'inside/kept.png': png });
    await symlink(outside, path.join(root, 'posts/a.assets'));
    await symlink(path.join(root, 'inside'), path.join(root, 'posts/b.assets'));
    const workspace = await Workspace.open(root, noTrash);
    const { problems } = await checkWorkspace(workspace);
    await workspace.close();
    // A link inside the workspace is followed; the one out of it is not, and nothing names its file.
    const unused = problems.filter((p) => p.kind === 'unused-asset');
    expect(unused.map((p) => p.file)).toEqual(['posts/b.md']);
    expect(unused[0]!.message).toMatch(/^posts\/b\.assets\/kept\.png is not linked/);
  });

  it('reports a folder given as an image', async () => {
    const { problems } = await checkTree({ 'a.md': '![x](pics)', 'pics/one.png': png });
    expect(problems.map((p) => p.message)).toEqual(['Image "pics" is a folder, not an image file. Link the image file inside it.']);
  });
});
