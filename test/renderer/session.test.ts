// The open-post session against an in-memory backend and a bare EditorState:
// opening, saving, conflicts, outside edits, rename and delete, without a DOM.
import { history, undo } from '@codemirror/commands';
import { EditorState, type TransactionSpec } from '@codemirror/state';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../common/api';
import { savedState } from '../../renderer/editor/savedState';
import type { NoticeAction } from '../../renderer/notices';
import { PostSession, type EditorPort } from '../../renderer/session';
import { FakeDisk } from './fakeDisk';

let disk: FakeDisk;
let editor: EditorPort & { type(text: string): void; text(): string };
let session: PostSession;
let notices: { kind: string; message: string; action?: NoticeAction }[];
let listed: string[];

beforeEach(() => {
  disk = new FakeDisk();
  notices = [];
  listed = [];
  const extensions = [savedState(), history()];
  let state = EditorState.create({ extensions });
  editor = {
    get state() {
      return state;
    },
    dispatch(spec: TransactionSpec) {
      state = state.update(spec).state;
      session.editorChanged();
    },
    setState(next) {
      state = next;
    },
    type(text) {
      this.dispatch({ changes: { from: state.doc.length, insert: text } });
    },
    text: () => state.doc.toString(),
  };
  session = new PostSession({
    api: disk.api,
    editor,
    extensions,
    notify: (kind, message, action) => notices.push({ kind, message, ...(action && { action }) }),
    onPost: (post) => listed.push(`+${post.id}`),
    onRemoved: (id) => listed.push(`-${id}`),
  });
});

describe('open and save', () => {
  it('opens a post clean and saves edits against the loaded version', async () => {
    const file = disk.add('hello', 'Hello');
    expect(await session.open('hello')).toBe(true);
    expect(session.state.post?.id).toBe('hello');
    expect(session.state.dirty).toBe(false);
    editor.type(' world');
    expect(session.state.dirty).toBe(true);
    expect(await session.save()).toBe(true);
    expect(disk.files.get('hello')?.text).toBe('Hello world');
    expect(session.state.dirty).toBe(false);
    expect(session.version).toBe(file.version);
  });

  it('saves the open post before opening another', async () => {
    disk.add('a', 'A');
    disk.add('b', 'B');
    await session.open('a');
    editor.type('!');
    expect(await session.open('b')).toBe(true);
    expect(disk.files.get('a')?.text).toBe('A!');
    expect(editor.text()).toBe('B');
  });

  it('reports a failed save and stays dirty', async () => {
    disk.add('a', 'A');
    await session.open('a');
    editor.type('!');
    disk.saveError = new ApiError('disk-full', 'The disk is full; the original file is intact.');
    expect(await session.save()).toBe(false);
    expect(session.state.dirty).toBe(true);
    expect(notices).toEqual([{ kind: 'error', message: 'The disk is full; the original file is intact.' }]);
  });

  it('creates and opens a new post', async () => {
    expect(await session.create('My Post')).toBe(true);
    expect(session.state.post?.id).toBe('my-post');
    expect(editor.text()).toContain('title: My Post');
    expect(listed).toEqual(['+my-post']);
  });
});

describe('opening a post from the OS', () => {
  it('opens it like a pick from the list, saving the open post first', async () => {
    disk.add('a', 'A');
    disk.add('b', 'B');
    await session.open('a');
    editor.type('!');
    expect(await session.openFromOs('b')).toBe(true);
    expect(disk.files.get('a')?.text).toBe('A!');
    expect(session.state.post?.id).toBe('b');
    expect(notices).toEqual([]);
  });

  it('says why it waits while a conflict is being resolved, and keeps both versions', async () => {
    disk.add('a', 'A');
    disk.add('b', 'B');
    await session.open('a');
    editor.type(' mine');
    disk.edit('a', 'A theirs');
    await session.save();
    expect(await session.openFromOs('b')).toBe(false);
    expect(session.state.post?.id).toBe('a');
    expect(session.state.conflict?.mine).toBe('A mine');
    expect(notices).toEqual([{ kind: 'info', message: 'First choose which version of posts/a.md to keep, then open the file again.' }]);
  });

  it('reports a post that is gone', async () => {
    expect(await session.openFromOs('missing')).toBe(false);
    expect(notices).toEqual([{ kind: 'error', message: 'No post missing.' }]);
  });
});

