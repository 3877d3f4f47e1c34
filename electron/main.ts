// The Electron main process: a thin layer that wires Electron's objects to the
// backend. Startup is a list of steps, each a function below; behaviour lives in
// plain-Node modules (backend, workspace) and in desktop/ (window, menu, IPC).
import { join } from 'node:path';
import { app, clipboard, ClipboardItem, dialog, Menu, protocol, session } from 'electron';
import { errorMessage } from '../common/errors';
import { APP_SCHEME, appPageUrl, appResponse, isAppOrigin } from './appProtocol';
import { bundledSampleBlog, packageRoot, rendererDir } from './appPaths';
import { ASSET_SCHEME, assetResponse } from './assetProtocol';
import { createBackend, type Backend } from './backend';
import { withAppCsp } from './cspHeader';
import { AppState } from './desktop/appState';
import { electronPlatform } from './desktop/electronPlatform';
import { registerIpc } from './desktop/ipc';
import { MainWindow } from './desktop/mainWindow';
import { menuTemplate } from './desktop/menu';
import { OsOpenQueue } from './desktop/osOpenQueue';
import { PostForPage } from './desktop/postForPage';
import { sendEvent } from './desktop/sendEvent';
import { denyPermissions, lockDownContents } from './desktop/window';
import { WorkspaceSwitch } from './desktop/workspaceSwitch';
import { fileFromArgv, locatePost, type PostLocation } from './openFile';
import type { Platform } from './platform';
import { startWorkspace } from './startup';
import { welcomeResponse, welcomeUrl } from './welcome';

const preloadPath = join(packageRoot, 'out', 'preload', 'preload.cjs');
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

/** True for our own page, whether built (app://) or served by electron-vite in development. */
export function isAppUrl(url: string): boolean {
  if (devServerUrl) return URL.canParse(url) && new URL(url).origin === new URL(devServerUrl).origin;
  return isAppOrigin(url);
}

/** Everything the steps share: made once, before `ready`, each part owning its own state. */
interface Desktop {
  state: AppState;
  platform: Platform;
  workspaces: WorkspaceSwitch;
  posts: PostForPage;
  window: MainWindow;
  osOpen: OsOpenQueue;
  /** Why no workspace could be opened at startup, for the welcome screen; null when one was. */
  welcomeReason: string | null;
  cacheDir: string;
  dataDir: string;
}

function start(): void {
  if (!claimProfile()) return;
  registerSchemes();
  const desktop = createDesktop();
  setupOsOpen(desktop);
  setupAppEvents(desktop);
  void app.whenReady().then(async () => {
    setupSession();
    setupProtocols(desktop);
    registerIpc(() => desktop.workspaces.current, isAppUrl);
    await openFirstWindow(desktop);
    app.on('activate', () => desktop.window.ensure());
  });
}

/**
 * A profile of its own (a portable install, the desktop tests): settings, journal, history and the single-instance
 * lock all live under userData, which must be set before anything reads it (app.setPath docs). False when another
 * instance runs: it gets our files (second-instance) and this one quits.
 */
function claimProfile(): boolean {
  const profile = app.commandLine.getSwitchValue('user-data-dir');
  if (profile) app.setPath('userData', profile);
  if (app.requestSingleInstanceLock()) return true;
  app.quit();
  return false;
}

/**
 * The UI (never file://) and the preview's workspace images: standard, secure schemes, so each has an
 * origin that 'self' and the frames' CSP can name, and the page counts as a secure context.
 */
function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
    { scheme: ASSET_SCHEME, privileges: { standard: true, secure: true } },
  ]);
}

function createDesktop(): Desktop {
  const state = new AppState();
  const posts = new PostForPage();
  const workspaces = new WorkspaceSwitch(posts);
  const desktop: Desktop = {
    state,
    platform: electronPlatform(() => desktop.window.current, {
      // HTML and its plain-text form in one atomic write, so each app pastes the kind it takes.
      copyHtml: (html, text) => clipboard.write([new ClipboardItem({ 'text/html': html, 'text/plain': text })]),
      unsavedChanged: (unsaved) => desktop.window.guard?.unsavedChanged(unsaved),
      saveFinished: (saved) => desktop.window.guard?.saveFinished(saved),
      // The regional format (Windows 11, macOS), which app.getLocale()'s UI language need not match (docs: api/app#appgetsystemlocale).
      systemLocale: () => app.getSystemLocale(),
      setFullScreen: (on) => desktop.window.current?.setFullScreen(on),
    }),
    workspaces,
    posts,
    window: new MainWindow({
      preloadPath,
      state,
      workspaces,
      posts,
      pageUrl: () => (workspaces.current ? (devServerUrl ?? appPageUrl) : welcomeUrl),
      chooseFolder: () => chooseFolder(desktop),
      openExternal: (url) => desktop.platform.openExternal(url),
    }),
    osOpen: new OsOpenQueue(fileFromArgv(process.argv, process.cwd())),
    welcomeReason: null,
    cacheDir: join(app.getPath('userData'), 'list-cache'),
    dataDir: app.getPath('userData'),
  };
  return desktop;
}

