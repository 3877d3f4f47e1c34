// The welcome screen, shown when no workspace could be opened at startup (see
// startup.ts): why, and Open Folder…. A static page from the app's own origin,
// under the app's CSP; it runs no script. Its one link is a URL the main
// process catches on `will-navigate` and answers with the folder picker.
import { appCsp } from '../common/csp';
import { newNonce } from './pageNonce';

export const welcomeUrl = 'app://postwright/welcome.html';
export const openFolderUrl = 'app://postwright/open-folder';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const text = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c]!);

/** The page, its one <style> carrying `nonce` (the app's CSP allows no other). */
export function welcomeHtml(reason: string, nonce: string): string {
  const lines = reason
    .split('\n')
    .map((line) => `<li>${text(line)}</li>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Welcome — Postwright</title>
<style nonce="${nonce}">
:root { color-scheme: light dark; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
body { max-width: 36rem; margin: 12vh auto; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; font-weight: 600; }
ul { padding-left: 1.2rem; color: GrayText; }
a.button { display: inline-block; padding: .5rem 1rem; border-radius: 6px; background: #2f6fde; color: white; text-decoration: none; }
a.button:focus-visible { outline: 3px solid #9bbcf5; outline-offset: 2px; }
</style></head>
<body><main>
<h1>Welcome to Postwright</h1>
<p>Open a folder of posts to start writing. No blog could be opened this time:</p>
<ul>${lines}</ul>
<p><a class="button" href="${openFolderUrl}" autofocus>Open Folder…</a></p>
</main></body></html>`;
}

export function welcomeResponse(reason: string): Response {
  const nonce = newNonce();
  return new Response(welcomeHtml(reason, nonce), {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': appCsp(nonce), 'X-Content-Type-Options': 'nosniff' },
  });
}
