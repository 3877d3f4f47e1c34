// One jsdom window per thread, made on first use, for everything the build
// parses as HTML: the posts' sanitizer, the partials' sanitizer and the feeds'
// URL rewriting. Loading jsdom and making a window are the largest fixed costs
// of a one-post rebuild (a window installs every DOM interface: about a tenth of
// that rebuild's CPU each), so a build that needs none makes none, and one that
// needs several makes one; and a CLI command that will need one has it made on
// its DOM thread while it does its other work (domThread.ts). Each parse gets
// its own document, so sharing the window shares no content between posts.
import { createRequire } from 'node:module';
import { createSanitizer, type Sanitizer } from '../../common/markdown/sanitize';
import { absolutize } from './absolutize';
import { domThread } from './domThread';
import { guardedLoad } from './loadLock';

const load = createRequire(import.meta.url);
let window: (Window & typeof globalThis) | undefined;
let sanitizer: Sanitizer | undefined;

/** This thread's jsdom window. */
export function domWindow(): Window & typeof globalThis {
  window ??= guardedLoad(() => {
    const { JSDOM } = load('jsdom') as typeof import('jsdom');
    return new JSDOM('').window as unknown as Window & typeof globalThis;
  });
  return window;
}

/** The posts' sanitizer (common/markdown/sanitize.ts), made on the first post. */
export const sanitizePostHtml: Sanitizer = (html) => domThread()?.call('post', html) ?? localSanitizer()(html);

/** A post's HTML ready for a feed: sanitized, then every URL in it absolute against `base`, the post's address. */
export function feedItemHtml(html: string, base: string): string {
  return domThread()?.call('feedItem', html, base) ?? absolutize(domWindow(), localSanitizer()(html), base);
}

function localSanitizer(): Sanitizer {
  return (sanitizer ??= createSanitizer(domWindow()));
}
