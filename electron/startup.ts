// Which workspace the app starts on. Startup always ends with a window: the
// blog of a file the OS named, else the last folder that opened, else the
// sample blog (copied to Documents, or to the app's data folder where Documents
// can't be written), else the welcome screen, which says why and offers Open Folder….
import { ApiError } from '../common/errors';
import type { Backend } from './backend';
import { ensureSampleBlog } from './sampleBlog';

export type Startup = { backend: Backend } | { welcome: string };

export interface StartupOptions {
  /** The workspace of a post file the OS named at launch. */
  launchRoot: string | null;
  /** The folders opened before, most recent first. */
  recent: readonly string[];
  /** The sample blog shipped with the app (never written to). */
  sampleSource: string;
  /** Where the sample blog is copied, in order of preference. */
  sampleTargets: readonly string[];
  open(root: string): Promise<Backend>;
}

export async function startWorkspace({ launchRoot, recent, sampleSource, sampleTargets, open }: StartupOptions): Promise<Startup> {
  const candidates: { what: string; root: () => Promise<string> }[] = [];
  for (const folder of [launchRoot, recent[0]]) if (folder) candidates.push({ what: folder, root: async () => folder });
  for (const target of sampleTargets) candidates.push({ what: `The sample blog in ${target}`, root: () => ensureSampleBlog(sampleSource, target) });

  const failures: string[] = [];
  for (const { what, root } of candidates) {
    try {
      return { backend: await open(await root()) };
    } catch (error) {
      failures.push(`${what}: ${ApiError.from(error).message}`);
    }
  }
  return { welcome: failures.join('\n') };
}