describe('conflicts', () => {
  beforeEach(async () => {
    disk.add('p', 'base');
    await session.open('p');
    editor.type(' mine');
  });

  it('shows both versions when the file changed on disk', async () => {
    disk.edit('p', 'base theirs');
    expect(await session.save()).toBe(false);
    expect(session.state.conflict).toEqual({ mine: 'base mine', disk: { text: 'base theirs', version: disk.files.get('p')?.version } });
    expect(session.state.dirty).toBe(true);
  });

  it('keep my version: copies the disk version aside, then saves mine over it', async () => {
    disk.edit('p', 'base theirs');
    await session.save();
    await session.keepMine();
    expect(disk.calls.slice(-2)).toEqual(['saveCopy p', expect.stringMatching(/^save p v\d+$/)]);
    expect(disk.files.get('p')?.text).toBe('base mine');
    expect(disk.files.get('p-conflicted-copy')?.text).toBe('base theirs');
    expect(session.state.conflict).toBeNull();
    expect(session.state.dirty).toBe(false);
    expect(notices.at(-1)?.message).toContain('posts/p-conflicted-copy.md');
  });

  it('use the disk version: copies mine aside, then loads the disk text', async () => {
    const version = disk.edit('p', 'base theirs');
    await session.save();
    await session.useDisk();
    expect(disk.files.get('p-conflicted-copy')?.text).toBe('base mine');
    expect(editor.text()).toBe('base theirs');
    expect(session.version).toBe(version);
    expect(session.state.dirty).toBe(false);
    expect(notices.at(-1)?.message).toBe('Loaded the version from disk. Your version was kept as posts/p-conflicted-copy.md.');
  });

  it('cancel changes nothing', async () => {
    disk.edit('p', 'base theirs');
    await session.save();
    session.cancelConflict();
    expect(session.state.conflict).toBeNull();
    expect(session.state.dirty).toBe(true);
    expect(disk.files.get('p')?.text).toBe('base theirs');
  });

  it('a deleted file the backend no longer knows: keep my version recreates it as a new post', async () => {
    disk.files.delete('p');
    await session.save();
    const saveCopy = disk.api.posts.saveCopy;
    disk.api.posts = { ...disk.api.posts, saveCopy: async () => Promise.reject(new ApiError('not-found', 'No post has the id "p".')) };
    await session.keepMine();
    disk.api.posts = { ...disk.api.posts, saveCopy };
    expect(session.state.conflict).toBeNull();
    expect(session.state.post?.id).toBe('p');
    expect(disk.files.get('p')?.text).toBe('base mine');
    expect(session.state.dirty).toBe(false);
  });

  it('a deleted file: keep my version saves it as a copy and opens that', async () => {
    disk.files.delete('p');
    await session.save();
    expect(session.state.conflict?.disk).toBeNull();
    await session.keepMine();
    expect(session.state.post?.id).toBe('p-conflicted-copy');
    expect(disk.files.get('p-conflicted-copy')?.text).toBe('base mine');
    expect(session.state.dirty).toBe(false);
  });
});

