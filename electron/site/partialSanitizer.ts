// A workspace's theme partials are layout the blog may choose (its header, footer,
// icons, fonts), but a blog folder can come from anyone, and what it may never
// choose is script on the author's published site. So partials go through
// DOMPurify too: a config of their own that keeps what a page head needs
// (<meta>, <link>) and drops scripts, event handlers, javascript: URLs and frames.
import createDOMPurify from 'dompurify';
import { domThread } from './domThread';
import { domWindow } from './domWindow';

export type PartialSanitizer = (html: string) => { html: string; removed: number };

/** The partials' sanitizer: on the DOM thread when this process runs one (domThread.ts), else on this thread's window. */
export function createPartialSanitizer(): PartialSanitizer {
  let local: PartialSanitizer | undefined;
  return (html) => domThread()?.call('partial', html) ?? (local ??= localPartialSanitizer())(html);
}

function localPartialSanitizer(): PartialSanitizer {
  const purify = createDOMPurify(domWindow());
  let dropped = 0;
  // <meta http-equiv> acts like a response header (a refresh sends every reader elsewhere,
  // a Content-Security-Policy could loosen the site's); a partial's <meta> only describes.
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'meta' && (node as Element).hasAttribute('http-equiv')) {
      (node as Element).remove();
      dropped++;
    }
  });
  purify.setConfig({
    ADD_TAGS: ['meta', 'link'],
    ADD_ATTR: ['content', 'property', 'charset', 'crossorigin', 'integrity', 'sizes', 'media', 'as'],
    FORBID_TAGS: ['script', 'iframe', 'object', 'embed', 'base', 'form', 'noscript', 'template'],
    FORBID_ATTR: ['srcdoc', 'formaction', 'ping'],
    // Without it DOMPurify treats a lone <meta> or <link> as something to hoist and drop.
    FORCE_BODY: true,
  });
  return (html) => {
    dropped = 0;
    const clean = purify.sanitize(html) as string;
    return { html: clean, removed: purify.removed.length + dropped };
  };
}
