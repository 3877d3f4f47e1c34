// The open post: which one it is, the version on disk it was loaded from, and
// everything that happens between the editor and the disk (open, save,
// conflicts, outside edits, rename, delete).
//
// The text itself lives only in the editor's EditorState; this class reaches
// it through a small port so it can be tested with a bare EditorState.
import { EditorState, type Extension, type Text, type TransactionSpec } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { ApiError, type BlogApi, type EventPayload, type PostDocument, type PostSummary, type SaveResult } from '../common/api';
import { minimalChange, replaceDocument } from './editor/replaceDoc';
import { firstBodyPosition } from './editor/bodyText';
import { isDirty, markSaved, savedAs } from './editor/savedState';
import { hasMarks, MINE_MARK, mergeWithMarks } from './mergeText';
import type { NoticeAction } from './notices';
import { Store } from './store';
import { describeIncoming, threeWayMerge } from './threeWayMerge';

/** What the session needs from the editor; an EditorView fits. */
export interface EditorPort {
  readonly state: EditorState;
  dispatch(spec: TransactionSpec): void;
  setState(state: EditorState): void;
}

export interface Conflict {
  /** My text when the save was refused. */
  mine: string;
  /** What is on disk now; null when the file was deleted. */
  disk: { text: string; version: string } | null;
}

/** A quiet note above the editor about the file on disk, or a merge by hand under way. */
export type DiskNote = 'changed' | 'removed' | 'merging' | null;

export interface SessionState {
  /** The open post, or null when none is. */
  post: PostSummary | null;
  /** The editor holds changes not yet on disk. */
  dirty: boolean;
  saving: boolean;
  /** A save was refused because the file changed on disk; the dialog is open. */
  conflict: Conflict | null;
  /** A conflict choice is being carried out. */
  resolving: boolean;
  diskNote: DiskNote;
  /** Bumped whenever a post is opened, so views can reset (focus, scroll). */
  opened: number;
}

export interface SessionOptions {
  api: Pick<BlogApi, 'posts'>;
  editor: EditorPort;
  /** The extensions of every state the session creates. Must include savedState(). */
  extensions: Extension;
  notify: (kind: 'error' | 'info', message: string, action?: NoticeAction) => void;
  /** A post was created, renamed or copied: the list shows it now, not when the watcher reports it. */
  onPost: (post: PostSummary) => void;
  onRemoved: (id: string) => void;
}

const initial: SessionState = {
  post: null,
  dirty: false,
  saving: false,
  conflict: null,
  resolving: false,
  diskNote: null,
  opened: 0,
};

export class PostSession {
  readonly store = new Store<SessionState>(initial);
  readonly #o: SessionOptions;
  /** The version the editor's saved text corresponds to. */
  #version: string | null = null;
  /**
   * The text of that version: the common base when the disk and the editor
   * both move on, so edits to different lines merge. Null where it is not
   * known (crash recovery over a file that changed since).
   */
  #base: string | null = null;
  /** Writes run one at a time; outside-change events wait for them to settle. */
  #idle: Promise<void> = Promise.resolve();
  /** Bumped per open, so a slow read never lands in a post opened after it. */
  #openSeq = 0;

  constructor(options: SessionOptions) {
    this.#o = options;
  }

  get state(): SessionState {
    return this.store.get();
  }

  /** The version the open post was loaded or last saved at. */
  get version(): string | null {
    return this.#version;
  }

  /** Call after every editor transaction: keeps `dirty` in step with the text. */
  editorChanged(): void {
    const { state } = this.#o.editor;
    if (this.state.diskNote === 'merging' && !hasMarks(state.doc.toString())) this.store.update({ diskNote: null });
    const dirty = isDirty(state);
    if (dirty === this.state.dirty) return;
    this.store.update({ dirty });
    // Undone back to the saved text while the disk moved on: catch up now.
    if (!dirty && this.state.diskNote === 'changed' && this.state.post) void this.#reload(this.state.post.id);
  }

