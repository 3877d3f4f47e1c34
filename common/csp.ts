// The app page's Content-Security-Policy, shared by the Electron window and the
// browser bridge (index.html carries the same policy in a meta tag).
// CodeMirror injects its styles at run time, hence 'unsafe-inline' for styles only.
// Images may also come from the workspace asset protocol (Electron; the bridge's
// route is 'self') and, when the author allows remote images in the preview,
// from https: the sandboxed preview frames inherit this policy, so it must allow
// at least what they show.
export const appCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: postwright-asset: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
