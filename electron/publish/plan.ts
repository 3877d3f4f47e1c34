// From the build and the host's state to an ordered plan. The order keeps the
// live site whole while it changes: assets first (pages that link to them come
// later), then pages, then the index, feeds and sitemap that link to those
// pages; deletions come last, once nothing links to what goes.
import type { Manifest, ManifestEntry, PublishPlan, RemoteState } from './types';

/** Files that other pages or readers' feed apps find first: uploaded last. */
const ENTRY_POINTS = /^(?:index\.html|page\/.*|feed\.xml|atom\.xml|feed\.json|rss\.xml|sitemap\.xml|robots\.txt|404\.html)$/;

/** 0 for assets, 1 for pages, 2 for the index, feeds and sitemap. */
export function uploadRank(path: string): number {
  if (ENTRY_POINTS.test(path)) return 2;
  return /\.html?$/.test(path) ? 1 : 0;
}

export function planFrom(local: Manifest, remote: RemoteState): PublishPlan {
  const uploads: ManifestEntry[] = [];
  for (const entry of local.values()) {
    const there = remote.get(entry.path);
    if (!there || there.size !== entry.size || there.sha256 !== entry.sha256) uploads.push(entry);
  }
  uploads.sort((a, b) => uploadRank(a.path) - uploadRank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const deletes = [...remote.keys()].filter((path) => !local.has(path)).sort();
  return {
    uploads,
    deletes,
    remoteCount: remote.size,
    uploadBytes: uploads.reduce((sum, entry) => sum + entry.size, 0),
  };
}
