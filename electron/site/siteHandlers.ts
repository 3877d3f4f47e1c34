// The contract's `site.*` methods for one workspace: builds run one at a time,
// and their progress reaches the UI as throttled `site.progress` events.
import type { EventName, EventPayload, Handlers } from '../../common/api';
import type { Workspace } from '../workspace/workspace';
import { setSiteAddress, siteAddress } from './siteAddress';

// The renderer (marked, highlight.js, React) loads on the first export, not with the app.
const building = () => import('./build');
const standalone = () => import('./standalone');
const checking = () => import('./check/check');

/** At most this many progress events a second reach the UI. */
const PROGRESS_INTERVAL_MS = 100;

export function siteHandlers(
  workspace: Workspace,
  cacheDir: string | undefined,
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void,
): Handlers['site'] {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    build: ({ drafts, future }) => {
      const run = async () => {
        const { buildSite } = await building();
        let last = 0;
        return buildSite({
          root: workspace.root,
          cacheDir,
          drafts,
          future,
          onProgress: (progress) => {
            const now = performance.now();
            if (now - last < PROGRESS_INTERVAL_MS && progress.done < progress.total) return;
            last = now;
            emit('site.progress', progress);
          },
        });
      };
      const result = queue.then(run, run);
      // The caller gets this build's error from `result`; the queue only waits for it to settle.
      queue = result.catch(() => {});
      return result;
    },
    exportPost: async (id) => {
      const [{ post, text }, { renderStandalone }] = await Promise.all([workspace.read(id), standalone()]);
      return renderStandalone(workspace.root, post.path, Buffer.from(text, 'utf8'), () => workspace.list());
    },
    check: async () => (await checking()).checkWorkspace(workspace, { cacheDir }),
    address: () => siteAddress(workspace.root),
    setAddress: (url) => setSiteAddress(workspace.root, url),
  };
}
