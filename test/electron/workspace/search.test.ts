import { utimes, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MATCHES_PER_HIT, MAX_COUNTED, MAX_HITS } from '../../../common/search';
import { Workspace } from '../../../electron/workspace/workspace';
import { noTrash, tempTree } from '../../helpers/tmp';

async function workspaceWith(files: Record<string, string>): Promise<Workspace> {
  const root = await tempTree(files);
  const ws = await Workspace.open(root, noTrash);
  await ws.list();
  return ws;
}

describe('Workspace.search (Find in all posts)', () => {
  it('finds the query in any case, with the line, column and the line around it', async () => {
    const ws = await workspaceWith({
      'posts/a.md': '---\ntitle: Gardens\n---\n\nI planted Tomatoes in May.\nThe tomato harvest came late.\n',
      'posts/b.md': '---\ntitle: Bikes\n---\n\nNothing about vegetables here.\n',
    });
    const result = await ws.search('TOMATO');
    expect(result).toMatchObject({ total: 1, searched: 2 });
    const [hit] = result.hits;
    expect(hit).toMatchObject({ path: 'posts/a.md', count: 2 });
    expect(hit!.matches[0]).toEqual({ line: 5, column: 11, length: 6, before: 'I planted ', match: 'Tomato', after: 'es in May.' });
    expect(hit!.matches[1]).toMatchObject({ line: 6, column: 5, match: 'tomato' });
    // The id is the one the post list uses, so the result opens the post.
    expect((await ws.read(hit!.id)).post.path).toBe('posts/a.md');
  });

  it('orders posts by how often they match and keeps only the first few snippets of each', async () => {
    const ws = await workspaceWith({ 'one.md': 'fox\n', 'many.md': 'fox fox\nfox\nfox\nfox\n' });
    const { hits } = await ws.search('fox');
    expect(hits.map((h) => [h.path, h.count])).toEqual([['many.md', 5], ['one.md', 1]]);
    expect(hits[0]!.matches).toHaveLength(MATCHES_PER_HIT);
  });

  it('cuts long lines to a snippet around the match', async () => {
    const ws = await workspaceWith({ 'long.md': `${'a'.repeat(300)} needle ${'b'.repeat(300)}\n` });
    const [match] = (await ws.search('needle')).hits[0]!.matches;
    expect(match!.before.startsWith('…')).toBe(true);
    expect(match!.after.endsWith('…')).toBe(true);
    expect(match!.before.length + match!.after.length).toBeLessThan(140);
    expect(match!.column).toBe(302);
  });

  it('puts an ellipsis only where words were cut, not indentation', async () => {
    const ws = await workspaceWith({ 'code.md': `${' '.repeat(60)}raise Retry("timeouts")
` });
    expect((await ws.search('timeouts')).hits[0]!.matches[0]).toMatchObject({ before: 'raise Retry("', after: '")' });
  });

  it('takes the query literally, and matches where lower-casing changes the length (İ)', async () => {
    const ws = await workspaceWith({ 'a.md': 'costs $5 (each).\n', 'b.md': 'İstanbul is big.\n' });
    expect((await ws.search('$5 (e')).hits.map((h) => h.path)).toEqual(['a.md']);
    expect((await ws.search('.*')).total).toBe(0);
    const hit = (await ws.search('İstanbul')).hits[0];
    expect(hit?.matches[0]).toMatchObject({ line: 1, column: 1, match: 'İstanbul' });
  });

  it('sees edits, new and removed posts made since the last search', async () => {
    const ws = await workspaceWith({ 'a.md': 'old words\n', 'b.md': 'other\n' });
    expect((await ws.search('old')).total).toBe(1);
    const a = path.join(ws.root, 'a.md');
    await writeFile(a, 'new words, same size?\n');
    // A later modification time even on file systems with coarse timestamps.
    await utimes(a, new Date(), new Date(Date.now() + 5000));
    expect((await ws.search('old')).total).toBe(0);
    expect((await ws.search('same size')).total).toBe(1);
    await unlink(path.join(ws.root, 'b.md'));
    await writeFile(path.join(ws.root, 'c.md'), 'fresh\n');
    await ws.list();
    expect((await ws.search('other')).total).toBe(0);
    expect((await ws.search('fresh')).hits.map((h) => h.path)).toEqual(['c.md']);
  });

  it('skips a post that is not UTF-8 and still searches the rest', async () => {
    const root = await tempTree({ 'good.md': 'café\n' });
    await writeFile(path.join(root, 'bad.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const ws = await Workspace.open(root, noTrash);
    await ws.list();
    const result = await ws.search('caf');
    expect(result.hits.map((h) => h.path)).toEqual(['good.md']);
  });

  it('lists the posts with the most matches when more than MAX_HITS match, and still counts every post that matches', async () => {
    // 205 posts past the count cap, one under it first by path, one past it last by path: the list is
    // settled once MAX_HITS posts at the cap are counted, and must be what a full count would give.
    const files: Record<string, string> = { 'a.md': 'fox '.repeat(5), 'c.md': 'fox '.repeat(150) };
    for (let i = 0; i < 205; i++) files[`b${String(i).padStart(3, '0')}.md`] = 'fox '.repeat(120);
    const ws = await workspaceWith(files);
    const result = await ws.search('FOX');
    expect(result.total).toBe(207);
    expect(result.hits).toHaveLength(MAX_HITS);
    expect(result.hits.every((hit) => hit.count === MAX_COUNTED)).toBe(true);
    expect(result.hits.map((hit) => hit.path)).toEqual(Array.from({ length: MAX_HITS }, (_, i) => `b${String(i).padStart(3, '0')}.md`));
    // A narrower query ranks the under-cap post by its own count.
    const few = await workspaceWith({ 'a.md': 'owl owl\n', 'b.md': 'owl\n', 'c.md': 'owl owl owl\n' });
    expect((await few.search('owl')).hits.map((h) => [h.path, h.count])).toEqual([['c.md', 3], ['a.md', 2], ['b.md', 1]]);
  });

  it('finds the same posts once the texts are fingerprinted as before', async () => {
    const ws = await workspaceWith({ 'a.md': 'The retry budget ran out.\n', 'b.md': 'retry_budget: 3\n', 'c.md': 'Nothing here.\n' });
    const before = await ws.search('retry budget');
    // Fingerprints are made in the background after the first search.
    await ws.searchIndexed();
    for (const query of ['retry budget', 'RETRY_BUDGET', 'nothing here', 're', 'zzz']) {
      const found = (await ws.search(query)).hits.map((h) => h.path);
      if (query === 'retry budget') expect(found).toEqual(before.hits.map((h) => h.path));
      expect(found).toEqual({ 'retry budget': ['a.md'], RETRY_BUDGET: ['b.md'], 'nothing here': ['c.md'], re: ['a.md', 'b.md', 'c.md'], zzz: [] }[query]);
    }
  });

  it('searches before the list was ever loaded', async () => {
    const root = await tempTree({ 'posts/x.md': 'zebra\n' });
    const ws = await Workspace.open(root, noTrash);
    expect((await ws.search('zebra')).hits.map((h) => h.path)).toEqual(['posts/x.md']);
  });
});

describe('Workspace.search while the folder is watched', () => {
  it('trusts its texts until the watcher or a save says a post changed', async () => {
    const root = await tempTree({ 'a.md': 'first draft\n' });
    const ws = await Workspace.open(root, noTrash);
    const [post] = await ws.list();
    const changed: string[] = [];
    await ws.watch((change) => changed.push(change.kind));
    try {
      expect((await ws.search('first')).total).toBe(1);
      // Our own save is seen at once, before any watch event.
      const { version } = await ws.read(post!.id);
      await ws.save(post!.id, 'second draft\n', version);
      expect((await ws.search('second')).total).toBe(1);
      // Another program's edit, once the watcher has reported it.
      changed.length = 0;
      await writeFile(path.join(root, 'a.md'), 'third draft\n');
      await expect.poll(() => changed.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect((await ws.search('third')).total).toBe(1);
      expect((await ws.search('second')).total).toBe(0);
    } finally {
      await ws.close();
    }
  });
});
