// Starts a real backend and browser bridge on a temp copy of a workspace.
import { cp, mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { bundledSampleBlog, rendererDir } from '../../electron/appPaths';
import { createBackend, type Backend } from '../../electron/backend';
import { assertExternalUrl, nodePlatform, type Platform } from '../../electron/platform';
import { startBridge, type Bridge } from '../../electron/server';

export interface TestBridgeOptions {
  /** Serve this folder as it is, e.g. again after a crash, instead of a fresh copy of `source`; it is kept on stop. */
  root?: string;
  /** The app data folder (the recovery journal lives there); default a fresh temp folder, removed on stop. */
  dataDir?: string;
  /** Replaces backend services, such as a keychain for secrets. */
  platform?: Partial<Platform>;
}

export interface RunningBridge {
  root: string;
  dataDir: string;
  /** Where trashed posts go (by path with '/' replaced by '_'), so tests can check nothing was lost. */
  trashDir: string;
  /** The app's version-history folder, outside the workspace as in the app. */
  historyDir: string;
  /** URLs the app asked the OS to open (recorded instead of launching a browser). */
  opened: string[];
  backend: Backend;
  bridge: Bridge;
  /** The bridge's own origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  stop(): Promise<void>;
  /** Ends abruptly, as a killed app would: nothing is cleaned up or cleared. */
  crash(): Promise<void>;
}

/** Copies `source` (default: the sample blog) to a temp folder and serves it. */
export async function startTestBridge(source = bundledSampleBlog, options: TestBridgeOptions = {}): Promise<RunningBridge> {
  const root = options.root ?? (await realpath(await mkdtemp(join(tmpdir(), 'postwright-bridge-'))));
  if (!options.root) await cp(source, root, { recursive: true });
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'postwright-data-')));
  const trashDir = await mkdtemp(join(tmpdir(), 'postwright-trash-'));
  // A trash that keeps what it is given, so tests can check that nothing was lost.
  const trash = async (path: string) => {
    await cp(path, join(trashDir, relative(root, path).replaceAll('/', '_')), { recursive: true });
    await rm(path, { recursive: true });
  };
  const opened: string[] = [];
  const platform = nodePlatform();
  const openExternal = async (url: string) => {
    assertExternalUrl(url);
    opened.push(url);
  };
  // The app's cache (build cache, publish state and records), outside the workspace as in the app.
  const cacheDir = await mkdtemp(join(tmpdir(), 'postwright-cache-'));
  const backend = await createBackend({ root, platform: { ...platform, trash, openExternal, ...options.platform }, dataDir, cacheDir });
  const bridge = await startBridge({ backend, staticDir: rendererDir });
  return {
    root: backend.workspace.root,
    dataDir,
    trashDir,
    historyDir: join(dataDir, 'history'),
    opened,
    backend,
    bridge,
    origin: `http://127.0.0.1:${bridge.port}`,
    async stop() {
      await bridge.close();
      await backend.close();
      if (!options.root) await rm(root, { recursive: true, force: true });
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
      await rm(trashDir, { recursive: true, force: true });
      await rm(cacheDir, { recursive: true, force: true });
    },
    async crash() {
      await bridge.close();
      await backend.close();
      await rm(trashDir, { recursive: true, force: true });
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
}
