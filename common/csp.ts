// The app page's Content-Security-Policy, shared by the Electron window and the
// browser bridge (index.html carries the same policy in a meta tag).
// CodeMirror injects its styles at run time, hence 'unsafe-inline' for styles only.
// Images may also come from the workspace asset route: Electron's protocol, or
// the bridge on 127.0.0.1 (named, because 'self' does not match it from the
// preview's opaque-origin frames) and, when the author allows remote images in
// the preview, from https. The sandboxed preview frames inherit this policy,
// so it must allow at least what they show.
export const appCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: postwright-asset: http://127.0.0.1:* https:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
