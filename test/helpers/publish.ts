// A copy of the sample blog with publish targets configured, and a publish
// call with the settings every test shares (secrets only from what it passes).
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundledSampleBlog } from '../../electron/appPaths';
import { envSecrets } from '../../electron/publish/secrets/envSecrets';
import { publishSite, testTarget, type PublishOptions, type TestTargetOptions } from '../../electron/publish/publish';
import { expect } from 'vitest';
import { tempDir } from './tmp';

/** What `postwright publish` prints on stderr for the sample blog, whose baseUrl is the placeholder https://example.com/. */
export const SAMPLE_ADDRESS_WARNING =
  'postwright publish: warning: The site\'s address (“baseUrl” in postwright.json) is still the placeholder https://example.com/: feeds, the sitemap and links shared from the site would point there instead of at your site. Set "baseUrl" in postwright.json to the site\'s real address.\n';

/** What a publish of the sample blog printed on stderr after the address warning, which must come first. */
export function afterAddressWarning(stderr: string): string {
  expect(stderr.slice(0, SAMPLE_ADDRESS_WARNING.length)).toBe(SAMPLE_ADDRESS_WARNING);
  return stderr.slice(SAMPLE_ADDRESS_WARNING.length);
}

export async function publishingWorkspace(targets: Record<string, unknown>) {
  const root = await tempDir('postwright-publish-');
  await cp(bundledSampleBlog, root, { recursive: true });
  const settingsFile = path.join(root, 'postwright.json');
  const settings = JSON.parse(await readFile(settingsFile, 'utf8')) as Record<string, unknown>;
  await writeFile(settingsFile, JSON.stringify({ ...settings, publish: { targets } }, null, 2));
  const cacheDir = await tempDir('postwright-cache-');
  const endpointsFile = path.join(cacheDir, 'trusted-endpoints.json');
  const shared = {
    root,
    cacheDir,
    secrets: envSecrets({}),
    hostKeys: { knownHosts: [], trustedHostsFile: path.join(cacheDir, 'known_hosts') },
    // As with --trust-endpoint: these tests are about the hosts. The endpoint gate's own tests pass trustNew: false.
    endpoints: { file: endpointsFile, trustNew: true },
  };
  return {
    root,
    cacheDir,
    /** Where this workspace's tests keep confirmed addresses (the app's data folder in real use). */
    endpointsFile,
    /** The built site's folder. */
    site: path.join(root, '_site'),
    publish: (options: Partial<PublishOptions> = {}) => publishSite({ ...shared, ...options }),
    test: (target: string, config?: unknown, options: Partial<TestTargetOptions> = {}) => testTarget({ ...shared, target, config, ...options }),
    write: (relative: string, text: string) => writeFile(path.join(root, relative), text),
  };
}

/**
 * What publishing uploads after a line is added to the body of
 * posts/why-i-bill-by-the-week.md: its page, then the three feeds, which carry
 * whole posts (pages go before feeds, so a reader never follows a feed to a page
 * that isn't there yet).
 */
export const BODY_EDIT_UPLOADS = ['posts/why-i-bill-by-the-week/index.html', 'atom.xml', 'feed.json', 'feed.xml'];
