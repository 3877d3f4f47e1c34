// Issue 13, defect 1: unsaved words were lost on quit, and the recovery journal
// deleted. Each test launches the app against the fake `electron`, whose window
// close, quit, reload and logout run the page's real unload guard
// (renderer/unloadGuard.ts); the author answers the dialog by its button label.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { launchApp, type LaunchedApp } from './launchApp';
import { post, tempTree } from '../helpers/tmp';
import { WAIT } from '../helpers/wait';

const sample = (app: LaunchedApp) => join(app.fake.recorded.userDataRoot, 'documents', 'Postwright Sample Blog');

async function journal(app: LaunchedApp): Promise<string[]> {
  const root = join(app.fake.recorded.userDataRoot, 'userData', 'recovery');
  const folders = await readdir(root).catch(() => []);
  return (await Promise.all(folders.map((f) => readdir(join(root, f))))).flat().filter((n) => n.endsWith('.json'));
}

/** Launches on the sample blog, opens its first post and types into it (journaled, unsaved). */
async function withUnsavedText(): Promise<{ app: LaunchedApp; file: string; typed: string }> {
  const app = await launchApp();
  const [first] = await app.page().api.posts.list();
  await app.editor.open(first!.id);
  const typed = '\nWords written just before quitting.';
  await app.editor.type(typed);
  expect(await journal(app)).toHaveLength(1);
  return { app, file: join(sample(app), first!.path), typed };
}

const lastDialog = (app: LaunchedApp) => app.fake.recorded.messageBoxes.at(-1);

describe('closing the window with unsaved text', () => {
  it('asks Save / Don\'t Save / Cancel; Cancel keeps the window, the page and the journal', async () => {
    const { app, file, typed } = await withUnsavedText();
    const page = app.page();
    app.fake.recorded.dialogAnswers.push('Cancel');
    expect(await app.window().close()).toBe(false);
    expect(lastDialog(app)).toMatchObject({ message: 'A post has unsaved changes.', clicked: 'Cancel' });
    expect([...lastDialog(app)!.buttons].sort()).toEqual(['Cancel', "Don't Save", 'Save']);
    expect(app.fake.recorded.openWindows()).toHaveLength(1);
    expect(app.page()).toBe(page);
    expect(page.page.unloaded).toBe(false);
    expect(await readFile(file, 'utf8')).not.toContain(typed);
    expect(await journal(app)).toHaveLength(1);
  });

  it('Save saves the post to disk first, then the window closes and the journal entry goes with the save', async () => {
    const { app, file, typed } = await withUnsavedText();
    app.fake.recorded.dialogAnswers.push('Save');
    expect(await app.window().close()).toBe(false);
    await vi.waitFor(() => expect(app.fake.recorded.openWindows()).toHaveLength(0), WAIT);
    expect(await readFile(file, 'utf8')).toContain(typed);
    expect(await journal(app)).toEqual([]);
  });
});

describe('quitting with unsaved text', () => {
  it("Don't Save quits, leaves the file as it was, and forgets the discarded text", async () => {
    const { app, file, typed } = await withUnsavedText();
    app.fake.recorded.dialogAnswers.push("Don't Save");
    app.fake.app.quit();
    await vi.waitFor(() => expect(app.fake.recorded.state.quit).toBe(true), WAIT);
    expect(lastDialog(app)?.clicked).toBe("Don't Save");
    expect(await readFile(file, 'utf8')).not.toContain(typed);
    await vi.waitFor(async () => expect(await journal(app)).toEqual([]), WAIT);
  });

  it('Save saves, then the quit goes on', async () => {
    const { app, file, typed } = await withUnsavedText();
    app.fake.recorded.dialogAnswers.push('Save');
    app.fake.app.quit();
    await vi.waitFor(() => expect(app.fake.recorded.state.quit).toBe(true), WAIT);
    expect(await readFile(file, 'utf8')).toContain(typed);
  });

  it('Cancel stops the quit', async () => {
    const { app } = await withUnsavedText();
    app.fake.recorded.dialogAnswers.push('Cancel');
    app.fake.app.quit();
    await vi.waitFor(() => expect(lastDialog(app)?.clicked).toBe('Cancel'), WAIT);
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.fake.recorded.state.quit).toBe(false);
    expect(app.fake.recorded.openWindows()).toHaveLength(1);
  });

  it('never clears the journal as a side effect: text the page could not save survives a quit', async () => {
    const { app } = await withUnsavedText();
    // The renderer dies with the text journaled; nothing asks, and the author quits.
    app.window().webContents.crash();
    app.fake.app.quit();
    await vi.waitFor(() => expect(app.fake.recorded.state.quit).toBe(true), WAIT);
    expect(app.fake.recorded.messageBoxes).toEqual([]);
    expect(await journal(app)).toHaveLength(1);
  });
});

describe('the same guard for every way the page goes', () => {
  it('opening another folder asks first: Cancel stays in this blog, Save saves here and then switches', async () => {
    const { app, file, typed } = await withUnsavedText();
    const elsewhere = await tempTree({ 'blog/postwright.json': '{}', 'blog/posts/far.md': post({ title: 'Far' }) });
    app.fake.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [join(elsewhere, 'blog')] });
    const menu = () => app.fake.Menu.setApplicationMenu.mock.calls.at(-1)![0]!;
    const before = app.page();

    app.fake.recorded.dialogAnswers.push('Cancel');
    menu().click('Open Folder…');
    await vi.waitFor(() => expect(lastDialog(app)?.clicked).toBe('Cancel'), WAIT);
    expect(app.page()).toBe(before);
    expect((await before.api.workspace.info()).root).toBe(sample(app));

    app.fake.recorded.dialogAnswers.push('Save');
    menu().click('Open Folder…');
    await vi.waitFor(() => expect(app.page()).not.toBe(before), WAIT);
    expect(await readFile(file, 'utf8')).toContain(typed);
    expect((await app.page().api.workspace.info()).root).toBe(join(elsewhere, 'blog'));
  });

  it('the OS logging out (Windows query-session-end) is held while text is unsaved, and asks', async () => {
    const { app, file, typed } = await withUnsavedText();
    // The page told the main process it holds unsaved text (asynchronously, over IPC).
    await vi.waitFor(() => {
      app.fake.recorded.dialogAnswers.splice(0, Infinity, 'Save');
      expect(app.window().endSession(['logoff'])).toBe(false);
    }, WAIT);
    await vi.waitFor(() => expect(app.fake.recorded.state.quit).toBe(true), WAIT);
    expect(lastDialog(app)?.clicked).toBe('Save');
    expect(await readFile(file, 'utf8')).toContain(typed);
  });

  it('with nothing unsaved, the window closes without a question', async () => {
    const app = await launchApp();
    expect(await app.window().close()).toBe(true);
    expect(app.fake.recorded.messageBoxes).toEqual([]);
  });
});
