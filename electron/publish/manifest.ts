// The built site as path → sha256 and size: what every target compares with
// its host. Symbolic links are never followed (the output gate never writes
// them, so one here was planted and must not publish a file from elsewhere).
import { createHash } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HashCache } from './hashCache';
import type { Manifest, ManifestEntry } from './types';

/** Files up to this size are read whole to hash them; larger ones (a video in a static folder) are streamed. */
const READ_WHOLE = 1024 * 1024;

/** `hashes`, when given, supplies the hashes of files untouched since the last publish and records the rest. */
export async function buildManifest(siteDir: string, hashes?: HashCache): Promise<Manifest> {
  const entries: ManifestEntry[] = [];
  const walk = async (relative: string): Promise<void> => {
    for (const dirent of await readdir(path.join(siteDir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${dirent.name}` : dirent.name;
      if (dirent.isDirectory()) await walk(child);
      else if (dirent.isFile()) entries.push(await describe(siteDir, child, hashes));
    }
  };
  await walk('');
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return new Map(entries.map((entry) => [entry.path, entry]));
}

async function describe(siteDir: string, relative: string, hashes?: HashCache): Promise<ManifestEntry> {
  const absolute = path.join(siteDir, relative);
  // Stated before reading: a file rewritten meanwhile gets new stats, so its old hash is never reused.
  const stats = await lstat(absolute);
  const known = hashes?.get(relative, stats);
  if (known) return { path: relative, sha256: known, size: stats.size };
  const sha256 = await hashFile(absolute, stats);
  hashes?.set(relative, stats, sha256);
  return { path: relative, sha256, size: stats.size };
}

async function hashFile(absolute: string, stats: Stats): Promise<string> {
  const hash = createHash('sha256');
  if (stats.size <= READ_WHOLE) hash.update(await readFile(absolute));
  else for await (const chunk of createReadStream(absolute)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
