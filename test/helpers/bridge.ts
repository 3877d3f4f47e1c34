// Starts a real backend and browser bridge on a temp copy of a workspace.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledSampleBlog, rendererDir } from '../../electron/appPaths';
import { createBackend, type Backend } from '../../electron/backend';
import { nodePlatform } from '../../electron/platform';
import { startBridge, type Bridge } from '../../electron/server';

export interface RunningBridge {
  root: string;
  backend: Backend;
  bridge: Bridge;
  /** The bridge's own origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  stop(): Promise<void>;
}

/** Copies `source` (default: the sample blog) to a temp folder and serves it. */
export async function startTestBridge(source = bundledSampleBlog): Promise<RunningBridge> {
  const root = await mkdtemp(join(tmpdir(), 'postwright-bridge-'));
  await cp(source, root, { recursive: true });
  const trashDir = await mkdtemp(join(tmpdir(), 'postwright-trash-'));
  const platform = { ...nodePlatform(), trash: async (path: string) => cp(path, join(trashDir, path.replaceAll('/', '_')), { recursive: true }).then(() => rm(path, { recursive: true })) };
  const backend = await createBackend({ root, platform });
  const bridge = await startBridge({ backend, staticDir: rendererDir });
  return {
    root: backend.workspace.root,
    backend,
    bridge,
    origin: `http://127.0.0.1:${bridge.port}`,
    async stop() {
      await bridge.close();
      await backend.close();
      await rm(root, { recursive: true, force: true });
      await rm(trashDir, { recursive: true, force: true });
    },
  };
}
