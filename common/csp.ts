// The app page's Content-Security-Policy, shared by the Electron window and the
// browser bridge (index.html carries the same policy in a meta tag).
// CodeMirror injects its styles at run time, hence 'unsafe-inline' for styles only.
export const appCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
