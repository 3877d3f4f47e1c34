// The nonce of one page response: the page's <style> elements carry it and
// its Content-Security-Policy names it (see common/csp.ts). Fresh for every
// response, so a nonce seen once (in a page the author saved, say) opens
// nothing the next time the page loads.
import { randomBytes } from 'node:crypto';
import { NONCE_PLACEHOLDER } from '../common/csp';

/** 128 random bits, base64: what CSP asks of a nonce. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The built page with `nonce` where the build wrote the placeholder (the meta
 * tag the page reads its nonce from, and vite's own tags). A page without the
 * placeholder was built without html.cspNonce: it would run without its
 * styles, so it is refused rather than served.
 */
export function withNonce(html: string, nonce: string): string {
  if (!html.includes(NONCE_PLACEHOLDER)) throw new Error('The page has no CSP nonce placeholder: build the renderer with html.cspNonce set (electron.vite.config.ts).');
  return html.replaceAll(NONCE_PLACEHOLDER, nonce);
}
