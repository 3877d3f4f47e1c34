// DOMPurify, configured for blog posts. `common/` has no DOM of its own, so
// the caller passes a window in: the page's in the renderer, jsdom's in Node.
//
// Beyond DOMPurify's defaults this drops what a post never needs but an
// attacker can use (forms, inputs other than task-list checkboxes, <base>,
// <meta>, <link>, <style>, <noscript>), and frames: a YouTube or Vimeo
// player's <iframe> becomes the click-to-load embed (videoEmbed.ts), which
// asks the video host for nothing until the reader clicks; any other goes.
import createDOMPurify, { type WindowLike } from 'dompurify';
import { parseVideoUrl } from '../videoUrl';
import { svgValueStaysHome } from './svgAttributes';
import { safeUrl } from './urls';
import { videoEmbedHtml } from './videoEmbed';

/** The titles the hosts' own embed codes give every player: they name no video. */
const genericPlayerTitle = /^(?:youtube video player|vimeo-player)$/i;

export type Sanitizer = (html: string) => string;

export function createSanitizer(window: WindowLike): Sanitizer {
  const purify = createDOMPurify(window);
  purify.addHook('uponSanitizeElement', (node, data) => {
    // A task list's checkbox is the one input a post has; any other input goes.
    if (data.tagName === 'input') {
      const input = node as Element;
      if (input.getAttribute('type') === 'checkbox') input.setAttribute('disabled', '');
      else input.remove();
      return;
    }
    if (data.tagName !== 'iframe') return;
    const frame = node as Element;
    const { parentNode: parent, nextSibling: next } = frame;
    frame.remove();
    const video = parseVideoUrl(frame.getAttribute('src') ?? '');
    if (!video || !parent) return;
    const title = frame.getAttribute('title')?.trim() ?? '';
    const embed = frame.ownerDocument.createElement('template');
    embed.innerHTML = videoEmbedHtml(video, genericPlayerTitle.test(title) ? '' : title, null);
    // Put where the frame was, after it left: DOMPurify's walk goes on from the node before it, so
    // the embed is sanitized like the rest of the post (DOMPurify lets a hook detach the node it is given).
    parent.insertBefore(embed.content, next);
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    // One URL policy for markdown and raw HTML alike (DOMPurify's own lets UNC paths through).
    for (const name of ['href', 'src'] as const) {
      const value = element.getAttribute(name);
      if (value !== null && safeUrl(value, name === 'src' ? 'image' : 'link') === null) element.removeAttribute(name);
    }
    // SVG presentation attributes are CSS, which can fetch from elsewhere (see svgAttributes.ts).
    if (element.namespaceURI === 'http://www.w3.org/2000/svg') {
      for (const { name, value } of [...element.attributes]) {
        if (name !== 'href' && name !== 'xlink:href' && !svgValueStaysHome(value)) element.removeAttribute(name);
      }
    }
    // Links out of a post never get a handle on the page that opened them.
    if (element.tagName === 'A' && element.getAttribute('target')) element.setAttribute('rel', 'noopener noreferrer');
  });
  // Set once: a config passed to each sanitize() call is parsed again every time (the preview calls it per block).
  purify.setConfig({
    // marked-footnote's markers, which the theme's CSS selects.
    ADD_ATTR: ['loading', 'target', 'data-footnote-ref', 'data-footnotes', 'data-footnote-backref'],
    FORBID_TAGS: ['style', 'form', 'button', 'select', 'textarea', 'base', 'meta', 'link', 'noscript', 'object', 'embed', 'template'],
    // popover, command* and interestfor let a click or a hover show, hide or drive other elements (a popover
    // shows in the top layer, over the whole app): behaviour a post never needs. DOMPurify keeps all but
    // interestfor by default; that one is named too, so that a DOMPurify that learns it does not let it in.
    FORBID_ATTR: ['style', 'srcdoc', 'formaction', 'action', 'ping', 'popover', 'popovertarget', 'popovertargetaction', 'command', 'commandfor', 'interestfor'],
    ALLOW_DATA_ATTR: false,
    // Heading ids stay what the author links to ("## Links" is #links). DOMPurify would drop
    // ids that shadow document properties, against DOM clobbering; no page that shows a post
    // runs script that reads them: published pages carry none, the preview frames run none,
    // and the preview's mirror sits in a shadow root, which named access never reaches.
    SANITIZE_DOM: false,
  });
  // jsdom files every element with an id in its window's named-property table, even in the
  // documents DOMParser makes for DOMPurify, and lets go only when the element is detached. Every
  // post has heading ids, so each parsed post stayed in memory for good (0.5 MB a post; gigabytes
  // and most of the garbage collector's time in a 10,000-post build). Detaching the parsed tree
  // once DOMPurify has serialized it lets it go.
  let parsed: Document | null = null;
  purify.addHook('beforeSanitizeElements', (node) => {
    parsed ??= node.ownerDocument;
  });
  return (html) => {
    try {
      return purify.sanitize(html) as string;
    } finally {
      if (parsed !== window.document) parsed?.documentElement?.remove();
      parsed = null;
    }
  };
}
