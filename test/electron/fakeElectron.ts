// A stand-in for the `electron` module, which cannot run here (no binary).
// It records what our glue asks of Electron so tests can check it; all our
// own code paths behind it run for real.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: [string, unknown][] = [];
  mainFrame = { url: '' };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  isDestroyed() {
    return false;
  }
  reloads = 0;
  reload() {
    this.reloads++;
  }
}

/** Emits an Electron-style event and reports whether a handler called preventDefault. */
export function emitPreventable(target: EventEmitter, event: string, ...args: unknown[]): boolean {
  let prevented = false;
  target.emit(event, { preventDefault: () => (prevented = true) }, ...args);
  return prevented;
}

/** `deferReady`: `app.whenReady()` waits for `recorded.becomeReady()`, so a test can act before `ready`. */
export function createFakeElectron(userDataRoot: string, { deferReady = false } = {}) {
  const appEvents = new EventEmitter();
  let becomeReady = () => {};
  const ready = deferReady ? new Promise<void>((resolve) => (becomeReady = resolve)) : Promise.resolve();
  const windows: { options: Record<string, unknown>; webContents: FakeWebContents; loaded: string[] }[] = [];
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const session = {
    permissionRequest: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheck: null as null | ((...args: unknown[]) => boolean),
    devicePermission: null as null | ((...args: unknown[]) => boolean),
    headers: null as null | ((details: { url: string; responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
  };
  const exposed: Record<string, unknown> = {};
  const protocols = { privileged: [] as { scheme: string; privileges: Record<string, boolean> }[], handlers: new Map<string, (request: Request) => Promise<Response>>() };
  const rendererListeners = new EventEmitter();

  class BrowserWindow extends EventEmitter {
    webContents = new FakeWebContents();
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push({ options, webContents: this.webContents, loaded: this.loaded });
    }
    loaded: string[] = [];
    loadFile(file: string) {
      this.loaded.push(file);
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
    getBounds() {
      return { x: 0, y: 0, width: 1280, height: 800 };
    }
  }

  const module = {
    app: Object.assign(appEvents, {
      isPackaged: false,
      requestSingleInstanceLock: vi.fn(() => true),
      quit: vi.fn(),
      whenReady: () => ready,
      getPath: (name: string) => `${userDataRoot}/${name}`,
      getVersion: () => '0.0.0-test',
    }),
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: typeof protocols.privileged) => protocols.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => protocols.handlers.set(scheme, handler),
    },
    dialog: { showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })), showErrorBox: vi.fn() },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: vi.fn() },
    shell: { openExternal: vi.fn(async () => {}), trashItem: vi.fn(async () => {}) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof session.permissionRequest) => (session.permissionRequest = h),
        setPermissionCheckHandler: (h: typeof session.permissionCheck) => (session.permissionCheck = h),
        setDevicePermissionHandler: (h: typeof session.devicePermission) => (session.devicePermission = h),
        webRequest: { onHeadersReceived: (h: typeof session.headers) => (session.headers = h) },
      },
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => ipcHandlers.delete(channel),
      on: () => {},
    },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } })),
      on: (channel: string, listener: (...args: unknown[]) => void) => rendererListeners.on(channel, listener),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => rendererListeners.off(channel, listener),
    },
  };
  const recorded = { appEvents, windows, ipcHandlers, session, exposed, rendererListeners, userDataRoot, protocols, becomeReady: () => becomeReady() };
  // electron-store reads the CommonJS default export.
  return { ...module, default: module, recorded };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