  /** Opens a post, saving the one open first. False if that save did not go through. */
  async open(id: string): Promise<boolean> {
    if (this.state.post?.id === id) return true;
    if (!(await this.#leave())) return false;
    const seq = ++this.#openSeq;
    try {
      const doc = await this.#o.api.posts.read(id);
      if (seq !== this.#openSeq) return false;
      this.#load(doc);
      return true;
    } catch (error) {
      if (seq === this.#openSeq) this.#fail(error, "Couldn't open the post");
      return false;
    }
  }

  /** The OS asked to open a post (a .md file opened from outside): as picking it in the list, but a refusal is explained. */
  async openFromOs(id: string): Promise<boolean> {
    const { post, conflict } = this.state;
    if (conflict && post?.id !== id) {
      this.#o.notify('info', `First choose which version of ${post?.path ?? 'the open post'} to keep, then open the file again.`);
      return false;
    }
    return this.open(id);
  }

  async create(title: string, kind: 'post' | 'page' = 'post'): Promise<boolean> {
    // A new post is all front matter: #load starts the typing below it.
    return (await this.#openMade(() => this.#o.api.posts.create({ title, kind }), "Couldn't create the post")) !== null;
  }

  /** A post the backend makes (created, restored, recovered as new) joins the list and opens, the caret at `cursor` or below the front matter. */
  async #openMade(make: () => Promise<PostDocument>, failure: string, cursor?: (doc: PostDocument) => number): Promise<PostDocument | null> {
    if (!(await this.#leave())) return null;
    try {
      const doc = await this.#exclusive(make);
      this.#openSeq++;
      this.#o.onPost(doc.post);
      this.#load(doc, cursor?.(doc));
      return doc;
    } catch (error) {
      this.#fail(error, failure);
      return null;
    }
  }

  /** Saves if there is anything to save. False when it did not (error, conflict, nothing open). */
  async save(): Promise<boolean> {
    if (!this.state.post || this.state.conflict) return false;
    this.store.update({ saving: true });
    try {
      return await this.#exclusive(() => this.#save());
    } finally {
      this.store.update({ saving: false });
    }
  }

  /**
   * Puts a kept version back: unsaved changes are saved first (so history has
   * them too), then the text is replaced as one undoable change and saved,
   * which keeps the version it replaces.
   */
  async restoreVersion(text: string): Promise<boolean> {
    if (!this.state.post || !(await this.#leave())) return false;
    const { editor } = this.#o;
    editor.dispatch({ changes: replaceDocument(editor.state, text), userEvent: 'restore' });
    this.editorChanged();
    return this.save();
  }

  async rename(slug: string): Promise<boolean> {
    const before = this.state.post;
    if (!before) return false;
    if (slug === before.slug) return true;
    if (!(await this.#leave())) return false;
    try {
      const doc = await this.#exclusive(() => this.#o.api.posts.rename(before.id, slug));
      if (doc.post.id !== before.id) this.#o.onRemoved(before.id);
      this.#o.onPost(doc.post);
      if (this.state.post?.id === before.id) this.#adopt(doc);
      return true;
    } catch (error) {
      this.#fail(error, `Couldn't rename ${before.path}`);
      return false;
    }
  }

  /**
   * Moves the open post to the Trash, saving it first so the Trash holds the
   * latest text. The notice offers Undo where the backend kept a copy.
   */
  async delete(): Promise<boolean> {
    const post = this.state.post;
    if (!post) return false;
    if (this.state.diskNote !== 'removed' && !(await this.#leave())) return false;
    const cursor = this.#o.editor.state.selection.main.head;
    try {
      const { undo } = await this.#exclusive(() => this.#o.api.posts.delete(post.id));
      this.#o.onRemoved(post.id);
      if (this.state.post?.id === post.id) this.#close();
      if (undo) this.#o.notify('info', `Moved ${post.path} to the Trash.`, { label: 'Undo', run: () => void this.undoDelete(undo, cursor), stays: true });
      else this.#o.notify('info', `Moved ${post.path} to the Trash. You can restore it from there.`);
      return true;
    } catch (error) {
      this.#fail(error, `Couldn't move ${post.path} to the Trash`);
      return false;
    }
  }

  /** Undo a delete: the post comes back as it was and opens, the caret where it was. */
  async undoDelete(token: string, cursor = 0): Promise<boolean> {
    const doc = await this.#openMade(() => this.#o.api.posts.restore(token), "Couldn't undo the delete", (restored) => Math.min(cursor, restored.text.length));
    if (doc) this.#o.notify('info', `Restored ${doc.post.path}.`);
    return doc !== null;
  }

  /**
   * Conflict: save my text over the file. The disk version is kept first, as a
   * conflicted copy. If the file was deleted, my text goes to a new file instead.
   */
  async keepMine(): Promise<void> {
    const { post, conflict } = this.state;
    if (!post || !conflict) return;
    await this.#resolve(async () => {
      const mine = this.#o.editor.state.doc;
      if (!conflict.disk) {
        const copy = await this.#rescue(post, mine.toString());
        this.#o.onPost(copy.post);
        this.#adopt(copy);
        this.#o.notify('info', `${post.path} was deleted on disk, so your version is now saved as ${copy.post.path}.`);
        return;
      }
      const copy = await this.#o.api.posts.saveCopy(post.id, conflict.disk.text);
      this.#o.onPost(copy.post);
      const result = await this.#o.api.posts.save(post.id, mine.toString(), conflict.disk.version);
      this.#applySave(result, mine);
      this.#o.notify(
        'info',
        result.status === 'saved'
          ? `Saved your version. The version from disk was kept as ${copy.post.path}.`
          : `The version from disk was kept as ${copy.post.path}, but the post changed on disk again. Compare once more.`,
      );
    });
  }

  /**
   * Writes text whose file was deleted to a new file: a conflicted copy beside
   * it, or, where the backend no longer knows the id, a new post of the same title.
   */
  async #rescue(post: PostSummary, text: string): Promise<PostDocument> {
    const { posts } = this.#o.api;
    try {
      return await posts.saveCopy(post.id, text);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'not-found') throw error;
    }
    return this.#createWith(post.title || post.slug || 'Recovered post', text);
  }

  /** A new post named for `title`, holding `text`. */
  async #createWith(title: string, text: string): Promise<PostDocument> {
    const { posts } = this.#o.api;
    const created = await posts.create({ title });
    const result = await posts.save(created.post.id, text, created.version);
    if (result.status !== 'saved') throw new ApiError('io', `Couldn't write your text to ${created.post.path}; it is still in the editor.`);
    return { post: result.post, text, version: result.version };
  }

  /**
   * Conflict: both versions go into the editor, the parts that differ between
   * conflict marks, for the author to edit into one. Nothing is written yet: the
   * editor stays unsaved and saves against the disk version, and undo brings
   * back my version as it was.
   */
  mergeByHand(): void {
    const { post, conflict, resolving } = this.state;
    const disk = conflict?.disk;
    if (!post || !disk || resolving) return;
    const { editor } = this.#o;
    this.#version = disk.version;
    this.#base = disk.text;
    const merged = mergeWithMarks(editor.state.doc.toString(), disk.text);
    editor.dispatch({ changes: replaceDocument(editor.state, merged), effects: savedAs(disk.text) });
    // The first place to decide, in view.
    const first = Math.max(0, merged.indexOf(MINE_MARK));
    editor.dispatch({ selection: { anchor: first }, effects: EditorView.scrollIntoView(first, { y: 'center' }) });
    this.store.update({ conflict: null, diskNote: 'merging' });
    this.editorChanged();
  }

  /**
   * Crash recovery: opens the post with the recovered text as unsaved changes
   * over the file, as the editor held them before the crash. It saves against
   * the version it was typed over, so a file changed since still asks first.
   */
  async restoreRecovered(id: string, text: string, baseVersion: string): Promise<boolean> {
    if (!(await this.open(id)) || !(await this.#leave())) return false;
    const { editor } = this.#o;
    const diskVersion = this.#version;
    this.#version = baseVersion;
    // The journal keeps the version the text was typed over, not its text.
    if (diskVersion !== baseVersion) this.#base = null;
    // The cursor goes to the end of what came back, in view.
    const change = minimalChange(editor.state.doc.toString(), text);
    editor.dispatch({ changes: change, selection: { anchor: change.from + change.insert.length }, scrollIntoView: true });
    this.store.update({ diskNote: diskVersion === baseVersion ? null : 'changed' });
    this.editorChanged();
    return true;
  }

  /** Crash recovery of a text whose post is gone: it becomes a new post, saved, since there is no file to overwrite. */
  async restoreAsNew(title: string, text: string): Promise<boolean> {
    return (await this.#openMade(() => this.#createWith(title, text), "Couldn't restore the text as a new post")) !== null;
  }

  /** Conflict: load the disk version. My text is kept first, as a conflicted copy. */
  async useDisk(): Promise<void> {
    const { post, conflict } = this.state;
    const disk = conflict?.disk;
    if (!post || !disk) return;
    await this.#resolve(async () => {
      const copy = await this.#o.api.posts.saveCopy(post.id, this.#o.editor.state.doc.toString());
      this.#o.onPost(copy.post);
      this.#version = disk.version;
      this.#base = disk.text;
      this.#replace(disk.text);
      this.store.update({ conflict: null, diskNote: null });
      this.#o.notify('info', `Loaded the version from disk. Your version was kept as ${copy.post.path}.`);
    });
  }

  /** Conflict: change nothing; the post stays unsaved. */
  cancelConflict(): void {
    if (!this.state.resolving) this.store.update({ conflict: null });
  }

  /** A posts.changed event from the watcher. */
  async onPostsChanged(change: EventPayload<'posts.changed'>): Promise<void> {
    if (this.state.post?.id !== change.id) return;
    // Our own save, rename or delete may be in flight; judge the event after it lands.
    await this.#settled();
    const open = this.state.post;
    if (open?.id !== change.id) return;
    if (change.kind === 'removed') {
      this.store.update({ diskNote: 'removed' });
      return;
    }
    if (change.post) this.store.update({ post: change.post });
    if (change.version === this.#version) {
      // The disk holds what we loaded or saved (our own write, or an outside edit undone).
      if (this.state.diskNote) this.store.update({ diskNote: null });
      return;
    }
    await this.#reload(change.id);
  }

  /** `retries`: how many times an outside edit may be merged in and the save tried again. */
  async #save(retries = 2): Promise<boolean> {
    const post = this.state.post;
    const version = this.#version;
    if (!post || !version || this.state.conflict) return false;
    if (!this.state.dirty) return true;
    const doc = this.#o.editor.state.doc;
    let result: SaveResult;
    try {
      result = await this.#o.api.posts.save(post.id, doc.toString(), version);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not-found') {
        // Gone from disk: the same choice as a conflict with a deleted file.
        this.store.update({ conflict: { mine: doc.toString(), disk: null }, diskNote: 'removed' });
      } else {
        this.#fail(error, `Couldn't save ${post.path}`);
      }
      return false;
    }
    if (this.state.post?.id !== post.id) return result.status === 'saved';
    if (result.status === 'conflict' && result.disk && retries > 0 && this.#mergeOutside(post, result.disk)) return this.#save(retries - 1);
    return this.#applySave(result, doc);
  }

  /** Records a save's outcome; `sent` is the text that was sent, which may be older than the editor's now. */
  #applySave(result: SaveResult, sent: Text): boolean {
    if (result.status === 'conflict') {
      this.store.update({ conflict: { mine: this.#o.editor.state.doc.toString(), disk: result.disk } });
      return false;
    }
    this.#version = result.version;
    this.#base = sent.toString();
    this.#o.editor.dispatch({ effects: markSaved.of(sent) });
    this.store.update({ post: result.post, conflict: null, diskNote: null });
    this.editorChanged();
    return true;
  }

  /** Reloads the open post from disk if the editor is clean; otherwise notes that the disk moved on. */
  async #reload(id: string): Promise<void> {
    const seq = this.#openSeq;
    let doc: PostDocument;
    try {
      doc = await this.#o.api.posts.read(id);
    } catch (error) {
      if (seq !== this.#openSeq || this.state.post?.id !== id) return;
      if (error instanceof ApiError && error.code === 'not-found') this.store.update({ diskNote: 'removed' });
      else this.#fail(error, "Couldn't reload the post from disk");
      return;
    }
    if (seq !== this.#openSeq || this.state.post?.id !== id || doc.version === this.#version) return;
    if (this.state.dirty || this.state.conflict || this.state.saving) {
      const merged = !this.state.conflict && !this.state.saving && this.#mergeOutside(doc.post, doc);
      if (!merged) this.store.update({ diskNote: 'changed' });
      return;
    }
    this.#adopt(doc);
  }

  /**
   * An outside edit while the editor holds unsaved changes: merged in when the
   * two touched different lines (the editor stays unsaved, now over the disk's
   * version), with a notice of what came in. False when they overlap, or the
   * common base is unknown: then the author chooses.
   */
  #mergeOutside(post: PostSummary, disk: { text: string; version: string }): boolean {
    const base = this.#base;
    if (base === null) return false;
    const { editor } = this.#o;
    const merge = threeWayMerge(base, editor.state.doc.toString(), disk.text);
    if (!merge.clean) return false;
    this.#version = disk.version;
    this.#base = disk.text;
    editor.dispatch({ changes: merge.changes, effects: savedAs(disk.text), userEvent: 'input.merge' });
    this.store.update({ diskNote: null });
    this.editorChanged();
    this.#o.notify('info', `${post.path} changed on disk while you were writing. Took in ${describeIncoming(base, disk.text)}; your unsaved edits are kept.`);
    return true;
  }

  /** Takes a document from disk as the open post without losing the cursor (reload, rename, copy). */
  #adopt(doc: PostDocument): void {
    this.#version = doc.version;
    this.#base = doc.text;
    this.#replace(doc.text);
    this.store.update({ post: doc.post, conflict: null, diskNote: null });
  }

  /** Replaces the text with what is on disk, as one undoable change, and marks it saved. */
  #replace(text: string): void {
    const { editor } = this.#o;
    editor.dispatch({ changes: replaceDocument(editor.state, text), effects: savedAs(text) });
    this.editorChanged();
  }

  /** Shows `doc`, the caret at `cursor`: by default where its text starts, below the front matter. */
  #load(doc: PostDocument, cursor = firstBodyPosition(doc.text)): void {
    this.#version = doc.version;
    this.#base = doc.text;
    this.#o.editor.setState(EditorState.create({ doc: doc.text, selection: { anchor: cursor }, extensions: this.#o.extensions }));
    this.store.set({ ...initial, post: doc.post, opened: this.state.opened + 1 });
  }

  #close(): void {
    this.#openSeq++;
    this.#version = null;
    this.#base = null;
    this.#o.editor.setState(EditorState.create({ extensions: this.#o.extensions }));
    this.store.set({ ...initial, opened: this.state.opened });
  }

  /** Before showing another post: save this one if it has changes. */
  async #leave(): Promise<boolean> {
    if (this.state.conflict) return false;
    return this.state.dirty ? this.save() : true;
  }

  async #resolve(work: () => Promise<void>): Promise<void> {
    this.store.update({ resolving: true });
    try {
      await this.#exclusive(work);
    } catch (error) {
      this.#fail(error, "Couldn't resolve the conflict");
    } finally {
      this.store.update({ resolving: false });
    }
  }

  async #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const before = this.#idle;
    let release = () => {};
    this.#idle = new Promise<void>((resolve) => (release = resolve));
    await before;
    try {
      return await work();
    } finally {
      release();
    }
  }

  async #settled(): Promise<void> {
    let idle: Promise<void>;
    do {
      idle = this.#idle;
      await idle;
    } while (idle !== this.#idle);
  }

  /** Backend messages already name the file and the remedy; only a bare bug report gets context. */
  #fail(error: unknown, what: string): void {
    const { code, message } = ApiError.from(error);
    this.#o.notify('error', code === 'internal' ? `${what}: ${message}` : message);
  }
}
