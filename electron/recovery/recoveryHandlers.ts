// The contract's `recovery` methods over one workspace's journal.
import type { Handlers, RecoveredText } from '../../common/api';
import { ApiError } from '../../common/errors';
import type { Workspace } from '../workspace/workspace';
import { summarize } from '../workspace/summary';
import { RecoveryJournal, type JournalEntry } from './journal';

/** `dataDir` is the app's data folder; without one (one-shot tools) there is no journal to keep. */
export function recoveryHandlers(workspace: Workspace, dataDir: string | undefined): Handlers['recovery'] {
  const journal = dataDir ? RecoveryJournal.for(dataDir, workspace.root) : null;
  const need = (): RecoveryJournal => {
    if (journal) return journal;
    throw new ApiError('unsupported', 'Crash recovery needs the app data folder, and this backend was started without one.');
  };
  return {
    write: async (postId, text, baseVersion) => need().write({ postId, path: await workspace.pathOf(postId), text, baseVersion }),
    discard: (postId) => need().discard(postId),
    clear: () => need().clear(),
    list: async () => {
      const recovered: RecoveredText[] = [];
      for (const entry of await need().entries()) {
        const found = await onDisk(workspace, entry);
        // The text reached the disk after all (saved, but the discard was lost in the crash).
        if (found?.text === entry.text) await need().discard(entry.postId);
        else recovered.push({ ...entry, title: summarize(entry.postId, entry.path, entry.text, 0).title, disk: found });
      }
      return recovered;
    },
  };
}

/** The post as it is on disk now, or null when it is gone. */
async function onDisk(workspace: Workspace, entry: JournalEntry): Promise<RecoveredText['disk']> {
  try {
    const { text, version } = await workspace.read(entry.postId);
    return { text, version };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not-found') return null;
    throw error;
  }
}
