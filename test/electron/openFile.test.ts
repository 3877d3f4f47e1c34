import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileFromArgv, locatePost } from '../../electron/openFile';
import { Workspace } from '../../electron/workspace/workspace';
import { noTrash, post, tempTree } from '../helpers/tmp';

describe('fileFromArgv', () => {
  it('finds the Markdown file on a Windows or Linux command line, resolved against its folder', () => {
    expect(fileFromArgv(['/opt/Postwright/postwright', 'notes/first.md'], '/home/me')).toBe('/home/me/notes/first.md');
    expect(fileFromArgv(['postwright', '/abs/Post.MARKDOWN'], '/elsewhere')).toBe('/abs/Post.MARKDOWN');
  });

  it('skips the executable, the app folder in development, and switches, even ones that end in .md', () => {
    expect(fileFromArgv(['electron', '.', '--inspect=9229', '--flag=x.md', 'a.md'], '/w')).toBe('/w/a.md');
    expect(fileFromArgv(['/usr/bin/readme.md'], '/w')).toBeNull();
  });

  it('accepts file: URLs, as Linux desktops may pass them', () => {
    expect(fileFromArgv(['postwright', pathToFileURL('/home/me/My Blog/post.md').href], '/')).toBe('/home/me/My Blog/post.md');
    expect(fileFromArgv(['postwright', 'file://remote-host/share/post.md'], '/')).toBeNull();
  });

  it('returns null when no post is named (a plain launch, a folder, another file type)', () => {
    expect(fileFromArgv(['postwright'], '/w')).toBeNull();
    expect(fileFromArgv(['postwright', 'some/folder', 'image.png', '.hidden.md'], '/w')).toBeNull();
  });
});

describe('locatePost', () => {
  it('opens the nearest folder above the file that holds postwright.json, with the post selected', async () => {
    const root = await tempTree({
      'blog/postwright.json': '{"title":"Blog"}',
      'blog/posts/2024/deep.md': post({ title: 'Deep' }),
      'blog/other.md': post({ title: 'Other' }),
    });
    const found = await locatePost(path.join(root, 'blog/posts/2024/deep.md'));
    expect(found).toMatchObject({ workspaceRoot: path.join(root, 'blog'), postPath: 'posts/2024/deep.md' });
    // The id is the one the workspace itself gives the post.
    const ws = await Workspace.open(found.workspaceRoot, noTrash);
    try {
      const listed = await ws.list();
      expect(listed.find((p) => p.id === found.id)?.title).toBe('Deep');
      expect((await ws.read(found.id)).post.path).toBe('posts/2024/deep.md');
    } finally {
      await ws.close();
    }
  });

  it("opens the file's own folder when no folder above it is a blog", async () => {
    const root = await tempTree({ 'loose/note.markdown': post({ title: 'Loose' }) });
    expect(await locatePost(path.join(root, 'loose/note.markdown'))).toMatchObject({ workspaceRoot: path.join(root, 'loose'), postPath: 'note.markdown' });
  });

  it("opens a file the blog does not list (in its output folder or a dot-folder) in the file's own folder", async () => {
    const root = await tempTree({
      'blog/postwright.json': '{"output":"public"}',
      'blog/public/copy.md': post({ title: 'Built copy' }),
      'blog/.drafts/idea.md': post({ title: 'Idea' }),
    });
    expect(await locatePost(path.join(root, 'blog/public/copy.md'))).toMatchObject({ workspaceRoot: path.join(root, 'blog/public'), postPath: 'copy.md' });
    expect(await locatePost(path.join(root, 'blog/.drafts/idea.md'))).toMatchObject({ workspaceRoot: path.join(root, 'blog/.drafts'), postPath: 'idea.md' });
  });

  it('follows a symlinked file to where the post really is', async () => {
    const root = await tempTree({ 'blog/postwright.json': '{}', 'blog/posts/real.md': post({ title: 'Real' }) });
    await mkdir(path.join(root, 'desktop'));
    await symlink(path.join(root, 'blog/posts/real.md'), path.join(root, 'desktop/shortcut.md'));
    expect(await locatePost(path.join(root, 'desktop/shortcut.md'))).toMatchObject({ workspaceRoot: path.join(root, 'blog'), postPath: 'posts/real.md' });
  });

  it('refuses, with a clear reason, a missing file, a folder and a file that is not Markdown', async () => {
    const root = await tempTree({ 'a-folder.md/inside.md': 'x', 'picture.png': 'x' });
    await expect(locatePost(path.join(root, 'gone.md'))).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('does not exist') });
    await expect(locatePost(path.join(root, 'a-folder.md'))).rejects.toMatchObject({ code: 'invalid-arguments', message: expect.stringContaining('is a folder') });
    await expect(locatePost(path.join(root, 'picture.png'))).rejects.toMatchObject({ code: 'invalid-arguments', message: expect.stringContaining('.md and .markdown') });
  });
});
