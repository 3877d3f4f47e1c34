// Opens a link from the preview or a publish result where the author is: the
// OS browser from the desktop app (through the backend's allowlist), or a new
// tab of this browser on the bridge. The bridge's backend may run on another
// machine's session (a server), where launching xdg-open would open nothing
// the author sees.
import type { BlogApi } from '../common/api';
import { inDesktopApp } from './desktopApp';

const webSchemes = new Set(['http:', 'https:', 'mailto:']);

export async function openLink(api: Pick<BlogApi, 'app'>, url: string): Promise<void> {
  if (inDesktopApp) return api.app.openExternal(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('it is not a complete address.');
  }
  if (!webSchemes.has(parsed.protocol)) throw new Error(`${parsed.protocol} links are not opened; only http, https and mailto.`);
  // noopener: the new tab gets no handle on this page (and its token).
  window.open(parsed.href, '_blank', 'noopener,noreferrer');
}
