// A site still pointing at the sample's placeholder address: feeds, the
// sitemap and share links would all name example.com. A warning in
// postwright.json, where the author fixes it (see common/siteAddress.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CheckProblem } from '../../../common/check';
import { isPlaceholderAddress } from '../../../common/siteAddress';
import { readSiteSettings, SETTINGS_FILE } from '../../workspace/settings';

export async function checkPlaceholderBaseUrl(root: string): Promise<CheckProblem[]> {
  const { baseUrl } = await readSiteSettings(root).catch(() => ({ baseUrl: null }));
  if (!baseUrl) return [];
  if (!isPlaceholderAddress(baseUrl)) return [];
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
