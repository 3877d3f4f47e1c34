// The renderer's side of crash recovery with a real PostSession over a real
// backend (the test bridge's, on a temp copy of the sample blog, its journal
// in a temp data folder): what is journaled when, and what each choice does.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { history, redo, undo } from '@codemirror/commands';
import { EditorState, type Transaction, type TransactionSpec } from '@codemirror/state';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecoveredText } from '../../../common/api';
import { createBackend } from '../../../electron/backend';
import { nodePlatform } from '../../../electron/platform';
import { savedState } from '../../../renderer/editor/savedState';
import { Recovery } from '../../../renderer/recovery/recovery';
import { RecoveryWriter } from '../../../renderer/recovery/recoveryWriter';
import { PostSession } from '../../../renderer/session';
import { startTestBridge, type RunningBridge } from '../../helpers/bridge';

let app: RunningBridge;
let session: PostSession;
let writer: RecoveryWriter;
let recovery: Recovery;
let state: EditorState;
let notices: string[];
let postId: string;
let file: string;

const journal = () => app.backend.handlers.recovery.list();
/** Runs an editor command (undo, redo) on the state. */
const run = (command: typeof undo) =>
  command({
    state,
    dispatch: (tr: Transaction) => {
      state = tr.state;
      session.editorChanged();
    },
  });
const type = (text: string) => {
  state = state.update({ changes: { from: state.doc.length, insert: text } }).state;
  session.editorChanged();
  writer.edited();
};
/** Lets the writer's queued journal calls reach the backend. */
const settle = () => writer.flush();

/** The renderer's objects as a start makes them: nothing open yet. */
function startRenderer(): void {
  writer?.dispose();
  const extensions = [savedState(), history()];
  state = EditorState.create({ extensions });
  notices = [];
  const api = app.backend.handlers;
  session = new PostSession({
    api,
    editor: {
      get state() {
        return state;
      },
      dispatch(spec: TransactionSpec) {
        state = state.update(spec).state;
        session.editorChanged();
      },
      setState: (next) => void (state = next),
    },
    extensions,
    notify: (_kind, message) => notices.push(message),
    onPost: () => {},
    onRemoved: () => {},
  });
  writer = new RecoveryWriter({ api, session, doc: () => state.doc, isHeld: (id) => recovery.isHeld(id), notify: (_k, m) => notices.push(m) });
  recovery = new Recovery({ api, session, notify: (_k, m) => notices.push(m), journalNow: () => writer.flush() });
}

beforeEach(async () => {
  app = await startTestBridge();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  startRenderer();
  const api = app.backend.handlers;
  const post = (await api.posts.list()).find((p) => p.path === 'posts/pricing-a-rewrite.md')!;
  postId = post.id;
  file = join(app.root, post.path);
  expect(await session.open(postId)).toBe(true);
});

afterEach(async () => {
  writer.dispose();
  vi.useRealTimers();
  await app.stop();
});

