// Reads and sets the site's address, `baseUrl` in postwright.json: what the
// publish confirmation and the Publish settings dialog show and change.
import { ApiError } from '../../common/errors';
import { isPlaceholderAddress, type SiteAddress } from '../../common/siteAddress';
import { SiteSettings } from '../../common/siteSettings';
import { readSettingsFile, readSiteSettings, SETTINGS_FILE } from '../workspace/settings';
import { editSettingsFile, isJsonObject } from '../workspace/settingsFile';

export async function siteAddress(root: string): Promise<SiteAddress> {
  const [{ baseUrl }, raw] = await Promise.all([readSiteSettings(root), readSettingsFile(root)]);
  const written = isJsonObject(raw) && raw.baseUrl !== undefined;
  return { baseUrl, written, placeholder: isPlaceholderAddress(baseUrl) };
}

/** Writes `baseUrl`, checked as the build checks it (http or https, normalised to end in "/"); every other key stays. */
export async function setSiteAddress(root: string, url: string): Promise<SiteAddress> {
  const parsed = SiteSettings.shape.baseUrl.safeParse(url.trim());
  if (!parsed.success) {
    throw new ApiError('invalid-arguments', `The site address ${parsed.error.issues[0]?.message ?? 'is not valid'}; ${SETTINGS_FILE} was not changed.`);
  }
  await editSettingsFile(root, `the site address was not changed`, (settings) => {
    settings.baseUrl = parsed.data;
  });
  return siteAddress(root);
}
