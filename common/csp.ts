// The app page's Content-Security-Policy, for the Electron window (appCsp)
// and the browser bridge (bridgeCsp), each sent as a response header.
//
// CodeMirror injects its styles at run time, hence 'unsafe-inline' for styles.
// Images may come from the workspace asset route: Electron's protocol, or the
// bridge's own origin, named exactly (not 'self': that does not match from the
// preview's opaque-origin frames, which inherit this policy and so must be
// allowed at least what they show). https: images are allowed by the header
// only as an upper bound: the page adds imagePolicy() as its first act, which
// drops them unless the author allowed remote images (the header is sent
// before the page can know that setting; a second policy can only narrow).
const policy = (assetOrigins: readonly string[]) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${assetOrigins.join(' ')} https:`,
    "connect-src 'self'",
    "font-src 'self'",
    // The preview's frames are srcdoc documents, which frame-src does not govern; nothing else may be framed.
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

/** The desktop window's policy: workspace images come through the postwright-asset: protocol. */
export const appCsp = policy(['postwright-asset:']);

/** The bridge's policy: workspace images come from the bridge itself, at these origins (e.g. http://127.0.0.1:4321). */
export function bridgeCsp(origins: readonly string[]): string {
  return policy(origins);
}

/**
 * The page's own, narrower image policy, added as a <meta> before anything
 * loads: https: images only while the author allows remote images.
 */
export function imagePolicy(assetOrigin: string, remoteImages: boolean): string {
  return `img-src 'self' data: blob: ${assetOrigin}${remoteImages ? ' https:' : ''}`;
}
