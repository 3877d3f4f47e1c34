// The backend behind the contract: one workspace, the platform services, and
// the event fan-out. Transports (IPC, the HTTP bridge) wrap this and nothing else.
import { join } from 'node:path';
import type { EventName, EventPayload, Handlers, Unsubscribe } from '../common/api';
import { ApiError } from '../common/errors';
import { assertExternalUrl, type Platform } from './platform';
import { publishHandlers } from './publish/publishHandlers';
import { recoveryHandlers } from './recovery/recoveryHandlers';
import { PreviewImages } from './site/previewImages';
import { siteHandlers } from './site/siteHandlers';
import type { AssetFile } from './workspace/assets';
import { addVideo } from './video/addVideo';
import { Workspace } from './workspace/workspace';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Backend {
  readonly handlers: Handlers;
  readonly workspace: Workspace;
  /** The preview's asset route: an image in the workspace, or with `width` the export's resized file of it (see previewImages.ts). */
  asset(relative: string, width: number | null): Promise<AssetFile>;
  subscribe(listener: EventListener): Unsubscribe;
  close(): Promise<void>;
}

export interface BackendOptions {
  root: string;
  platform: Platform;
  /** Watch the folder for outside edits (on in the app and the bridge; off in one-shot CLI commands). */
  watch?: boolean;
  /** The app's cache folder (see Workspace). */
  cacheDir?: string;
  /** The app's data folder, outside the workspace: the crash-recovery journal and the version history live there. */
  dataDir?: string;
}

export async function createBackend({ root, platform, watch = true, cacheDir, dataDir }: BackendOptions): Promise<Backend> {
  const historyDir = dataDir === undefined ? undefined : join(dataDir, 'history');
  const workspace = await Workspace.open(root, { trash: platform.trash, cacheDir, historyDir });
  // The export's image cache, shared with the preview; without a cache folder the preview shows originals only.
  const images = cacheDir === undefined ? null : new PreviewImages(workspace, join(cacheDir, 'images'));
  const listeners = new Set<EventListener>();
  const stopWatching = watch
    ? await workspace.watch((change) => {
        for (const listener of listeners) listener('posts.changed', change);
      })
    : async () => {};

  const handlers: Handlers = {
    workspace: {
      info: async () => ({ ...workspace.info(), templates: await workspace.templateValues() }),
    },
    posts: {
      list: () => workspace.list(),
      read: (id) => workspace.read(id),
      create: ({ title, kind }) => workspace.create(title, kind),
      save: (id, text, baseVersion) => workspace.save(id, text, baseVersion),
      saveCopy: (id, text) => workspace.saveCopy(id, text),
      rename: (id, slug) => workspace.rename(id, slug),
      delete: (id) => workspace.delete(id),
      restore: (token) => workspace.restoreDeleted(token),
      search: (query) => workspace.search(query),
    },
    history: {
      list: (id) => workspace.history(id),
      read: (id, versionId) => workspace.historyVersion(id, versionId),
    },
    site: siteHandlers(workspace, cacheDir, (event, payload) => {
      for (const listener of listeners) listener(event, payload);
    }),
    publish: publishHandlers(workspace, cacheDir, dataDir, platform.secrets, (event, payload) => {
      for (const listener of listeners) listener(event, payload);
    }),
    assets: {
      add: (id, fileName, data, options) => workspace.addAsset(id, fileName, Buffer.from(data, 'base64'), options),
      sizes: async (paths) => images?.sizes(paths) ?? paths.map(() => null),
      addVideo: (id, address) => addVideo(workspace, id, address),
    },
    recovery: recoveryHandlers(workspace, dataDir),
    app: {
      openExternal: async (url) => {
        assertExternalUrl(url);
        await platform.openExternal(url);
      },
      copyHtml: async (html, text) => {
        if (!platform.window) throw new ApiError('unsupported', 'Only the desktop app copies through the OS clipboard; a browser tab uses its own.');
        await platform.window.copyHtml(html, text);
      },
      // Outside the desktop app there is no main process to tell: a browser tab asks with its own unload dialog.
      unsavedChanged: async (unsaved) => platform.window?.unsavedChanged(unsaved),
      saveFinished: async (saved) => platform.window?.saveFinished(saved),
      systemLocale: async () => platform.window?.systemLocale() ?? null,
      setFullScreen: async (on) => {
        if (!platform.window) throw new ApiError('unsupported', 'Only the desktop app sets its window full screen; a browser tab uses its own Fullscreen API.');
        platform.window.setFullScreen(on);
      },
    },
  };

  return {
    handlers,
    workspace,
    asset: (relative, width) => (images ? images.file(relative, width) : width === null ? workspace.asset(relative) : Promise.reject(new ApiError('not-found', 'The preview has no resized images without a cache folder.'))),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await stopWatching();
      await workspace.close();
    },
  };
}
