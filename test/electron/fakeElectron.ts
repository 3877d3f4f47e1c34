// A stand-in for the `electron` module, which cannot run here (no binary).
//
// It follows Electron 45's documentation, and each behaviour below names the
// page it comes from (https://www.electronjs.org/docs/latest/api/…; the same
// text is in node_modules/electron/electron.d.ts, generated from those pages).
// Events follow from what the page and the author do, never fired by a test:
// - a window close, a reload or a load runs the page's `beforeunload` listeners,
//   and `will-prevent-unload` is emitted only when one of them refused;
// - `app.quit()` closes every window (each may refuse) before `will-quit`;
// - permission requests and checks go through the handlers the app registered;
// - menus and context menus are data: a test clicks an item by its label;
// - a message box is answered by the label a test says the author clicks.
// What the OS alone starts (a right-click, a logout, a second launch) is a
// named method here, so a test says what the user did, not which event follows.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import { vi } from 'vitest';

/** An Electron event object: `preventDefault()` is how a listener says no (docs: api/structures/event). */
export interface FakeEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

function electronEvent<T extends object>(fields?: T): FakeEvent & T {
  let prevented = false;
  return Object.assign(
    {
      preventDefault: () => {
        prevented = true;
      },
      get defaultPrevented() {
        return prevented;
      },
    },
    fields,
  );
}

/** Emits an Electron-style event and reports whether a handler called preventDefault. */
export function emitPreventable(target: EventEmitter, event: string, ...args: unknown[]): boolean {
  const e = electronEvent();
  target.emit(event, e, ...args);
  return e.defaultPrevented;
}

/** The event a page's `beforeunload` listeners receive (MDN: Window: beforeunload event). */
class BeforeUnloadEvent extends Event {
  constructor(type: string, init: EventInit) {
    super(type, init);
    // Writable and starting empty, as in a browser; Event's own is a read-only boolean.
    Object.defineProperty(this, 'returnValue', { value: '', writable: true });
  }
  /** The legacy refusal, still honoured: Electron's BrowserWindow `close` docs recommend setting it. */
  get refusedByReturnValue(): boolean {
    const value: unknown = Reflect.get(this, 'returnValue');
    return value !== '' && value !== undefined;
  }
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A loaded document, as its own scripts see it: the `window` they add listeners
 * to, the `ipcRenderer` the preload listens on, and its clipboard and permissions.
 * A new one is made for every load; listeners of the old page die with it.
 */
export class FakePage extends EventTarget {
  /** `ipcRenderer.on` listeners registered while this page was current. */
  readonly ipc = new EventEmitter();
  unloaded = false;
  constructor(
    readonly url: string,
    readonly contents: FakeWebContents,
  ) {
    super();
  }

  /**
   * A permission request, as `navigator.clipboard.write` and friends make it.
   * docs: api/session#sessetpermissionrequesthandlerhandler: the handler gets
   * (webContents, permission, callback, details); with no handler set, Electron
   * grants every permission.
   */
  requestPermission(permission: string): Promise<boolean> {
    const handler = this.contents.session.permissionRequest;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(this.contents, permission, resolve, { requestingUrl: this.url, isMainFrame: true }));
  }

  /** docs: api/session#sessetpermissioncheckhandlerhandler: (webContents, permission, requestingOrigin, details) → boolean; default allows. */
  checkPermission(permission: string): boolean {
    const handler = this.contents.session.permissionCheck;
    return handler ? handler(this.contents, permission, new URL(this.url).origin, { requestingUrl: this.url, isMainFrame: true }) : true;
  }

  /**
   * The page follows a link or sets `location` (docs: api/web-contents#event-will-navigate: emitted for
   * navigations the page starts, preventable). Resolves whether it navigated.
   */
  async followLink(url: string): Promise<boolean> {
    const event = electronEvent({ url, isMainFrame: true, isSameDocument: false });
    this.contents.emit('will-navigate', event, url);
    if (event.defaultPrevented) return false;
    return this.contents.navigate(url);
  }

