// A site still pointing at the sample's placeholder address: feeds, the
// sitemap and share links would all name example.com. A warning in
// postwright.json, where the author fixes it (example.com, .org and .net are
// reserved for documentation by RFC 2606, so no real blog lives there).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CheckProblem } from '../../../common/check';
import { readSiteSettings, SETTINGS_FILE } from '../../workspace/settings';

const reserved = ['example.com', 'example.org', 'example.net'];

export async function checkPlaceholderBaseUrl(root: string): Promise<CheckProblem[]> {
  const { baseUrl } = await readSiteSettings(root).catch(() => ({ baseUrl: null }));
  if (!baseUrl) return [];
  const host = new URL(baseUrl).hostname;
  if (!reserved.some((name) => host === name || host.endsWith(`.${name}`))) return [];
  // Only a placeholder written in the file: without one, the build has no address to use at all.
  const text = await readFile(path.join(root, SETTINGS_FILE), 'utf8').catch(() => '');
  const index = text.split('\n').findIndex((line) => line.includes('"baseUrl"'));
  if (index < 0) return [];
  return [
    {
      file: SETTINGS_FILE,
      postId: '',
      line: index + 1,
      severity: 'warning',
      kind: 'site-settings',
      message: `"baseUrl" is ${baseUrl}, a placeholder: feeds, the sitemap and shared links would point there. Set "baseUrl" to your site's address before publishing.`,
    },
  ];
}
