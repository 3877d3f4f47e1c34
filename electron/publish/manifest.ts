// The built site as path → sha256 and size: what every target compares with
// its host. Symbolic links are never followed (the output gate never writes
// them, so one here was planted and must not publish a file from elsewhere).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest, ManifestEntry } from './types';

export async function buildManifest(siteDir: string): Promise<Manifest> {
  const entries: ManifestEntry[] = [];
  const walk = async (relative: string): Promise<void> => {
    for (const dirent of await readdir(path.join(siteDir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${dirent.name}` : dirent.name;
      if (dirent.isDirectory()) await walk(child);
      else if (dirent.isFile()) entries.push(await describe(siteDir, child));
    }
  };
  await walk('');
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return new Map(entries.map((entry) => [entry.path, entry]));
}

async function describe(siteDir: string, relative: string): Promise<ManifestEntry> {
  const absolute = path.join(siteDir, relative);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(absolute)) hash.update(chunk as Buffer);
  return { path: relative, sha256: hash.digest('hex'), size: (await lstat(absolute)).size };
}
