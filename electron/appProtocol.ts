// The `app://` protocol the Electron window loads the UI from, instead of
// file:// (which would give the page the whole disk as its origin). It serves
// only files inside the built renderer folder; anything else, whether `..`,
// encoded slashes, a link leading out or a folder, is a 404. Plain Node (a web
// Response), so main.ts only registers it and tests can call it directly.
// `fs` is used through its default export on purpose: in a package the renderer
// is inside app.asar, and Electron's asar support patches the fs object's
// properties, which named ESM imports of node:fs may have captured before it did.
import fs from 'node:fs';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { contentType } from 'mime-types';
import { appCsp } from '../common/csp';
import { newNonce, withNonce } from './pageNonce';
import { isWithin, normalizeRelative } from './workspace/paths';
import { errorMessage } from '../common/errors';

export const APP_SCHEME = 'app';
const APP_HOST = 'postwright';
export const appPageUrl = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True for any URL of the app's own origin, `app://postwright`. */
export function isAppOrigin(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

function notFound(url: string): Response {
  return new Response(`Nothing is served at ${url}.`, {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

/** Answers an `app://postwright/<path>` request with that file of the built renderer, or a 404. */
export async function appResponse(rendererDir: string, request: { url: string; method: string }): Promise<Response> {
  const { url, method } = request;
  if (!isAppOrigin(url) || (method !== 'GET' && method !== 'HEAD')) return notFound(url);
  try {
    const pathname = new URL(url).pathname;
    // Decoded per segment, so an encoded slash (%2F) stays inside its segment and is refused below as a name with '/'.
    const parts = (pathname === '/' ? '/index.html' : pathname).split('/').filter(Boolean).map(decodeURIComponent);
    if (parts.some((part) => part.includes('/') || part.includes('\\'))) return notFound(url);
    // The workspace's checks: no '..', no absolute paths, and (once links are followed) still inside.
    const relative = normalizeRelative(parts.join('/'));
    const root = await fs.promises.realpath(rendererDir);
    const real = await fs.promises.realpath(join(root, relative));
    if (!isWithin(root, real)) return notFound(url);
    const info = await fs.promises.stat(real);
    if (!info.isFile()) return notFound(url);
    const type = contentType(extname(real)) || 'application/octet-stream';
    // Each response its own nonce; a page gets it written where its build left the placeholder.
    const nonce = newNonce();
    const headers = { 'Content-Type': type, 'Content-Security-Policy': appCsp(nonce), 'X-Content-Type-Options': 'nosniff' };
    if (type.startsWith('text/html')) return pageResponse(await fs.promises.readFile(real, 'utf8'), nonce, method, headers);
    const body = method === 'HEAD' ? null : (Readable.toWeb(fs.createReadStream(real)) as ReadableStream);
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Length': String(info.size) } });
  } catch {
    return notFound(url);
  }
}

function pageResponse(html: string, nonce: string, method: string, headers: Record<string, string>): Response {
  let page: string;
  try {
    page = withNonce(html, nonce);
  } catch (error) {
    return new Response(errorMessage(error), {
      status: 500,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
    });
  }
  return new Response(method === 'HEAD' ? null : page, { status: 200, headers: { ...headers, 'Content-Length': String(Buffer.byteLength(page)) } });
}