function setupOsOpen({ window, osOpen }: Desktop): void {
  // Windows and Linux: opening a file while the app runs starts a second instance, which hands us its argv and quits.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    window.focus();
    const file = fileFromArgv(argv, workingDirectory);
    if (file) osOpen.add(file);
  });
  // macOS: files arrive as events, also before `ready` when a double-click launches the app.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    osOpen.add(file);
  });
}

function setupAppEvents({ platform, window, workspaces }: Desktop): void {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, isAppUrl, (url) => void platform.openExternal(url)));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Windows close after before-quit, each asking about unsaved text, so the workspace stays open until will-quit.
  app.on('before-quit', () => window.guard?.quitting());
  app.on('will-quit', () => workspaces.close());
}

function setupSession(): void {
  denyPermissions(session.defaultSession);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withAppCsp(details.url, details.responseHeaders, isAppUrl) });
  });
}

function setupProtocols(desktop: Desktop): void {
  protocol.handle(APP_SCHEME, (request) =>
    request.url === welcomeUrl && desktop.welcomeReason !== null ? welcomeResponse(desktop.welcomeReason) : appResponse(rendererDir, request),
  );
  protocol.handle(ASSET_SCHEME, async (request) => {
    const backend = desktop.workspaces.current;
    return backend ? assetResponse(backend, request.url) : new Response('No folder is open.', { status: 404 });
  });
}

/** The blog of a file the OS named, else the last folder, else the sample blog, else the welcome screen; then the window. */
async function openFirstWindow(desktop: Desktop): Promise<void> {
  const { state, window, workspaces, osOpen } = desktop;
  const launch = await located(osOpen.takeLaunchFile());
  const startup = await startWorkspace({
    launchRoot: launch?.workspaceRoot ?? null,
    recent: state.recentWorkspaces,
    sampleSource: app.isPackaged ? join(process.resourcesPath, 'sample-blog') : bundledSampleBlog,
    // Documents first, where the author finds it; the app's own data folder where Documents is refused.
    sampleTargets: [join(app.getPath('documents'), 'Postwright Sample Blog'), join(desktop.dataDir, 'Sample Blog')],
    open: (root) => openBackend(desktop, root),
  }).catch((error: unknown) => ({ welcome: errorMessage(error) }));
  if ('backend' in startup) await workspaces.adopt(startup.backend);
  else desktop.welcomeReason = startup.welcome;
  const launched = launch !== null && workspaces.current?.workspace.root === launch.workspaceRoot;
  if (launched) state.remember(launch.workspaceRoot);
  buildMenu(desktop);
  window.ensure();
  if (launched) showPost(desktop, launch.id);
  // Files named while it started come after.
  await osOpen.started((file) => openFile(desktop, file));
}

function buildMenu(desktop: Desktop): void {
  const template = menuTemplate({
    command: (command) => {
      const page = desktop.window.current?.webContents;
      if (page) sendEvent(page, 'app.command', { command });
    },
    openFolder: () => chooseFolder(desktop),
    openRecent: (folder) => void openWorkspace(desktop, folder),
    recent: desktop.state.recentWorkspaces,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function openBackend({ platform, cacheDir, dataDir }: Desktop, root: string): Promise<Backend> {
  return createBackend({ root, platform, cacheDir, dataDir });
}

/** File → Open Folder… and the welcome screen's link: the native picker, then that folder. */
function chooseFolder(desktop: Desktop): void {
  void desktop.platform.pickFolder().then((folder) => (folder ? openWorkspace(desktop, folder) : undefined));
}

/** Opens `folder` in the window; false (after telling the author why) when it cannot be opened. */
async function openWorkspace(desktop: Desktop, folder: string): Promise<boolean> {
  const next = await openBackend(desktop, folder).catch((error: unknown) => {
    dialog.showErrorBox('Could not open that folder', `${folder}\n\n${errorMessage(error)}`);
    return null;
  });
  if (!next) return false;
  desktop.state.remember(next.workspace.root);
  buildMenu(desktop);
  await desktop.workspaces.switchTo(next, desktop.window);
  return true;
}

/** Where a file the OS named belongs, or null once the author has been told why it cannot open. */
async function located(file: string | undefined): Promise<PostLocation | null> {
  if (!file) return null;
  return locatePost(file).catch((error: unknown) => {
    dialog.showErrorBox('Could not open that file', errorMessage(error));
    return null;
  });
}

/** Opens a post file from the OS: its workspace (unless open already), then the post in it. */
async function openFile(desktop: Desktop, file: string): Promise<void> {
  const target = await located(file);
  if (!target) return;
  if (desktop.workspaces.current?.workspace.root !== target.workspaceRoot && !(await openWorkspace(desktop, target.workspaceRoot))) return;
  showPost(desktop, target.id);
}

function showPost({ window, workspaces, posts }: Desktop, id: string): void {
  // The post goes to the page once it has loaded; with no window, one opens for it (if a workspace is open).
  const page = window.current ?? (workspaces.current ? window.ensure() : null);
  window.focus();
  posts.show(id, page?.webContents ?? null);
}

start();