describe('outside changes', () => {
  beforeEach(async () => {
    disk.add('p', 'line one\nline two');
    await session.open('p');
  });

  it('ignores the event for our own save', async () => {
    editor.type('!');
    await session.save();
    await session.onPostsChanged({ kind: 'changed', id: 'p', version: session.version! });
    expect(session.state.diskNote).toBeNull();
  });

  it('reloads a clean editor quietly', async () => {
    const version = disk.edit('p', 'line one\nline two\nline three');
    await session.onPostsChanged({ kind: 'changed', id: 'p', version });
    expect(editor.text()).toBe('line one\nline two\nline three');
    expect(session.state.dirty).toBe(false);
    expect(session.version).toBe(version);
    expect(session.state.diskNote).toBeNull();
  });

  it('notes the change over a dirty editor and keeps the buffer', async () => {
    editor.type(' (mine)');
    const version = disk.edit('p', 'theirs');
    await session.onPostsChanged({ kind: 'changed', id: 'p', version });
    expect(session.state.diskNote).toBe('changed');
    expect(editor.text()).toBe('line one\nline two (mine)');
  });

  it('merges an outside edit to other lines into unsaved text, says what came in, and stays unsaved over the new version', async () => {
    editor.dispatch({ changes: { from: 0, to: 4, insert: 'LINE' }, selection: { anchor: 4 } });
    const version = disk.edit('p', 'line one\nline two\nTheir third line.');
    await session.onPostsChanged({ kind: 'changed', id: 'p', version });
    expect(editor.text()).toBe('LINE one\nline two\nTheir third line.');
    // Only their lines were inserted: my caret did not move.
    expect(editor.state.selection.main.head).toBe(4);
    expect(session.state.diskNote).toBeNull();
    expect(session.state.dirty).toBe(true);
    expect(session.version).toBe(version);
    expect(notices.at(-1)).toEqual({
      kind: 'info',
      message: 'posts/p.md changed on disk while you were writing. Took in 1 line added, from line 3 (\u201cTheir third line.\u201d); your unsaved edits are kept.',
    });
    // The save goes over their version: no conflict, both edits on disk.
    expect(await session.save()).toBe(true);
    expect(disk.files.get('p')?.text).toBe('LINE one\nline two\nTheir third line.');
  });

  it('merges at save time too, when the save finds the file changed before the watcher said so', async () => {
    disk.add('q', 'one\ntwo\nthree');
    await session.open('q');
    editor.type(' (mine)');
    disk.edit('q', 'Their one\ntwo\nthree');
    expect(await session.save()).toBe(true);
    expect(session.state.conflict).toBeNull();
    expect(disk.files.get('q')?.text).toBe('Their one\ntwo\nthree (mine)');
    expect(editor.text()).toBe('Their one\ntwo\nthree (mine)');
    expect(session.state.dirty).toBe(false);
  });

  it('asks when both changed the same line: the save conflicts and nothing is merged', async () => {
    editor.type(' (mine)');
    disk.edit('p', 'line one\nline two (theirs)');
    expect(await session.save()).toBe(false);
    expect(session.state.conflict).toEqual({ mine: 'line one\nline two (mine)', disk: { text: 'line one\nline two (theirs)', version: disk.files.get('p')?.version } });
    expect(editor.text()).toBe('line one\nline two (mine)');
  });

  it('does not merge over a recovered text whose base is unknown', async () => {
    // The journal kept text typed over version `base`; the file has changed since, and the app restarted.
    const { version: base } = disk.add('q', 'one\ntwo\nthree');
    const version = disk.edit('q', 'one\ntwo\nthree\nadded on disk');
    await session.restoreRecovered('q', 'one (recovered)\ntwo\nthree', base);
    expect(session.state.diskNote).toBe('changed');
    expect(await session.save()).toBe(false);
    expect(session.state.conflict?.disk?.version).toBe(version);
    expect(editor.text()).toBe('one (recovered)\ntwo\nthree');
  });

  it('notes a removal and keeps the buffer', async () => {
    editor.type('!');
    disk.files.delete('p');
    await session.onPostsChanged({ kind: 'removed', id: 'p' });
    expect(session.state.diskNote).toBe('removed');
    expect(session.state.post?.id).toBe('p');
    expect(editor.text()).toBe('line one\nline two!');
  });

  it('waits for a save in flight before judging an event', async () => {
    editor.type('!');
    const saving = session.save();
    // The watcher reports our write before the save call returns.
    const event = session.onPostsChanged({ kind: 'changed', id: 'p', version: 'v2' });
    await Promise.all([saving, event]);
    expect(session.version).toBe('v2');
    expect(session.state.diskNote).toBeNull();
    expect(session.state.dirty).toBe(false);
  });
});

