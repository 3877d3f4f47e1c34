// The Electron main process: a thin layer that wires Electron's objects to the
// backend. Behaviour lives in plain-Node modules (backend, workspace, window, menu).
import { join } from 'node:path';
import { app, BrowserWindow, clipboard, ClipboardItem, dialog, Menu, protocol, safeStorage, session, shell, type OpenDialogOptions } from 'electron';
import Store from 'electron-store';
import type { AppCommand } from '../common/api';
import { APP_SCHEME, appPageUrl, appResponse, isAppOrigin } from './appProtocol';
import { bundledSampleBlog, packageRoot, rendererDir } from './appPaths';
import { ASSET_SCHEME, assetResponse } from './assetProtocol';
import { createBackend, type Backend } from './backend';
import { contextMenuTemplate } from './contextMenu';
import { withAppCsp } from './cspHeader';
import { forwardEvents, registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { fileFromArgv, locatePost, type PostLocation } from './openFile';
import { assertExternalUrl, type Platform, type WindowHost } from './platform';
import { keychain } from './publish/secrets/keychain';
import { startWorkspace } from './startup';
import { guardUnload, type UnloadGuard } from './unloadGuard';
import { unsavedDialog } from './unsavedDialog';
import { openFolderUrl, welcomeResponse, welcomeUrl } from './welcome';
import { denyPermissions, lockDownContents, windowOptions, type WindowBounds } from './window';
import { errorMessage } from '../common/errors';

interface AppState {
  windowBounds: WindowBounds;
  /** Most recent first. */
  recentWorkspaces: string[];
}

const preloadPath = join(packageRoot, 'out', 'preload', 'preload.cjs');
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

/** True for our own page, whether built (app://) or served by electron-vite in development. */
export function isAppUrl(url: string): boolean {
  if (devServerUrl) return URL.canParse(url) && new URL(url).origin === new URL(devServerUrl).origin;
  return isAppOrigin(url);
}

function electronPlatform(window: () => BrowserWindow | null, host: WindowHost): Platform {
  // Only ciphertext goes in this file; the key stays in the OS keychain.
  const secrets = new Store({ name: 'secrets', cwd: app.getPath('userData') });
  return {
    secrets: keychain(safeStorage, secrets),
    window: host,
    pickFolder: async () => {
      const parent = window();
      const options: OpenDialogOptions = { title: 'Open a folder of posts', properties: ['openDirectory', 'createDirectory'] };
      const result = await (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options));
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    trash: (absolutePath) => shell.trashItem(absolutePath),
    openExternal: async (url) => {
      assertExternalUrl(url);
      await shell.openExternal(url);
    },
  };
}

function start(): void {
  // A profile of its own (a portable install, the desktop tests): settings, journal, history and the single-instance
  // lock all live under userData, which must be set before anything reads it (app.setPath docs).
  const profile = app.commandLine.getSwitchValue('user-data-dir');
  if (profile) app.setPath('userData', profile);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // The UI (never file://) and the preview's workspace images: standard, secure schemes, so each has an
  // origin that 'self' and the frames' CSP can name, and the page counts as a secure context.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
    { scheme: ASSET_SCHEME, privileges: { standard: true, secure: true } },
  ]);
  const store = new Store<AppState>({
    name: 'state',
    cwd: app.getPath('userData'),
    defaults: { windowBounds: { width: 1280, height: 800 }, recentWorkspaces: [] },
  });
  let window: BrowserWindow | null = null;
  let guard: UnloadGuard | null = null;
  let backend: Backend | null = null;
  /** A workspace opened while the page still shows the old one: it takes over once the page starts to reload. */
  let incoming: Backend | null = null;
  /** Why no workspace could be opened at startup; the welcome screen shows it. */
  let welcomeReason: string | null = null;
  let stopForwarding = () => {};
  const platform = electronPlatform(() => window, {
    // HTML and its plain-text form in one atomic write, so each app pastes the kind it takes.
    copyHtml: (html, text) => clipboard.write([new ClipboardItem({ 'text/html': html, 'text/plain': text })]),
    unsavedChanged: (unsaved) => guard?.unsavedChanged(unsaved),
    saveFinished: (saved) => guard?.saveFinished(saved),
    // The regional format (Windows 11, macOS), which app.getLocale()'s UI language need not match (docs: api/app#appgetsystemlocale).
    systemLocale: () => app.getSystemLocale(),
    setFullScreen: (on) => window?.setFullScreen(on),
  });
  const cacheDir = join(app.getPath('userData'), 'list-cache');
  const dataDir = app.getPath('userData');
  /** A post the OS asked to open, held until the page has loaded and can take it. */
  let pendingPost: string | null = null;
  /** The page has loaded (and subscribed to events); false while a load we started runs. */
  let pageLoaded = false;
  /** Until the first window exists, files the OS names wait here; the last one is opened with it. */
  let started = false;
  const early: string[] = [];
  const launchFile = fileFromArgv(process.argv, process.cwd());
  if (launchFile) early.push(launchFile);

  const sendCommand = (command: AppCommand) => window?.webContents.send('app.command', { command });

  const buildMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          command: sendCommand,
          openFolder: () => void platform.pickFolder().then((folder) => (folder ? openWorkspace(folder) : undefined)),
          openRecent: (folder) => void openWorkspace(folder),
          recent: store.get('recentWorkspaces'),
        }),
      ),
    );

  const remember = (root: string) =>
    store.set('recentWorkspaces', [root, ...store.get('recentWorkspaces').filter((f) => f !== root)].slice(0, 10));

  async function openWorkspace(folder: string): Promise<boolean> {
    const next = await createBackend({ root: folder, platform, cacheDir, dataDir }).catch((error: unknown) => {
      dialog.showErrorBox('Could not open that folder', `${folder}\n\n${errorMessage(error)}`);
      return null;
    });
    if (!next) return false;
    remember(next.workspace.root);
    buildMenu();
    if (!window || !backend) {
      // The welcome screen (or no window): nothing unsaved to ask about.
      await adopt(next);
      if (window) void window.loadURL(pageUrl());
      else window = createWindow();
      return true;
    }
    // The page may refuse to go (unsaved text): the new workspace waits until it does, or is dropped on Cancel.
    await incoming?.close();
    incoming = next;
    // A post named for the new workspace must wait for its page, not reach the old one.
    pageLoaded = false;
    const { webContents } = window;
    guard?.unload(
      () => webContents.reload(),
      () => {
        if (incoming === next) incoming = null;
        void next.close();
        pendingPost = null;
        pageLoaded = true;
      },
    );
    return true;
  }

  /** Makes `next` the workspace the page talks to, closing the one before. */
  async function adopt(next: Backend): Promise<void> {
    stopForwarding();
    const previous = backend;
    backend = next;
    if (window) stopForwarding = forwardEvents(next, window.webContents);
    await previous?.close();
  }

  const pageUrl = () => (backend ? (devServerUrl ?? appPageUrl) : welcomeUrl);

  /** Where a file the OS named belongs, or null once the author has been told why it cannot open. */
  async function located(file: string | undefined): Promise<PostLocation | null> {
    if (!file) return null;
    return locatePost(file).catch((error: unknown) => {
      dialog.showErrorBox('Could not open that file', errorMessage(error));
      return null;
    });
  }

  /** Opens a post file from the OS: its workspace (unless open already), then the post in it. */
  async function openFile(file: string): Promise<void> {
    const target = await located(file);
    if (!target) return;
    if (backend?.workspace.root !== target.workspaceRoot && !(await openWorkspace(target.workspaceRoot))) return;
    showPost(target.id);
  }

  function showPost(id: string): void {
    pendingPost = id;
    if (!window && backend) window = createWindow();
    if (window?.isMinimized()) window.restore();
    window?.focus();
    if (pageLoaded) sendPendingPost();
  }

  function sendPendingPost(): void {
    if (!pendingPost || !window) return;
    window.webContents.send('app.openPost', { id: pendingPost });
    pendingPost = null;
  }

  function createWindow(): BrowserWindow {
    const win = new BrowserWindow(windowOptions(preloadPath, store.get('windowBounds')));
    pageLoaded = false;
    win.webContents.on('did-start-navigation', (details) => {
      if (!details.isMainFrame || details.isSameDocument) return;
      pageLoaded = false;
      // The old page is going: a workspace waiting for it takes over before the new page's first call.
      const next = incoming;
      incoming = null;
      if (next) void adopt(next);
    });
    win.webContents.on('did-finish-load', () => {
      pageLoaded = true;
      sendPendingPost();
    });
    win.webContents.on('will-navigate', (event, url) => {
      if (url !== openFolderUrl) return;
      event.preventDefault();
      void platform.pickFolder().then((folder) => (folder ? openWorkspace(folder) : undefined));
    });
    win.webContents.on('context-menu', (_event, params) => {
      const template = contextMenuTemplate(params, {
        replaceMisspelling: (word) => win.webContents.replaceMisspelling(word),
        addToDictionary: (word) => win.webContents.session.addWordToSpellCheckerDictionary(word),
        lookUp: () => win.webContents.showDefinitionForSelection(),
        openLink: (url) => void platform.openExternal(url).catch(() => {}),
        copyText: (text) => void clipboard.writeText(text),
      });
      if (template.length) Menu.buildFromTemplate(template).popup({ window: win });
    });
    win.once('ready-to-show', () => win.show());
    // However the window got there (the page's request, View → Toggle Full Screen, the OS), the page follows.
    win.on('enter-full-screen', () => win.webContents.send('app.fullScreen', { on: true }));
    win.on('leave-full-screen', () => win.webContents.send('app.fullScreen', { on: false }));
    win.on('close', () => store.set('windowBounds', win.getBounds()));
    const dialogFor = unsavedDialog();
    guard = guardUnload(win, {
      ask: (parent) => dialogFor.choice(dialog.showMessageBoxSync(parent, dialogFor.options)),
      requestSave: () => win.webContents.send('app.saveRequested', {}),
      // Don't Save: the author discarded what the journal kept of this run's unsaved posts.
      discard: async () => backend?.handlers.recovery.clear(),
      quit: () => app.quit(),
    });
    win.on('closed', () => {
      stopForwarding();
      window = null;
      guard = null;
    });
    if (backend) stopForwarding = forwardEvents(backend, win.webContents);
    void win.loadURL(pageUrl());
    return win;
  }

  // Windows and Linux: opening a file while the app runs starts a second instance, which hands us its argv and quits.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
    const file = fileFromArgv(argv, workingDirectory);
    if (!file) return;
    if (started) void openFile(file);
    else early.push(file);
  });
  // macOS: files arrive as events, also before `ready` when a double-click launches the app.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (started) void openFile(file);
    else early.push(file);
  });
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, isAppUrl, (url) => void platform.openExternal(url)));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Windows close after before-quit, each asking about unsaved text, so the workspace stays open until will-quit.
  app.on('before-quit', () => guard?.quitting());
  app.on('will-quit', () => void backend?.close());

  void app.whenReady().then(async () => {
    denyPermissions(session.defaultSession);
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: withAppCsp(details.url, details.responseHeaders, isAppUrl) });
    });
    protocol.handle(APP_SCHEME, (request) =>
      request.url === welcomeUrl && welcomeReason !== null ? welcomeResponse(welcomeReason) : appResponse(rendererDir, request),
    );
    protocol.handle(ASSET_SCHEME, async (request) =>
      backend ? assetResponse(backend, request.url) : new Response('No folder is open.', { status: 404 }),
    );
    registerIpc(() => backend, isAppUrl);
    // One window shows one post: of the files named so far, the last one opens with it.
    const named = early.length;
    const launch = await located(early[named - 1]);
    const startup = await startWorkspace({
      launchRoot: launch?.workspaceRoot ?? null,
      recent: store.get('recentWorkspaces'),
      sampleSource: app.isPackaged ? join(process.resourcesPath, 'sample-blog') : bundledSampleBlog,
      // Documents first, where the author finds it; the app's own data folder where Documents is refused.
      sampleTargets: [join(app.getPath('documents'), 'Postwright Sample Blog'), join(dataDir, 'Sample Blog')],
      open: (root) => createBackend({ root, platform, cacheDir, dataDir }),
    }).catch((error: unknown) => ({ welcome: errorMessage(error) }));
    if ('backend' in startup) backend = startup.backend;
    else welcomeReason = startup.welcome;
    const launched = launch !== null && backend?.workspace.root === launch.workspaceRoot;
    if (launched) remember(launch.workspaceRoot);
    buildMenu();
    window = createWindow();
    if (launched) showPost(launch.id);
    started = true;
    // Files named while it started come after.
    for (const file of early.splice(named)) await openFile(file);
    app.on('activate', () => {
      if (!window) window = createWindow();
    });
  });
}

start();
