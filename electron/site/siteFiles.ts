// Files the site publishes that no post links to: the default link-preview
// image named in postwright.json and the workspace's favicon. Both are read
// through the same guard as every workspace path, and only as image types a
// browser shows inertly (never SVG from a workspace, which can carry script).
import fs from 'node:fs';
import { ApiError } from '../../common/errors';
import type { SiteSettings } from '../../common/siteSettings';
import { resolveInside } from '../workspace/paths';
import { mimeOf } from './assets';
import { webUrl } from './postRenderer';

/** A workspace file published at the same path in the site. */
export interface SiteFile {
  relative: string;
  /** Its real path. */
  source: string;
}

/** The workspace's favicon, in the order browsers prefer them. */
const FAVICONS = ['theme/favicon.png', 'theme/favicon.ico'];

/** `image` from postwright.json: a web address as it is, or a workspace image to publish. Null when unset. */
export async function siteImage(root: string, settings: SiteSettings): Promise<{ url: string } | { file: SiteFile } | null> {
  const { image } = settings;
  if (!image) return null;
  const url = webUrl(image);
  if (url) return { url };
  const relative = image.replace(/^\/+/, '');
  const problem = `"image" in postwright.json is ${JSON.stringify(image)}: it must be an http(s) URL or a PNG, JPEG, GIF, WebP or AVIF file in the workspace.`;
  if (!mimeOf(relative)?.startsWith('image/')) throw new ApiError('invalid-arguments', problem);
  const inside = await resolveInside(root, relative).catch(() => null);
  if (!inside || !fs.statSync(inside.real, { throwIfNoEntry: false })?.isFile()) throw new ApiError('not-found', problem);
  return { file: { relative, source: inside.real } };
}

/** The workspace's own favicon, or null for Postwright's. */
export async function workspaceFavicon(root: string): Promise<SiteFile | null> {
  for (const relative of FAVICONS) {
    const inside = await resolveInside(root, relative).catch(() => null);
    if (inside && fs.statSync(inside.real, { throwIfNoEntry: false })?.isFile()) return { relative, source: inside.real };
  }
  return null;
}