  /** `window.open(url)`: the handler from setWindowOpenHandler decides (docs: api/web-contents#contentssetwindowopenhandlerhandler); with none, allowed. */
  openWindow(url: string): { action: string } {
    return this.contents.openHandler?.({ url }) ?? { action: 'allow' };
  }

  /**
   * `navigator.clipboard` for this page: writes need the `clipboard-sanitized-write`
   * permission, which Chromium asks through the session's request handler
   * (docs: api/session, permission list), and fail with NotAllowedError without it.
   */
  readonly navigator = {
    clipboard: {
      write: async (items: { types: readonly string[]; getType(type: string): Promise<Blob> }[]) => {
        if (!(await this.requestPermission('clipboard-sanitized-write'))) throw new DOMException('Write permission denied.', 'NotAllowedError');
        const entries: Record<string, string> = {};
        for (const item of items) for (const type of item.types) entries[type] = await (await item.getType(type)).text();
        this.contents.clipboard.items = entries;
      },
    },
  };
}

/** The system clipboard: one set of entries by MIME type, replaced by each write (docs: api/clipboard). */
export class FakeClipboard {
  items: Record<string, string> = {};
  /** docs: api/clipboard#clipboardwritedata: all entries of one write are committed atomically. */
  async write(data: FakeClipboardItem[]): Promise<void> {
    const entries: Record<string, string> = {};
    for (const item of data) for (const type of item.types) entries[type] = await (await item.getType(type)).text();
    this.items = entries;
  }
  async writeText(text: string): Promise<void> {
    this.items = { 'text/plain': text };
  }
  async readText(): Promise<string> {
    return this.items['text/plain'] ?? '';
  }
  /** docs: api/clipboard#clipboardhasmimetype. */
  async has(type: string): Promise<boolean> {
    return Object.hasOwn(this.items, type);
  }
}

