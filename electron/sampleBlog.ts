// First run: the bundled sample blog is copied to a folder the author owns.
// The app bundle itself is never written to.
import { cp, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the CLI keeps its own copy, following the XDG base-directory convention. */
export function defaultUserDataDir(): string {
  return join(process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'postwright');
}

/** Where the CLI keeps disposable data, such as the post-list cache. */
export function defaultCacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'postwright');
}

/** Copies the sample blog to `target` unless something is already there; returns `target`. */
export async function ensureSampleBlog(source: string, target: string): Promise<string> {
  const exists = await stat(target).then(
    () => true,
    () => false,
  );
  if (!exists) await cp(source, target, { recursive: true, errorOnExist: true, force: false });
  return target;
}