describe('rename and delete', () => {
  it('renames, following the post to its new id', async () => {
    disk.add('old', 'text');
    await session.open('old');
    expect(await session.rename('new-name')).toBe(true);
    expect(session.state.post?.id).toBe('new-name');
    expect(listed).toEqual(['-old', '+new-name']);
    // Saving later goes to the new id, against the version rename returned.
    editor.type('!');
    expect(await session.save()).toBe(true);
    expect(disk.files.get('new-name')?.text).toBe('text!');
  });

  it('deletes the open post and says where it went, offering Undo', async () => {
    disk.add('gone', 'text');
    await session.open('gone');
    expect(await session.delete()).toBe(true);
    expect(session.state.post).toBeNull();
    expect(editor.text()).toBe('');
    expect(notices.at(-1)).toEqual({ kind: 'info', message: 'Moved posts/gone.md to the Trash.', action: { label: 'Undo', run: expect.any(Function), stays: true } });
  });

  it('says the trash has it when the backend kept no copy to undo from', async () => {
    disk.add('gone', 'text');
    await session.open('gone');
    const remove = disk.api.posts.delete;
    disk.api.posts = { ...disk.api.posts, delete: async (id) => ({ ...(await remove(id)), undo: null }) };
    expect(await session.delete()).toBe(true);
    expect(notices.at(-1)).toEqual({ kind: 'info', message: 'Moved posts/gone.md to the Trash. You can restore it from there.' });
  });

  it('Undo puts the deleted post back and opens it, the caret where it was', async () => {
    disk.add('gone', 'first line\nsecond line');
    await session.open('gone');
    editor.dispatch({ selection: { anchor: 14 } });
    await session.delete();
    listed.length = 0;
    notices.at(-1)!.action!.run();
    await expect.poll(() => session.state.post?.id).toBe('gone');
    expect(editor.text()).toBe('first line\nsecond line');
    expect(editor.state.selection.main.head).toBe(14);
    expect(session.state.dirty).toBe(false);
    expect(listed).toEqual(['+gone']);
    expect(notices.at(-1)).toEqual({ kind: 'info', message: 'Restored posts/gone.md.' });
    // Saving goes to the restored file, against the version it came back with.
    editor.type('!');
    expect(await session.save()).toBe(true);
    expect(disk.files.get('gone')?.text).toBe('first line\nsecond line!');
  });

  it('Undo refuses to overwrite a file that took the name since, and says so', async () => {
    disk.add('gone', 'text');
    await session.open('gone');
    await session.delete();
    const undo = notices.at(-1)!.action!;
    disk.add('gone', 'a new file of the same name');
    undo.run();
    await expect.poll(() => notices.at(-1)?.kind).toBe('error');
    expect(notices.at(-1)?.message).toBe(`Can't undo the delete: posts/gone.md exists again.`);
    expect(disk.files.get('gone')?.text).toBe('a new file of the same name');
    expect(session.state.post).toBeNull();
  });
});

describe('restore a kept version', () => {
  it('saves unsaved text first, puts the version back as one undoable change, and saves it', async () => {
    disk.add('a', 'one\ntwo\n');
    await session.open('a');
    editor.type('three\n');
    await session.save();
    editor.type('unsaved\n');
    expect(await session.restoreVersion('one\ntwo\n')).toBe(true);
    // The unsaved text went to disk first (so history keeps it), then the restored text.
    expect(disk.calls.filter((c) => c.startsWith('save'))).toHaveLength(3);
    expect(disk.files.get('a')!.text).toBe('one\ntwo\n');
    expect(editor.text()).toBe('one\ntwo\n');
    expect(session.state.dirty).toBe(false);

    undo({ state: editor.state, dispatch: (tr) => (editor.setState(tr.state), session.editorChanged()) });
    expect(editor.text()).toBe('one\ntwo\nthree\nunsaved\n');
    expect(session.state.dirty).toBe(true);
  });

  it('restores nothing while a conflict is open', async () => {
    disk.add('a', 'mine');
    await session.open('a');
    disk.edit('a', 'theirs');
    editor.type('!');
    expect(await session.save()).toBe(false);
    expect(session.state.conflict).not.toBeNull();
    expect(await session.restoreVersion('old')).toBe(false);
    expect(editor.text()).toBe('mine!');
  });
});
