// The app page's Content-Security-Policy, for the Electron window (appCsp)
// and the browser bridge (bridgeCsp), each sent as a response header.
//
// Styles: our own stylesheets ('self'), and <style> elements that carry the
// nonce of the response that served the page (CodeMirror's, the preview
// mirror's and frames'), never inline styles without it. The build writes
// NONCE_PLACEHOLDER where the page's nonce goes (vite's html.cspNonce); the
// server of each page response replaces it with a fresh one and names that in
// this policy. So markup that got past the sanitizer can neither add a
// stylesheet (to paint over the app, or to read the bridge token out of
// attribute values with selectors) nor style attributes: `style-src-attr
// 'none'`, as nothing of ours needs one (React, CodeMirror and the preview
// set styles through the CSSOM, which CSP does not govern, and the sanitizer
// drops a post's style attributes).
//
// Images may come from the workspace asset route: Electron's protocol, or the
// bridge's own origin, named exactly (not 'self': that does not match from the
// preview's opaque-origin frames, which inherit this policy and so must be
// allowed at least what they show). https: images are allowed by the header
// only as an upper bound: the page adds imagePolicy() as its first act, which
// drops them unless the author allowed remote images (the header is sent
// before the page can know that setting; a second policy can only narrow).
const policy = (assetOrigins: readonly string[], nonce: string) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'none'",
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

/**
 * What the build writes where a page response's nonce goes (vite's
 * html.cspNonce): letters only, so it is a valid nonce source as it stands,
 * and unlike anything else in the built page.
 */
export const NONCE_PLACEHOLDER = 'PostwrightCspNoncePlaceholder';

/** A nonce as CSP's nonce-source grammar has it (base64 or base64url characters), at least 128 bits' worth. */
const NONCE = /^[A-Za-z0-9+/_-]{22,}={0,2}$/;

function checkedNonce(nonce: string): string {
  if (!NONCE.test(nonce)) throw new Error(`"${nonce}" is not a CSP nonce: 22 or more base64 characters are needed.`);
  return nonce;
}

/** The desktop window's policy for a page served with `nonce`: workspace images come through the postwright-asset: protocol. */
export function appCsp(nonce: string): string {
  return policy(['postwright-asset:'], checkedNonce(nonce));
}

/** The bridge's policy for a page served with `nonce`: workspace images come from the bridge itself, at these origins (e.g. http://127.0.0.1:4321). */
export function bridgeCsp(origins: readonly string[], nonce: string): string {
  return policy(origins, checkedNonce(nonce));
}

/**
 * The page's own, narrower image policy, added as a <meta> before anything
 * loads: https: images only while the author allows remote images.
 */
export function imagePolicy(assetOrigin: string, remoteImages: boolean): string {
  return `img-src 'self' data: blob: ${assetOrigin}${remoteImages ? ' https:' : ''}`;
}
