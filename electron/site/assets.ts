// Files a post links to (images, PDFs, audio) that the site must carry.
//
// A relative URL is read from the post's folder ("a.assets/chart.png"), a
// root-relative one from the workspace root ("/images/x.png", as Jekyll sites
// write them). The file is published at the same path in the site, so shared
// images are copied once. Only real files inside the workspace qualify: never
// through a symlink that leads out, never from dot-folders, node_modules or
// the output folder, whether by its name or by where a link really leads, and only types a browser shows inertly (no HTML, no SVG, which can
// carry script).
import fs from 'node:fs';
import path, { posix } from 'node:path';
import { isRelativeUrl } from '../../common/markdown/urls';
import { isSkippedTarget } from '../workspace/linkTargets';
import { isInSkippedFolder } from '../workspace/names';
import { isWithin } from '../workspace/paths';

/** Extension → MIME type of the files a post may publish. */
export const ASSET_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif', ico: 'image/x-icon', bmp: 'image/bmp',
  mp4: 'video/mp4', webm: 'video/webm', mp3: 'audio/mpeg', m4a: 'audio/mp4', ogg: 'audio/ogg', wav: 'audio/wav',
  pdf: 'application/pdf', txt: 'text/plain', csv: 'text/csv', zip: 'application/zip',
};

export interface AssetLink {
  /** Workspace-relative path of the file, forward slashes; also its path in the site. */
  relative: string;
  /** The real path to copy from. */
  source: string;
  /** "?query" or "#hash" the URL carried, kept on the rewritten link. */
  suffix: string;
}

export const mimeOf = (relative: string): string | undefined => ASSET_TYPES[posix.extname(relative).slice(1).toLowerCase()];

/**
 * The workspace file a post's URL points at, or null when it is not a publishable asset. A site path
 * (`/blog/x.png`) is looked up from the workspace root, then from `contentRoot`: the folder the generator
 * publishes at the site's root (Eleventy's input folder, Hugo's content/), where such a file sits.
 */
export function findAsset(root: string, outputDir: string, post: string, url: string, contentRoot = ''): AssetLink | null {
  const found = assetAt(root, outputDir, post, url);
  if (found || contentRoot === '' || !url.startsWith('/') || url.startsWith('//')) return found;
  return assetAt(root, outputDir, post, `/${contentRoot}${url}`);
}

function assetAt(root: string, outputDir: string, post: string, url: string): AssetLink | null {
  if (!isRelativeUrl(url) || url === '') return null;
  const cut = url.search(/[?#]/);
  const pathPart = cut < 0 ? url : url.slice(0, cut);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded.startsWith('/') ? posix.normalize(decoded.slice(1)) : posix.join(posix.dirname(post), decoded);
  if (relative === '.' || relative === '' || relative.startsWith('../') || relative === '..' || posix.isAbsolute(relative)) return null;
  if (!mimeOf(relative) || isInSkippedFolder(relative, outputDir)) return null;
  let real: string;
  try {
    real = fs.realpathSync(path.join(root, ...relative.split('/')));
    if (!isWithin(root, real) || isSkippedTarget(root, real, outputDir) || !fs.statSync(real).isFile()) return null;
  } catch {
    return null; // missing: `postwright check` reports it; the link stays as written
  }
  return { relative, source: real, suffix: cut < 0 ? '' : url.slice(cut) };
}
