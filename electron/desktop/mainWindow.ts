// The app's one window: made locked down, its page told of full screen, its
// context menu, its unsaved-text guard; its size kept for the next run.
import { app, BrowserWindow, clipboard, dialog, Menu } from 'electron';
import { reportUnexpected } from '../reportUnexpected';
import { openFolderUrl } from '../welcome';
import type { AppState } from './appState';
import { contextMenuTemplate } from './contextMenu';
import type { PostForPage } from './postForPage';
import { sendEvent } from './sendEvent';
import { guardUnload, type UnloadGuard } from './unloadGuard';
import { unsavedDialog } from './unsavedDialog';
import { windowOptions } from './window';
import type { WorkspaceSwitch } from './workspaceSwitch';

export interface MainWindowOptions {
  preloadPath: string;
  state: AppState;
  workspaces: WorkspaceSwitch;
  posts: PostForPage;
  /** What the window shows: the app while a workspace is open, else the welcome screen. */
  pageUrl(): string;
  /** The welcome screen's Open Folder… link. */
  chooseFolder(): void;
  openExternal(url: string): Promise<void>;
}

export class MainWindow {
  #window: BrowserWindow | null = null;
  #guard: UnloadGuard | null = null;

  constructor(private readonly options: MainWindowOptions) {}

  get current(): BrowserWindow | null {
    return this.#window;
  }

  /** Null while there is no window. */
  get guard(): UnloadGuard | null {
    return this.#guard;
  }

  /** The window, made now if there is none (the first launch, a file from the OS, the Dock icon on macOS). */
  ensure(): BrowserWindow {
    return this.#window ?? this.#create();
  }

  /** Shows what the window should now (the app, or the welcome screen), in a new window if there is none. */
  showPage(): void {
    if (this.#window) void this.#window.loadURL(this.options.pageUrl());
    else this.#create();
  }

  /** Brings the window forward for the author, out of the Dock or taskbar if minimised. */
  focus(): void {
    if (this.#window?.isMinimized()) this.#window.restore();
    this.#window?.focus();
  }

  #create(): BrowserWindow {
    const { options } = this;
    const win = new BrowserWindow(windowOptions(options.preloadPath, options.state.windowBounds));
    this.#window = win;
    options.posts.pageLoading();
    this.#followNavigation(win);
    this.#offerContextMenu(win);
    this.#guard = this.#guardUnsaved(win);
    win.once('ready-to-show', () => win.show());
    // However the window got there (the page's request, View → Toggle Full Screen, the OS), the page follows.
    win.on('enter-full-screen', () => sendEvent(win.webContents, 'app.fullScreen', { on: true }));
    win.on('leave-full-screen', () => sendEvent(win.webContents, 'app.fullScreen', { on: false }));
    win.on('close', () => (options.state.windowBounds = win.getBounds()));
    win.on('closed', () => {
      options.workspaces.detach();
      this.#window = null;
      this.#guard = null;
    });
    options.workspaces.attach(win.webContents);
    void win.loadURL(options.pageUrl());
    return win;
  }

  /** Page loads hold back posts from the OS and let a waiting workspace in; the welcome screen's link opens the picker. */
  #followNavigation(win: BrowserWindow): void {
    const { options } = this;
    win.webContents.on('did-start-navigation', (details) => {
      if (!details.isMainFrame || details.isSameDocument) return;
      options.posts.pageLoading();
      options.workspaces.pageLeaving();
    });
    win.webContents.on('did-finish-load', () => options.posts.pageLoaded(win.webContents));
    win.webContents.on('will-navigate', (event, url) => {
      if (url !== openFolderUrl) return;
      event.preventDefault();
      options.chooseFolder();
    });
  }

  #offerContextMenu(win: BrowserWindow): void {
    win.webContents.on('context-menu', (_event, params) => {
      const template = contextMenuTemplate(params, {
        replaceMisspelling: (word) => win.webContents.replaceMisspelling(word),
        addToDictionary: (word) => win.webContents.session.addWordToSpellCheckerDictionary(word),
        lookUp: () => win.webContents.showDefinitionForSelection(),
        // The menu offers only the links openExternal allows: a failure here is the OS's.
        openLink: (url) => void this.options.openExternal(url).catch(reportUnexpected('opening a link from the context menu')),
        copyText: (text) => void clipboard.writeText(text),
      });
      if (template.length) Menu.buildFromTemplate(template).popup({ window: win });
    });
  }

  /** Closing, quitting or reloading with unsaved text asks the author first (unloadGuard.ts). */
  #guardUnsaved(win: BrowserWindow): UnloadGuard {
    const dialogFor = unsavedDialog();
    return guardUnload(win, {
      ask: (parent) => dialogFor.choice(dialog.showMessageBoxSync(parent, dialogFor.options)),
      requestSave: () => sendEvent(win.webContents, 'app.saveRequested', {}),
      // Don't Save: the author discarded what the journal kept of this run's unsaved posts.
      discard: async () => this.options.workspaces.current?.handlers.recovery.clear(),
      quit: () => app.quit(),
    });
  }
}
