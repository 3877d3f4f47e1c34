// The site's own address (postwright.json's `baseUrl`) and whether it is a
// placeholder. Feeds, the sitemap, canonical and share links are absolute, so a
// site published under a placeholder points its readers there. example.com,
// .org and .net are reserved for documentation (RFC 2606): no blog lives there.

export interface SiteAddress {
  /** The address the build uses: the file's `baseUrl`, or the default when it has none. */
  baseUrl: string;
  /** Whether postwright.json sets `baseUrl` (false: the build falls back to the default). */
  written: boolean;
  /** Whether `baseUrl` is on a reserved documentation domain, so cannot be the site's real address. */
  placeholder: boolean;
}

const reserved = ['example.com', 'example.org', 'example.net'];

/** True for an http(s) URL on example.com, .org, .net or one of their subdomains. */
export function isPlaceholderAddress(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const host = new URL(url).hostname;
  return reserved.some((name) => host === name || host.endsWith(`.${name}`));
}

/** Why publishing now would send readers to the wrong place, in one sentence; null when the address is real. */
export function placeholderReason({ baseUrl, written, placeholder }: SiteAddress): string | null {
  if (!placeholder) return null;
  const where = 'feeds, the sitemap and links shared from the site would point there instead of at your site';
  return written
    ? `The site's address (“baseUrl” in postwright.json) is still the placeholder ${baseUrl}: ${where}.`
    : `postwright.json sets no site address (“baseUrl”), so the build uses the placeholder ${baseUrl}: ${where}.`;
}
