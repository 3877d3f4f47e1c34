// The nonce the page was served with: every <style> element of ours carries
// it, as the page's Content-Security-Policy allows no other (common/csp.ts).
//
// It comes from the <meta property="csp-nonce"> the build puts in the page's
// head (vite's html.cspNonce), read through the `nonce` property: once an
// element is in a document whose policy came in a header, browsers empty its
// nonce attribute and keep the value for script alone, so CSS selectors cannot
// read it (HTML, "nonce attributes"; MDN, HTMLElement.nonce). It is read once,
// at startup, before any post is shown; a post's markup only ever goes into
// the mirror's shadow root and the sandboxed frames, never the page's head,
// and the sanitizer drops <meta> anyway.

/** The page's nonce, or '' when it was served without one (then no style element of ours applies, which shows at once). */
export function pageNonce(document: Document): string {
  return document.head.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '';
}
