// The Electron main process: a thin layer that wires Electron's objects to the
// backend. Behaviour lives in plain-Node modules (backend, workspace, window, menu).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu, protocol, session, shell, type OpenDialogOptions } from 'electron';
import Store from 'electron-store';
import type { AppCommand } from '../common/api';
import { appCsp } from '../common/csp';
import { bundledSampleBlog, packageRoot, rendererDir } from './appPaths';
import { ASSET_SCHEME, assetResponse } from './assetProtocol';
import { createBackend, type Backend } from './backend';
import { forwardEvents, registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { fileFromArgv, locatePost, type PostLocation } from './openFile';
import { assertExternalUrl, type Platform } from './platform';
import { ensureSampleBlog } from './sampleBlog';
import { denyPermissions, lockDownContents, windowOptions, type WindowBounds } from './window';

interface AppState {
  windowBounds: WindowBounds;
  /** Most recent first. */
  recentWorkspaces: string[];
}

const rendererIndex = join(rendererDir, 'index.html');
const preloadPath = join(packageRoot, 'out', 'preload', 'preload.cjs');
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

/** True for our own page, whether built (file://) or served by electron-vite in development. */
export function isAppUrl(url: string): boolean {
  if (devServerUrl) return new URL(url).origin === new URL(devServerUrl).origin;
  return url.split(/[?#]/)[0] === pathToFileURL(rendererIndex).href;
}

function electronPlatform(window: () => BrowserWindow | null): Platform {
  return {
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
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Workspace images for the preview; a standard, secure scheme so it has an origin the frames' CSP can name.
  protocol.registerSchemesAsPrivileged([{ scheme: ASSET_SCHEME, privileges: { standard: true, secure: true } }]);
  const store = new Store<AppState>({
    name: 'state',
    cwd: app.getPath('userData'),
    defaults: { windowBounds: { width: 1280, height: 800 }, recentWorkspaces: [] },
  });
  let window: BrowserWindow | null = null;
  let backend: Backend | null = null;
  let stopForwarding = () => {};
  const platform = electronPlatform(() => window);
  const cacheDir = join(app.getPath('userData'), 'list-cache');
  const historyDir = join(app.getPath('userData'), 'history');
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
    const next = await createBackend({ root: folder, platform, cacheDir, historyDir }).catch((error: unknown) => {
      dialog.showErrorBox('Could not open that folder', `${folder}\n\n${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    if (!next) return false;
    stopForwarding();
    await backend?.close();
    backend = next;
    remember(next.workspace.root);
    buildMenu();
    if (window) {
      stopForwarding = forwardEvents(next, window.webContents);
      pageLoaded = false;
      window.webContents.reload();
    }
    return true;
  }

  /** Where a file the OS named belongs, or null once the author has been told why it cannot open. */
  async function located(file: string | undefined): Promise<PostLocation | null> {
    if (!file) return null;
    return locatePost(file).catch((error: unknown) => {
      dialog.showErrorBox('Could not open that file', error instanceof Error ? error.message : String(error));
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
    if (!window && backend) window = createWindow(backend);
    if (window?.isMinimized()) window.restore();
    window?.focus();
    if (pageLoaded) sendPendingPost();
  }

  function sendPendingPost(): void {
    if (!pendingPost || !window) return;
    window.webContents.send('app.openPost', { id: pendingPost });
    pendingPost = null;
  }

  async function firstWorkspace(): Promise<string> {
    const last = store.get('recentWorkspaces')[0];
    if (last) return last;
    const source = app.isPackaged ? join(process.resourcesPath, 'sample-blog') : bundledSampleBlog;
    return ensureSampleBlog(source, join(app.getPath('documents'), 'Postwright Sample Blog'));
  }

  function createWindow(backend: Backend): BrowserWindow {
    const win = new BrowserWindow(windowOptions(preloadPath, store.get('windowBounds')));
    pageLoaded = false;
    win.webContents.on('did-finish-load', () => {
      pageLoaded = true;
      sendPendingPost();
    });
    win.once('ready-to-show', () => win.show());
    win.on('close', () => store.set('windowBounds', win.getBounds()));
    // The page refuses to unload while a post is unsaved; Electron would then silently keep the window open.
    win.webContents.on('will-prevent-unload', (event) => {
      const choice = dialog.showMessageBoxSync(win, {
        type: 'warning',
        message: 'A post has unsaved changes.',
        detail: 'Close anyway and lose them, or go back and save?',
        buttons: ['Go Back', 'Close Without Saving'],
        defaultId: 0,
        cancelId: 0,
      });
      if (choice === 1) event.preventDefault();
    });
    win.on('closed', () => {
      stopForwarding();
      window = null;
    });
    stopForwarding = forwardEvents(backend, win.webContents);
    if (devServerUrl) void win.loadURL(devServerUrl);
    else void win.loadFile(rendererIndex);
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
  app.on('before-quit', () => void backend?.close());

  void app.whenReady().then(async () => {
    denyPermissions(session.defaultSession);
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [appCsp] } });
    });
    // One window shows one post: of the files named so far, the last one opens with it.
    const named = early.length;
    const launch = await located(early[named - 1]);
    const root = launch?.workspaceRoot ?? (await firstWorkspace());
    const opened = await createBackend({ root, platform, cacheDir, historyDir }).catch(async () => {
      // The remembered folder is gone (unplugged drive, deleted): fall back to the sample blog.
      store.set('recentWorkspaces', store.get('recentWorkspaces').filter((f) => f !== root));
      return createBackend({ root: await firstWorkspace(), platform, cacheDir, historyDir });
    });
    backend = opened;
    const launched = launch !== null && opened.workspace.root === launch.workspaceRoot;
    if (launched) remember(launch.workspaceRoot);
    protocol.handle(ASSET_SCHEME, (request) => assetResponse((backend ?? opened).workspace, request.url));
    registerIpc(() => backend ?? opened, isAppUrl);
    buildMenu();
    window = createWindow(opened);
    if (launched) showPost(launch.id);
    started = true;
    // Files named while it started come after.
    for (const file of early.splice(named)) await openFile(file);
    app.on('activate', () => {
      if (!window && backend) window = createWindow(backend);
    });
  });
}

start();
