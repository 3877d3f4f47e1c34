import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePost } from '../../../common/post';
import { Workspace } from '../../../electron/workspace/workspace';
import { noTrash, tempDir, tempTree } from '../../helpers/tmp';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('Workspace.create', () => {
  it('writes posts/<slug>.md with title, today and draft: true', async () => {
    const root = await tempTree({ 'posts/.keep': '' });
    const ws = await Workspace.open(root, noTrash);
    const doc = await ws.create('Hello, Wörld: a "test"');
    expect(doc.post.path).toBe('posts/hello-world-a-test.md');
    const disk = await readFile(path.join(root, doc.post.path), 'utf8');
    expect(disk).toBe(doc.text);
    expect(parsePost(disk).data).toEqual({ title: 'Hello, Wörld: a "test"', date: today(), draft: true });
    expect(doc.post).toMatchObject({ title: 'Hello, Wörld: a "test"', date: today(), draft: true, slug: 'hello-world-a-test' });
    expect(doc.version).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    // The new post is readable by its id straight away, at the same version.
    expect((await ws.read(doc.post.id)).version).toBe(doc.version);
  });

  it('puts posts in the root when there is no posts/ folder', async () => {
    const root = await tempDir();
    const doc = await (await Workspace.open(root, noTrash)).create('Root post');
    expect(doc.post.path).toBe('root-post.md');
  });

  it('never overwrites: adds -2, -3 to the file name', async () => {
    const root = await tempTree({ 'posts/same.md': 'existing, must survive' });
    const ws = await Workspace.open(root, noTrash);
    const second = await ws.create('Same');
    const third = await ws.create('Same');
    expect([second.post.path, third.post.path]).toEqual(['posts/same-2.md', 'posts/same-3.md']);
    expect(await readFile(path.join(root, 'posts/same.md'), 'utf8')).toBe('existing, must survive');
  });

  it('gives unique names to posts created at the same moment', async () => {
    const root = await tempDir();
    const ws = await Workspace.open(root, noTrash);
    const docs = await Promise.all(Array.from({ length: 5 }, () => ws.create('Race')));
    expect(new Set(docs.map((d) => d.post.path)).size).toBe(5);
    expect((await readdir(root)).filter((n) => n.endsWith('.md')).length).toBe(5);
    expect((await readdir(root)).some((n) => n.includes('pw-tmp'))).toBe(false);
  });

  it('names a post "untitled" when the title has no letters', async () => {
    const root = await tempDir();
    expect((await (await Workspace.open(root, noTrash)).create('?!')).post.path).toBe('untitled.md');
  });
});
