// Uploads a plan's files a few at a time without giving up its order: each
// rank (assets, pages, then index/feeds/sitemap, see plan.ts) finishes before
// the next starts, so a page never goes live before the assets it links to.
import { ApiError } from '../../../common/errors';
import { uploadRank } from '../plan';
import type { ManifestEntry } from '../types';

/** Enough to hide a round trip's latency; few enough not to trip a host's rate limits. */
export const UPLOAD_CONCURRENCY = 4;

export async function inRankOrder(
  uploads: readonly ManifestEntry[],
  signal: AbortSignal,
  cancelled: () => ApiError,
  upload: (entry: ManifestEntry) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < uploads.length; ) {
    const rank = uploadRank(uploads[start]!.path);
    let end = start;
    while (end < uploads.length && uploadRank(uploads[end]!.path) === rank) end++;
    const batch = uploads.slice(start, end);
    let next = 0;
    let failing = false;
    const worker = async (): Promise<void> => {
      while (next < batch.length && !failing) {
        if (signal.aborted) throw cancelled();
        try {
          await upload(batch[next++]!);
        } catch (error) {
          failing = true; // the other workers take no new file
          throw error;
        }
      }
    };
    // allSettled, so no upload is still running (and reporting) after the first failure is thrown.
    const results = await Promise.allSettled(Array.from({ length: Math.min(UPLOAD_CONCURRENCY, batch.length) }, worker));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    start = end;
  }
}