/** docs: api/clipboard-item: built from a record of MIME type → string | Blob; `types` are its keys. */
export class FakeClipboardItem {
  readonly types: string[];
  constructor(readonly entries: Record<string, string | Blob>) {
    this.types = Object.keys(entries);
  }
  async getType(type: string): Promise<Blob> {
    const value = this.entries[type];
    if (value === undefined) throw new DOMException(`No ${type} in this item.`, 'NotFoundError');
    return typeof value === 'string' ? new Blob([value], { type }) : value;
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;

/** docs: api/session. One default session, shared by every window. */
export class FakeSession {
  permissionRequest: PermissionRequestHandler | null = null;
  permissionCheck: PermissionCheckHandler | null = null;
  devicePermission: ((...args: unknown[]) => boolean) | null = null;
  headers: null | ((details: { url: string; responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) = null;
  /** Words added with addWordToSpellCheckerDictionary (docs: api/session#sesaddwordtospellcheckerdictionaryword). */
  readonly dictionary: string[] = [];
  // docs: api/session#sessetpermissionrequesthandlerhandler, #sessetpermissioncheckhandlerhandler and
  // #sessetdevicepermissionhandlerhandler: the app registers them; FakePage asks through them.
  setPermissionRequestHandler(handler: PermissionRequestHandler | null) {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null) {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: ((...args: unknown[]) => boolean) | null) {
    this.devicePermission = handler;
  }
  /** docs: api/web-request#webrequestonheadersreceivedfilter-listener: a test passes a response through the listener. */
  readonly webRequest = { onHeadersReceived: (handler: FakeSession['headers']) => (this.headers = handler) };
  addWordToSpellCheckerDictionary(word: string): boolean {
    this.dictionary.push(word);
    return true;
  }
}

/** Everything a fake `electron` module shares: the app, its one session, its windows, its clipboard. */
interface FakeHost {
  session: FakeSession;
  clipboard: FakeClipboard;
  /** Runs for every page that loads, as the renderer bundle would: a test's stand-in for the page's scripts. */
  onPageLoad: ((page: FakePage) => void) | null;
  /** The page whose `ipcRenderer` the preload talks through (the app has one window). */
  current: FakePage | null;
}

/** docs: api/web-contents. */
export class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  /** Every `send`, in order, whether or not a page could take it. */
  sent: [string, unknown][] = [];
  /** docs: api/web-frame-main: the top frame, whose `url` is the page's. */
  mainFrame = { url: '' };
  page: FakePage | null = null;
  reloads = 0;
  /** Editing commands run in the page (cut, copy, paste, selectAll, replaceMisspelling, …), for tests to see. */
  readonly commands: string[] = [];
  #destroyed = false;
  readonly session: FakeSession;
  readonly clipboard: FakeClipboard;

  constructor(readonly host: FakeHost = { session: new FakeSession(), clipboard: new FakeClipboard(), onPageLoad: null, current: null }) {
    super();
    this.session = host.session;
    this.clipboard = host.clipboard;
  }

  /** docs: api/web-contents#contentssetwindowopenhandlerhandler (the page's window.open reaches it, see FakePage.openWindow). */
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }

  /**
   * docs: api/web-contents#contentssendchannel-args: delivered to the page's
   * `ipcRenderer` listeners, asynchronously; a page that is gone hears nothing.
   */
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
    const page = this.page;
    if (!page) return;
    setImmediate(() => {
      if (!page.unloaded) page.ipc.emit(channel, {}, payload);
    });
  }

  /** docs: api/web-contents#contentsisdestroyed. */
  isDestroyed() {
    return this.#destroyed;
  }

  /** docs: api/web-contents#contentsloadurlurl-options. Not `will-navigate`: that is only for navigations the page starts. */
  async loadURL(url: string): Promise<void> {
    await this.navigate(url);
  }

  /** docs: api/web-contents#contentsreload: a navigation like any other, so the page's beforeunload may refuse it. */
  reload() {
    this.reloads++;
    void this.navigate(this.page?.url ?? this.mainFrame.url);
  }

  /**
   * Asks the page whether it may go (MDN beforeunload: refused by preventDefault
   * or a returnValue). If it refuses, `will-prevent-unload` is emitted, and only
   * a listener's preventDefault lets the unload go on (docs: api/web-contents#event-will-prevent-unload).
   * Electron asks without the sticky user activation Chromium needs in a browser
   * (electron/electron#40780; the requirement is patched out, #10754).
   */
  async mayUnload(): Promise<boolean> {
    await nextTick();
    const page = this.page;
    if (!page || page.unloaded) return true;
    const event = new BeforeUnloadEvent('beforeunload', { cancelable: true });
    page.dispatchEvent(event);
    if (!event.defaultPrevented && !event.refusedByReturnValue) return true;
    const answer = electronEvent();
    this.emit('will-prevent-unload', answer);
    return answer.defaultPrevented;
  }

  /** Loads `url` in place of the current page, once the current page lets go; false if it refused. */
  async navigate(url: string): Promise<boolean> {
    if (!(await this.mayUnload())) return false;
    // docs: api/web-contents#event-did-start-navigation: details carry url, isMainFrame, isSameDocument.
    this.emit('did-start-navigation', electronEvent({ url, isMainFrame: true, isSameDocument: false, isInPlace: false }), url, false, true, 0, 0);
    this.unloadPage();
    const page = new FakePage(url, this);
    this.page = page;
    this.host.current = page;
    this.mainFrame.url = url;
    this.host.onPageLoad?.(page);
    await nextTick();
    if (page.unloaded) return true;
    this.emit('dom-ready', electronEvent());
    this.emit('did-finish-load', electronEvent());
    return true;
  }

  unloadPage() {
    if (!this.page) return;
    this.page.dispatchEvent(new Event('pagehide'));
    this.page.unloaded = true;
    this.page.ipc.removeAllListeners();
    if (this.host.current === this.page) this.host.current = null;
    this.page = null;
  }

  /**
   * The renderer process dies (docs: api/web-contents#event-render-process-gone): the page is gone at
   * once, without beforeunload; the window stays, empty.
   */
  crash() {
    this.unloadPage();
    this.emit('render-process-gone', electronEvent(), { reason: 'crashed', exitCode: 139 });
  }

  destroy() {
    this.unloadPage();
    this.#destroyed = true;
    this.emit('destroyed');
  }

  /**
   * The user right-clicks: docs: api/web-contents#event-context-menu, with
   * params as api/structures/context-menu-params lists them (defaults for the
   * fields a test leaves out, as for a click on empty page background).
   */
  rightClick(params: Partial<ContextMenuParams>) {
    const full = {
      x: 10, y: 10, frame: null, linkURL: '', linkText: '', pageURL: this.mainFrame.url, frameURL: '', srcURL: '', mediaType: 'none',
      hasImageContents: false, isEditable: false, selectionText: '', titleText: '', altText: '', suggestedFilename: '',
      misspelledWord: '', dictionarySuggestions: [], frameCharset: 'UTF-8', formControlType: 'none', spellcheckEnabled: true, menuSourceType: 'mouse',
      editFlags: { canUndo: false, canRedo: false, canCut: false, canCopy: false, canPaste: false, canDelete: false, canSelectAll: true, canEditRichly: false },
      ...params,
    };
    this.emit('context-menu', electronEvent(), full);
  }

  // Editing commands the page runs (docs: api/web-contents#contentsreplacemisspellingtext and neighbours).
  replaceMisspelling(text: string) {
    this.commands.push(`replaceMisspelling:${text}`);
  }
  showDefinitionForSelection() {
    this.commands.push('showDefinitionForSelection');
  }
  cut() {
    this.commands.push('cut');
  }
  copy() {
    this.commands.push('copy');
  }
  paste() {
    this.commands.push('paste');
  }
  selectAll() {
    this.commands.push('selectAll');
  }
}

/**
 * A built menu, kept as the template it came from (docs: api/menu#menubuildfromtemplatetemplate).
 * `click(label)` does what clicking that item does: its `click(menuItem, window, event)`,
 * or for a role the webContents method the role stands for (docs: api/menu-item#roles).
 */
export class FakeMenu {
  popups = 0;
  constructor(readonly items: MenuItemConstructorOptions[]) {}
  labels(): string[] {
    return this.items.filter((i) => i.type !== 'separator').map((i) => i.label ?? String(i.role));
  }
  find(label: string): MenuItemConstructorOptions | undefined {
    const walk = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions | undefined => {
      for (const item of items) {
        if (item.label === label || (!item.label && item.role === label)) return item;
        const inner = Array.isArray(item.submenu) ? walk(item.submenu) : undefined;
        if (inner) return inner;
      }
      return undefined;
    };
    return walk(this.items);
  }
  click(label: string, focused: { webContents: FakeWebContents } | null = null) {
    const item = this.find(label);
    if (!item) throw new Error(`The menu has no "${label}" item; it has: ${this.labels().join(', ')}`);
    if (item.enabled === false) throw new Error(`"${label}" is disabled`);
    if (item.click) (item.click as (...args: unknown[]) => void)(item, focused, electronEvent());
    else if (item.role && focused) {
      const method = item.role as 'cut' | 'copy' | 'paste' | 'selectAll';
      focused.webContents[method]();
    }
  }
  /** docs: api/menu#menupopupoptions: shows the menu at the pointer; here it becomes the open context menu. */
  popup(_options?: unknown) {
    this.popups++;
    this.host?.popups.push(this);
  }
  host: { popups: FakeMenu[] } | null = null;
}

/** `deferReady`: `app.whenReady()` waits for `recorded.becomeReady()`, so a test can act before `ready`. */
export function createFakeElectron(userDataRoot: string, { deferReady = false } = {}) {
  const appEvents = new EventEmitter();
  let becomeReady = () => {};
  const ready = deferReady ? new Promise<void>((resolve) => (becomeReady = resolve)) : Promise.resolve();
  const host: FakeHost = { session: new FakeSession(), clipboard: new FakeClipboard(), onPageLoad: null, current: null };
  const windows: { options: Record<string, unknown>; webContents: FakeWebContents; loaded: string[]; window: BrowserWindow }[] = [];
  const open = new Set<BrowserWindow>();
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const exposed: Record<string, unknown> = {};
  const protocols = { privileged: [] as { scheme: string; privileges: Record<string, boolean> }[], handlers: new Map<string, (request: Request) => Promise<Response>>() };
  const safeStorage = new FakeSafeStorage();
  const popups: FakeMenu[] = [];
  /** Labels the author clicks in the next message boxes, in order. */
  const dialogAnswers: string[] = [];
  const messageBoxes: { buttons: string[]; message: string; clicked: string }[] = [];
  const state = { quitting: false, quit: false, lockHeld: false };
  const paths = new Map<string, string>();

  /** docs: api/browser-window. */
  class BrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents(host);
    readonly loaded: string[] = [];
    #closed = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      // docs: api/app#event-web-contents-created.
      appEvents.emit('web-contents-created', electronEvent(), this.webContents);
      windows.push({ options, webContents: this.webContents, loaded: this.loaded, window: this });
      open.add(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      // docs: api/browser-window#event-ready-to-show: after the first load has painted.
      return this.webContents.loadURL(url).then(() => void this.emit('ready-to-show'));
    }
    loadFile(file: string) {
      return this.loadURL(`file://${file}`);
    }
    /**
     * docs: api/browser-window#winclose: "Try to close the window. This has the same effect as a user manually
     * clicking the close button": `close` (preventable) first, before the page's beforeunload, then the page may
     * refuse (will-prevent-unload), then `closed`. Resolves whether it closed (the real one returns nothing).
     */
    close(): Promise<boolean> {
      return this.tryClose();
    }
    async tryClose(): Promise<boolean> {
      if (this.#closed) return true;
      const closing = electronEvent();
      this.emit('close', closing);
      if (closing.defaultPrevented) return false;
      if (!(await this.webContents.mayUnload())) return false;
      this.#finish();
      // docs: api/app#event-window-all-closed: not emitted when the windows close as part of a quit.
      if (open.size === 0 && !state.quitting) {
        if (appEvents.listenerCount('window-all-closed') > 0) appEvents.emit('window-all-closed');
        else void quit();
      }
      return true;
    }
    /** docs: api/browser-window#windestroy: no `close`, no beforeunload; `closed` is emitted. */
    destroy() {
      if (!this.#closed) this.#finish();
    }
    #finish() {
      this.#closed = true;
      open.delete(this);
      this.webContents.destroy();
      this.emit('closed');
    }
    isDestroyed() {
      return this.#closed;
    }
    /**
     * The OS is ending the session (docs: api/browser-window#event-query-session-end, Windows): listeners may
     * preventDefault to hold it. Returns whether the session may end now.
     */
    endSession(reasons: ('shutdown' | 'logoff')[] = ['logoff']): boolean {
      const event = electronEvent({ reasons });
      this.emit('query-session-end', event);
      return !event.defaultPrevented;
    }
    // docs: api/browser-window#winshow, #winfocus, #winrestore, #winisminimized, #wingetbounds: there is no
    // screen here, so showing, focusing and restoring change nothing a test can see; the window is never minimized.
    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
    getBounds() {
      return { x: 0, y: 0, width: 1280, height: 800 };
    }
    #fullScreen = false;
    /**
     * docs: api/browser-window#winsetfullscreenflag and the `enter-full-screen` / `leave-full-screen` events, emitted when
     * the state changes (asynchronously: the OS animates the change).
     */
    setFullScreen(flag: boolean) {
      if (flag === this.#fullScreen) return;
      this.#fullScreen = flag;
      setImmediate(() => this.emit(flag ? 'enter-full-screen' : 'leave-full-screen'));
    }
    /** docs: api/browser-window#winisfullscreen. */
    isFullScreen() {
      return this.#fullScreen;
    }
  }

  /**
   * docs: api/app#appquit: emits `before-quit` (preventable), then closes every window, any of which
   * may cancel the quit from beforeunload; once all are closed, `will-quit` (preventable), then `quit`.
   */
  async function quit(): Promise<void> {
    if (state.quit) return;
    if (emitPreventable(appEvents, 'before-quit')) return;
    state.quitting = true;
    for (const win of [...open]) {
      if (!(await win.tryClose())) {
        state.quitting = false;
        return;
      }
    }
    state.quitting = false;
    if (emitPreventable(appEvents, 'will-quit')) return;
    state.quit = true;
    appEvents.emit('quit', electronEvent(), 0);
  }

  /** The sender of an `ipcRenderer.invoke`: the current page's contents and top frame (docs: api/structures/ipc-main-invoke-event). */
  function invokeEvent() {
    const page = host.current;
    if (!page) throw new Error('No page is loaded, so nothing can call ipcRenderer.');
    return { sender: page.contents, senderFrame: page.contents.mainFrame, processId: 1, frameId: 1, type: 'frame' };
  }

  const module = {
    app: Object.assign(appEvents, {
      // docs: api/app#appispackaged (run from source here) and #appgetpathname (every named folder under one temp root).
      isPackaged: false,
      // docs: api/app#apprequestsingleinstancelockadditionaldata: true for the first instance, which then holds it.
      requestSingleInstanceLock: vi.fn(() => (state.lockHeld = true)),
      quit: vi.fn(() => void quit()),
      whenReady: () => ready,
      getPath: (name: string) => paths.get(name) ?? `${userDataRoot}/${name}`,
      // docs: api/app#appsetpathname-path.
      setPath: (name: string, path: string) => void paths.set(name, path),
      // docs: api/command-line#commandlinegetswitchvalueswitch: the value of `--switch=value` on the command line, else ''.
      commandLine: {
        getSwitchValue: (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? '',
      },
      getVersion: () => '0.0.0-test',
      // docs: api/app#appgetsystemlocale: the OS's regional format, here one a test can tell from the UI language.
      getSystemLocale: () => 'de-DE',
    }),
    BrowserWindow,
    // docs: api/protocol#protocolregisterschemesasprivilegedcustomschemes and #protocolhandlescheme-handler: kept
    // as data; a test calls a handler with a web Request, as Electron does, and reads the Response.
    protocol: {
      registerSchemesAsPrivileged: (schemes: typeof protocols.privileged) => protocols.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => protocols.handlers.set(scheme, handler),
    },
    dialog: {
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })),
      showErrorBox: vi.fn(),
      /**
       * docs: api/dialog#dialogshowmessageboxsyncwindow-options: returns the index of the clicked button. The
       * author clicks the next label in `dialogAnswers`; with none, they press Esc, which answers `cancelId`.
       */
      showMessageBoxSync: vi.fn((_window: unknown, options: { buttons?: string[]; message: string; cancelId?: number }) => {
        const buttons = options.buttons ?? ['OK'];
        const label = dialogAnswers.shift();
        const index = label === undefined ? (options.cancelId ?? 0) : buttons.indexOf(label);
        if (index < 0) throw new Error(`The message box "${options.message}" has no "${label}" button; it has: ${buttons.join(', ')}`);
        messageBoxes.push({ buttons, message: options.message, clicked: buttons[index]! });
        return index;
      }),
    },
    // docs: api/menu#menusetapplicationmenumenu: the menu set last is the app menu (a FakeMenu, see above).
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => Object.assign(new FakeMenu(template), { host: { popups } }),
      setApplicationMenu: vi.fn((_menu: FakeMenu | null) => {}),
    },
    clipboard: host.clipboard,
    ClipboardItem: FakeClipboardItem,
    // docs: api/shell#shellopenexternalurl-options and #shelltrashitempath: recorded, nothing opens or moves.
    shell: { openExternal: vi.fn(async (_url: string) => {}), trashItem: vi.fn(async () => {}) },
    session: { defaultSession: host.session },
    // docs: api/ipc-main#ipcmainhandlechannel-listener: one handler per channel, reached by ipcRenderer.invoke below.
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => ipcHandlers.delete(channel),
      on: () => {},
    },
    safeStorage,
    // docs: api/context-bridge#contextbridgeexposeinmainworldapikey-api: what the preload exposes, as the page sees it.
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    /** docs: api/ipc-renderer: the page's end of IPC; `invoke` reaches the `ipcMain.handle` handler, or rejects without one. */
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, ...args: unknown[]) => {
        const handler = ipcHandlers.get(channel);
        if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
        return handler(invokeEvent(), ...args);
      }),
      on: (channel: string, listener: (...args: unknown[]) => void) => host.current?.ipc.on(channel, listener),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => host.current?.ipc.off(channel, listener),
    },
  };
  const recorded = {
    appEvents,
    windows,
    ipcHandlers,
    session: host.session,
    clipboard: host.clipboard,
    exposed,
    userDataRoot,
    protocols,
    safeStorage,
    popups,
    dialogAnswers,
    messageBoxes,
    state,
    /** The stand-in for the page's scripts, run on every load (see FakeHost.onPageLoad). */
    set onPageLoad(boot: ((page: FakePage) => void) | null) {
      host.onPageLoad = boot;
    },
    /** A page for code that runs without a window (the preload on its own). */
    blankPage(url = 'app://postwright/index.html') {
      const contents = new FakeWebContents(host);
      const page = new FakePage(url, contents);
      contents.page = page;
      contents.mainFrame.url = url;
      host.current = page;
      return page;
    },
    openWindows: () => [...open],
    /** macOS: the author opens a file with the app (docs: api/app#event-open-file; the app should preventDefault). */
    osOpensFile: (path: string) => emitPreventable(appEvents, 'open-file', path),
    /** Windows, Linux: a second launch hands its argv to this instance and quits (docs: api/app#event-second-instance). */
    secondInstance: (argv: string[], workingDirectory: string) => appEvents.emit('second-instance', electronEvent(), argv, workingDirectory, {}),
    becomeReady: () => becomeReady(),
  };
  // electron-store reads the CommonJS default export.
  return { ...module, default: module, recorded };
}

/**
 * safeStorage as the OS would do it: real AES-GCM under a key that stays in
 * memory (the OS keychain's part), so stored ciphertext is never the secret.
 * `backend` and `available` let a test play Linux without a keychain.
 * docs: api/safe-storage (isAsyncEncryptionAvailable, encryptStringAsync, decryptStringAsync, getSelectedStorageBackend).
 */
export class FakeSafeStorage {
  backend: 'basic_text' | 'gnome_libsecret' | 'kwallet6' | 'unknown' = 'gnome_libsecret';
  available = true;
  #key = randomBytes(32);
  async isAsyncEncryptionAvailable() {
    return this.available;
  }
  getSelectedStorageBackend() {
    return this.backend;
  }
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    if (!this.available) throw new Error('Encryption is not available.');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), body]);
  }
  async decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    const decipher = createDecipheriv('aes-256-gcm', this.#key, encrypted.subarray(3, 15));
    decipher.setAuthTag(encrypted.subarray(15, 31));
    return { result: Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8'), shouldReEncrypt: false };
  }
  /** The OS keychain lost its key (a new login keyring): old ciphertext no longer decrypts. */
  forgetKey() {
    this.#key = randomBytes(32);
  }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
