// Issue 13, defects 2 and 4, in the desktop app against the fake `electron`:
// Copy Post as HTML reaches the OS clipboard as HTML and plain text, and the
// right-click menu offers what the clicked thing needs (spelling, editing, links).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PostSummary } from '../../common/api';
import { copyPostHtml } from '../../renderer/posts/postExport';
import { FakeClipboardItem, type FakeMenu } from './fakeElectron';
import { launchApp, type LaunchedApp } from './launchApp';
import { WAIT } from '../helpers/wait';

let app: LaunchedApp;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(() => {
  vi.unstubAllGlobals();
  app.fake.app.quit();
});

describe('Copy Post as HTML in the app', () => {
  it('puts the exported page on the clipboard as HTML, with its source as plain text', async () => {
    const { page, api } = app.page();
    // The renderer's globals, as the page has them: its clipboard asks the session's permission handlers.
    vi.stubGlobal('navigator', page.navigator);
    vi.stubGlobal('ClipboardItem', FakeClipboardItem);
    const post: PostSummary = (await api.posts.list())[0]!;
    const notices: [string, string][] = [];
    await copyPostHtml({
      api,
      session: { state: { post, dirty: false, saving: false, conflict: null, resolving: false, diskNote: null, opened: 1 }, save: async () => true },
      notify: (kind, message) => notices.push([kind, message]),
      desktop: Boolean(app.fake.recorded.exposed.postwright),
    });
    expect(notices).toEqual([['info', expect.stringMatching(/^Copied .+\.html as HTML\.$/)]]);
    const exported = await api.site.exportPost(post.id);
    expect(app.fake.recorded.clipboard.items).toEqual({ 'text/html': exported.html, 'text/plain': exported.html });
    expect(exported.html).toContain(`<title>${post.title}`);
  });
});

describe('the context menu', () => {
  const contents = () => app.window().webContents;
  const popup = (): FakeMenu => app.fake.recorded.popups.at(-1)!;
  const focused = () => ({ webContents: contents() });

  it('on a misspelled word: its suggestions, Add to Dictionary, then Cut, Copy, Paste and Select All', () => {
    contents().rightClick({
      isEditable: true,
      misspelledWord: 'recieve',
      dictionarySuggestions: ['receive', 'relieve'],
      selectionText: '',
      editFlags: { canUndo: true, canRedo: false, canCut: false, canCopy: false, canPaste: true, canDelete: false, canSelectAll: true, canEditRichly: false },
    });
    const menu = popup();
    const labels = menu.labels();
    expect(labels.slice(0, 3)).toEqual(['receive', 'relieve', 'Add to Dictionary']);
    expect(labels.slice(3)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    expect(menu.find('cut')?.enabled).toBe(false);
    menu.click('receive', focused());
    menu.click('Add to Dictionary', focused());
    menu.click('paste', focused());
    expect(contents().commands).toEqual(['replaceMisspelling:receive', 'paste']);
    expect(app.fake.recorded.session.dictionary).toEqual(['recieve']);
  });

  it('on a link in the preview: Open Link (in the browser) and Copy Link Address', async () => {
    contents().rightClick({ linkURL: 'https://example.com/a-post', linkText: 'a post', frameURL: 'about:srcdoc' });
    const menu = popup();
    expect(menu.labels()).toEqual(['Open Link', 'Copy Link Address']);
    menu.click('Copy Link Address', focused());
    await vi.waitFor(async () => expect(await app.fake.recorded.clipboard.readText()).toBe('https://example.com/a-post'), WAIT);
    menu.click('Open Link', focused());
    await vi.waitFor(() => expect(app.fake.shell.openExternal).toHaveBeenCalledWith('https://example.com/a-post'), WAIT);
  });

  it('offers nothing for links it would never open, and no menu for empty background', () => {
    const before = app.fake.recorded.popups.length;
    contents().rightClick({ linkURL: 'file:///etc/passwd' });
    contents().rightClick({});
    expect(app.fake.recorded.popups).toHaveLength(before);
  });
});
