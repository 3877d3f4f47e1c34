// When each target last published, kept in the app's cache folder (never in the
// workspace, which may be shared through git): one small JSON file per
// workspace, beside that workspace's publish state (git's clone and the like).
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, realpath, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LastPublished } from '../../common/publishResult';


/** This workspace's publish folder in the cache: `<cacheDir>/publish/<hash of its real path>/`. */
export async function publishStateDir(cacheDir: string, root: string): Promise<string> {
  const real = await realpath(root).catch(() => path.resolve(root));
  return path.join(cacheDir, 'publish', createHash('sha256').update(real).digest('base64url').slice(0, 22));
}

const recordFile = async (cacheDir: string, root: string) => path.join(await publishStateDir(cacheDir, root), 'last-published.json');

/** Target name → its last publish; empty when none is recorded (or the record is unreadable: it is only a convenience). */
export async function lastPublished(root: string, cacheDir: string): Promise<Record<string, LastPublished>> {
  try {
    const data = JSON.parse(await readFile(await recordFile(cacheDir, root), 'utf8')) as unknown;
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, LastPublished>) : {};
  } catch {
    return {};
  }
}

export async function recordPublished(root: string, cacheDir: string, target: string, record: LastPublished): Promise<void> {
  const file = await recordFile(cacheDir, root);
  const all = { ...(await lastPublished(root, cacheDir)), [target]: record };
  await mkdir(path.dirname(file), { recursive: true });
  // Written aside and renamed, so a crash never leaves half a file.
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, `${JSON.stringify(all, null, 2)}\n`);
  await rename(temp, file);
}