describe('the journal writer', () => {
  it('writes unsaved text within 2 s, even while the author keeps typing, and only when it changed', async () => {
    const write = vi.spyOn(app.backend.handlers.recovery, 'write');
    type('\nOne');
    vi.advanceTimersByTime(1000);
    type(' two');
    expect(write).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    await settle();
    expect(write).toHaveBeenCalledTimes(1);
    expect((await journal())[0]!.text).toBe(`${await readFile(file, 'utf8')}\nOne two`);
    // Nothing new typed: nothing written again.
    await writer.flush();
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('drops the entry once the post is saved, or undone back to the saved text', async () => {
    type('\nTyped.');
    await writer.flush();
    expect(await journal()).toHaveLength(1);
    expect(await session.save()).toBe(true);
    await settle();
    expect(await journal()).toEqual([]);

    const saved = state.doc.toString();
    type(' More.');
    await writer.flush();
    expect(await journal()).toHaveLength(1);
    state = state.update({ changes: { from: saved.length, to: state.doc.length } }).state;
    session.editorChanged();
    await settle();
    expect(await journal()).toEqual([]);
  });

  it('says once, not every few seconds, when the journal cannot be written', async () => {
    // A file where the journal's folder should be: every write fails for real.
    await writeFile(join(app.dataDir, 'recovery'), '');
    const write = vi.spyOn(app.backend.handlers.recovery, 'write');
    type('a');
    await writer.flush();
    type('b');
    await writer.flush();
    expect(write).toHaveBeenCalledTimes(2);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/recovery journal .* could not be written .*Save the post/);
  });
});

describe('restoring', () => {
  /** The author typed `text` and the app was killed; `after` runs before the next start. */
  async function crashWith(text: string, after = async () => {}): Promise<RecoveredText> {
    type(text);
    await writer.flush();
    await after();
    startRenderer();
    await recovery.load();
    return recovery.state.queue[0]!;
  }

  it('Restore opens the post with the recovered text as unsaved changes; the file is untouched; undo gets the disk text', async () => {
    const onDisk = await readFile(file, 'utf8');
    const entry = await crashWith('\nRecovered line.');
    expect(session.state.post).toBeNull();
    expect(await recovery.restore(entry)).toBe(true);
    expect(state.doc.toString()).toBe(`${onDisk}\nRecovered line.`);
    expect(session.state.dirty).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(onDisk);
    expect(recovery.state.queue).toEqual([]);
    // One undoable change over the disk text.
    run(undo);
    expect(state.doc.toString()).toBe(onDisk);
    expect(session.state.dirty).toBe(false);
    run(redo);
    // Saving writes it, against the version it was typed over.
    expect(await session.save()).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(`${onDisk}\nRecovered line.`);
  });

  it('a file changed since the crash is not overwritten by a restore: the save asks first', async () => {
    const onDisk = await readFile(file, 'utf8');
    const entry = await crashWith('\nRecovered line.', () => writeFile(file, `${onDisk}\nEdited elsewhere after the crash.\n`));
    expect(entry.disk!.version).not.toBe(entry.baseVersion);
    expect(await recovery.restore(entry)).toBe(true);
    expect(session.state.diskNote).toBe('changed');
    expect(await session.save()).toBe(false);
    expect(session.state.conflict?.disk?.text).toContain('Edited elsewhere after the crash.');
    expect(await readFile(file, 'utf8')).toContain('Edited elsewhere after the crash.');
  });

  it('a text whose post was deleted becomes a new post, saved, and its old entry goes', async () => {
    const entry = await crashWith('\nOnly in the journal.', () => rm(file));
    expect(entry.disk).toBeNull();
    expect(await recovery.restore(entry)).toBe(true);
    const restored = session.state.post!;
    expect(restored.id).not.toBe(entry.postId);
    expect(await readFile(join(app.root, restored.path), 'utf8')).toContain('Only in the journal.');
    expect(session.state.dirty).toBe(false);
    expect(await journal()).toEqual([]);
  });

  it('Decide later holds the entry: the writer does not overwrite it, and the next start offers it again', async () => {
    const entry = await crashWith('\nFrom before the crash.');
    recovery.later(entry);
    expect(await session.open(postId)).toBe(true);
    expect(recovery.isHeld(postId)).toBe(true);
    type(' Typed after.');
    await writer.flush();
    expect((await journal())[0]!.text).toBe(entry.text);

    // A new backend on the same folders, as after a restart.
    const again = await createBackend({ root: app.root, platform: nodePlatform(), watch: false, dataDir: app.dataDir });
    expect((await again.handlers.recovery.list()).map((e) => e.text)).toEqual([entry.text]);
    await again.close();
  });

  it('Discard removes the entry for good', async () => {
    const entry = await crashWith('\nNot wanted.');
    expect(await recovery.discard(entry)).toBe(true);
    expect(await journal()).toEqual([]);
    expect(recovery.state.queue).toEqual([]);
  });
});

describe('merge by hand', () => {
  it('puts both versions in the editor between marks, saves nothing, and saves against the disk version', async () => {
    const onDisk = await readFile(file, 'utf8');
    type('\nMine.');
    await writeFile(file, `${onDisk}\nTheirs.\n`);
    expect(await session.save()).toBe(false);
    expect(session.state.conflict).not.toBeNull();

    session.mergeByHand();
    expect(session.state.conflict).toBeNull();
    expect(session.state.diskNote).toBe('merging');
    expect(state.doc.toString()).toBe(`${onDisk}\n<<<<<<< Your version\nMine.\n=======\nTheirs.\n\n>>>>>>> Disk version`);
    expect(await readFile(file, 'utf8')).toBe(`${onDisk}\nTheirs.\n`);

    state = state.update({ changes: { from: 0, to: state.doc.length, insert: `${onDisk}\nMine.\nTheirs.\n` } }).state;
    session.editorChanged();
    expect(session.state.diskNote).toBeNull();
    expect(await session.save()).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(`${onDisk}\nMine.\nTheirs.\n`);
  });
});
