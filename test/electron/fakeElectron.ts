// A stand-in for the `electron` module, which cannot run here (no binary).
// It records what our glue asks of Electron so tests can check it; all our
// own code paths behind it run for real.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
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
  const safeStorage = new FakeSafeStorage();

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
    dialog: { showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })), showErrorBox: vi.fn(), showMessageBoxSync: vi.fn(() => 0) },
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
    safeStorage,
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } })),
      on: (channel: string, listener: (...args: unknown[]) => void) => rendererListeners.on(channel, listener),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => rendererListeners.off(channel, listener),
    },
  };
  const recorded = { appEvents, windows, ipcHandlers, session, exposed, rendererListeners, userDataRoot, protocols, safeStorage, becomeReady: () => becomeReady() };
  // electron-store reads the CommonJS default export.
  return { ...module, default: module, recorded };
}

/**
 * safeStorage as the OS would do it: real AES-GCM under a key that stays in
 * memory (the OS keychain's part), so stored ciphertext is never the secret.
 * `backend` and `available` let a test play Linux without a keychain.
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
