// Where the preview loads a post's local images from: the workspace asset
// route (a bridge path in the browser, a custom protocol in Electron), never a
// file:// URL. Paths are workspace-relative; the backend checks them again.

/** A resolver from a URL as written in the post to its workspace-relative path, or null when it leaves the workspace. */
export function assetPathResolver(postPath: string): (url: string) => string | null {
  const folder = postPath.includes('/') ? postPath.slice(0, postPath.lastIndexOf('/')) : '';
  return (url) => {
    let path: string;
    try {
      path = decodeURI(url.replace(/[?#].*$/, ''));
    } catch {
      return null;
    }
    const parts: string[] = path.startsWith('/') ? [] : folder.split('/').filter(Boolean);
    for (const part of path.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') {
        if (!parts.length) return null;
        parts.pop();
      } else parts.push(part);
    }
    return parts.length ? parts.join('/') : null;
  };
}

/** The asset route's URL of a workspace path; with `width`, of the export's resized file of that width. */
export const assetRouteUrl = (base: string, relative: string, width?: number): string =>
  base + relative.split('/').map(encodeURIComponent).join('/') + (width === undefined ? '' : `?w=${width}`);

/** A resolver from a URL as written in the post to the asset route, or null when it leaves the workspace. */
export function assetResolver(base: string, postPath: string): (url: string) => string | null {
  const pathOf = assetPathResolver(postPath);
  return (url) => {
    const relative = pathOf(url);
    return relative === null ? null : assetRouteUrl(base, relative);
  };
}
