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

  async function openWorkspace(folder: string): Promise<void> {
    const next = await createBackend({ root: folder, platform, cacheDir }).catch((error: unknown) => {
      dialog.showErrorBox('Could not open that folder', `${folder}\n\n${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    if (!next) return;
    stopForwarding();
    await backend?.close();
    backend = next;
    store.set('recentWorkspaces', [next.workspace.root, ...store.get('recentWorkspaces').filter((f) => f !== next.workspace.root)].slice(0, 10));
    buildMenu();
    if (window) {
      stopForwarding = forwardEvents(next, window.webContents);
      window.webContents.reload();
    }
  }

  async function firstWorkspace(): Promise<string> {
    const last = store.get('recentWorkspaces')[0];
    if (last) return last;
    const source = app.isPackaged ? join(process.resourcesPath, 'sample-blog') : bundledSampleBlog;
    return ensureSampleBlog(source, join(app.getPath('documents'), 'Postwright Sample Blog'));
  }

  function createWindow(backend: Backend): BrowserWindow {
    const win = new BrowserWindow(windowOptions(preloadPath, store.get('windowBounds')));
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

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
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
    const root = await firstWorkspace();
    const opened = await createBackend({ root, platform, cacheDir }).catch(async () => {
      // The remembered folder is gone (unplugged drive, deleted): fall back to the sample blog.
      store.set('recentWorkspaces', store.get('recentWorkspaces').filter((f) => f !== root));
      return createBackend({ root: await firstWorkspace(), platform, cacheDir });
    });
    backend = opened;
    protocol.handle(ASSET_SCHEME, (request) => assetResponse((backend ?? opened).workspace, request.url));
    registerIpc(() => backend ?? opened, isAppUrl);
    buildMenu();
    window = createWindow(opened);
    app.on('activate', () => {
      if (!window && backend) window = createWindow(backend);
    });
  });
}

start();
