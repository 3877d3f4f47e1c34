// Autosave with a real PostSession over a real workspace (the test bridge's
// backend, on a temp copy of the sample blog), the idle timer on fake time.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EditorState, type TransactionSpec } from '@codemirror/state';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave } from '../../renderer/autosave';
import { savedState } from '../../renderer/editor/savedState';
import { PostSession, type SessionState } from '../../renderer/session';
import { SettingsStore } from '../../renderer/preferences/appPreferences';
import { startTestBridge, type RunningBridge } from '../helpers/bridge';

let app: RunningBridge;
let session: PostSession;
let settings: SettingsStore;
let autosave: Autosave;
let file: string;
let notices: string[];
let type: (text: string) => void;

/** Resolves once the session's state passes `test` (saves run on real I/O, so real time). */
function until(test: (state: SessionState) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!test(session.state)) return;
      stop();
      resolve();
    };
    const stop = session.store.subscribe(check);
    check();
  });
}
const settled = () => until((s) => !s.saving);
const onDisk = () => readFile(file, 'utf8');

beforeEach(async () => {
  app = await startTestBridge();
  // Only the idle timer runs on fake time; file I/O and promises stay real.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const extensions = savedState();
  let state = EditorState.create({ extensions });
  notices = [];
  session = new PostSession({
    api: app.backend.handlers,
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
  settings = new SettingsStore(null);
  autosave = new Autosave(session, settings);
  type = (text) => {
    state = state.update({ changes: { from: state.doc.length, insert: text } }).state;
    session.editorChanged();
    autosave.edited();
  };
  const post = (await app.backend.handlers.posts.list()).find((p) => p.path === 'posts/pricing-a-rewrite.md')!;
  file = join(app.root, post.path);
  expect(await session.open(post.id)).toBe(true);
});

afterEach(async () => {
  autosave.dispose();
  vi.useRealTimers();
  await app.stop();
});

describe('autosave', () => {
  it('saves once the author has been idle for the delay (1 s by default), not before', async () => {
    type('\nFirst autosaved line.');
    vi.advanceTimersByTime(999);
    expect(session.state.saving).toBe(false);
    expect(session.state.dirty).toBe(true);
    vi.advanceTimersByTime(1);
    await until((s) => !s.dirty);
    expect(await onDisk()).toContain('First autosaved line.');
  });

  it('restarts the wait on every edit', async () => {
    type('\nZebra');
    vi.advanceTimersByTime(600);
    type(' quagga');
    vi.advanceTimersByTime(600);
    expect(session.state.saving).toBe(false);
    expect(await onDisk()).not.toContain('Zebra');
    vi.advanceTimersByTime(400);
    await until((s) => !s.dirty);
    expect(await onDisk()).toContain('Zebra quagga');
  });

  it('follows the delay setting', async () => {
    settings.update({ autosaveDelayMs: 3000 });
    type('\nSlow');
    vi.advanceTimersByTime(2999);
    expect(session.state.saving).toBe(false);
    vi.advanceTimersByTime(1);
    await until((s) => !s.dirty);
    expect(await onDisk()).toContain('Slow');
  });

  it('does nothing while switched off, and saves pending changes when switched back on', async () => {
    settings.update({ autosave: false });
    type('\nManual only');
    vi.advanceTimersByTime(60_000);
    expect(session.state.saving).toBe(false);
    expect(session.state.dirty).toBe(true);
    settings.update({ autosave: true });
    vi.advanceTimersByTime(1000);
    await until((s) => !s.dirty);
    expect(await onDisk()).toContain('Manual only');
  });

  it('a save landing during typing leaves the newer text dirty and saves it on the next pause', async () => {
    type('\nA');
    vi.advanceTimersByTime(1000);
    // One turn of the event loop: the save has taken the text and is writing it.
    await new Promise((resolve) => setImmediate(resolve));
    expect(session.state.saving).toBe(true);
    type('B');
    await settled();
    expect(session.state.dirty).toBe(true);
    vi.advanceTimersByTime(1000);
    await until((s) => !s.dirty);
    expect(await onDisk()).toMatch(/\nAB$/);
  });

  it('stops at a conflict, and stays off after it is put off instead of asking again', async () => {
    const theirs = (await onDisk()) + '\nWritten by another program.\n';
    await writeFile(file, theirs);
    type('\nMine');
    vi.advanceTimersByTime(1000);
    await until((s) => s.conflict !== null);
    expect(await onDisk()).toBe(theirs);

    session.cancelConflict();
    type(' and more');
    vi.advanceTimersByTime(10_000);
    expect(session.state.saving).toBe(false);
    expect(session.state.conflict).toBeNull();
    expect(await onDisk()).toBe(theirs);
    expect(notices).toEqual([]);

    // Resolving it (keep mine) makes the post clean, and autosave carries on.
    await session.save();
    await session.keepMine();
    expect(await onDisk()).toContain('Mine and more');
    type(' again');
    vi.advanceTimersByTime(1000);
    await until((s) => !s.dirty);
    expect(await onDisk()).toContain('Mine and more again');
  });

  it('does not save a post that was closed or left meanwhile', async () => {
    type('\nPending');
    const other = (await app.backend.handlers.posts.list()).find((p) => p.path === 'posts/why-i-bill-by-the-week.md')!;
    // Opening another post saves this one on the way out; the pending autosave must not fire on the new post.
    expect(await session.open(other.id)).toBe(true);
    expect(await onDisk()).toContain('Pending');
    const otherFile = join(app.root, other.path);
    const before = await readFile(otherFile, 'utf8');
    vi.advanceTimersByTime(5000);
    expect(session.state.saving).toBe(false);
    expect(await readFile(otherFile, 'utf8')).toBe(before);
  });
});
