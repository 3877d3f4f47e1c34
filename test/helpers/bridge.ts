// Starts a real backend and browser bridge on a temp copy of a workspace.
import { cp, mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { bundledSampleBlog, rendererDir } from '../../electron/appPaths';
import { createBackend, type Backend } from '../../electron/backend';
import { assertExternalUrl, nodePlatform } from '../../electron/platform';
import { startBridge, type Bridge } from '../../electron/server';

export interface RunningBridge {
  root: string;
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
}

/** Copies `source` (default: the sample blog) to a temp folder and serves it. */
export async function startTestBridge(source = bundledSampleBlog): Promise<RunningBridge> {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'postwright-bridge-')));
  await cp(source, root, { recursive: true });
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
  const historyDir = await mkdtemp(join(tmpdir(), 'postwright-history-'));
  const backend = await createBackend({ root, platform: { ...platform, trash, openExternal }, historyDir });
  const bridge = await startBridge({ backend, staticDir: rendererDir });
  return {
    root: backend.workspace.root,
    trashDir,
    historyDir,
    opened,
    backend,
    bridge,
    origin: `http://127.0.0.1:${bridge.port}`,
    async stop() {
      await bridge.close();
      await backend.close();
      await rm(root, { recursive: true, force: true });
      await rm(trashDir, { recursive: true, force: true });
      await rm(historyDir, { recursive: true, force: true });
    },
  };
}
