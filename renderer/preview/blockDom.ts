// What the preview changes in a rendered block before showing it: the parts
// that would reach the network or another page while the author writes.
//
// - A remote image, unless the author allowed them, becomes a labelled
//   placeholder: writing makes no request to other sites.
// - Videos need nothing of their own: the sanitizer keeps no player, only
//   the click-to-load embed (common/markdown/videoEmbed.ts), a link over a
//   local thumbnail, which the rules for links and images below cover.
// - Relative image and media URLs point at the workspace asset route (a
//   relative URL would otherwise resolve against the app page: app:// in
//   Electron); `srcset`, `background`, SVG links and remote media or posters,
//   which the route cannot vouch for, are dropped. "Remote" is what the URL
//   parser says (common/markdown/urls.ts): `https:host` and `HTTPS:\\host`
//   are as remote as `https://host`.
// - Image maps go: an <area> is a link the mirror's click handling would
//   have to follow, and a post has no need for one.
// - The footnotes section a lone block's render appends is dropped; the
//   post's one section is rendered separately (see blockViews.ts).

import { placeOf } from '../../common/markdown/urls';

export interface FoundInBlock {
  headings: { element: Element; base: string }[];
  refs: { element: Element; label: string }[];
}

export interface TransformOptions {
  remoteImages: boolean;
  /** The asset-route URL for a relative URL, or null when it points outside the workspace. */
  assetUrl: (relative: string) => string | null;
}

export function transformBlock(fragment: DocumentFragment, options: TransformOptions, keepFootnotes = false): FoundInBlock {
  const doc = fragment.ownerDocument;
  if (!keepFootnotes) for (const section of fragment.querySelectorAll('section.footnotes')) section.remove();
  for (const element of fragment.querySelectorAll('[srcset], [background]')) {
    element.removeAttribute('srcset');
    element.removeAttribute('background');
  }
  for (const element of fragment.querySelectorAll('svg [href], svg [xlink\\:href]')) {
    if (element.localName === 'a') continue;
    element.removeAttribute('href');
    element.removeAttribute('xlink:href');
  }
  for (const map of fragment.querySelectorAll('map, area')) map.remove();
  for (const img of fragment.querySelectorAll('img[usemap]')) img.removeAttribute('usemap');
  for (const img of fragment.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    if (options.remoteImages || placeOf(src)?.place !== 'remote') continue;
    img.replaceWith(placeholder(doc, 'span', 'pw-blocked-image', `Remote image not loaded: ${img.getAttribute('alt') || hostOf(src)}`, src));
  }
  // Lazy loading would depend on where each copy sits; both copies must have the same sizes at once.
  for (const img of fragment.querySelectorAll('img[loading]')) img.removeAttribute('loading');
  for (const element of fragment.querySelectorAll('[src], [poster]')) {
    for (const name of ['src', 'poster']) {
      const url = element.getAttribute(name);
      if (url === null) continue;
      const place = placeOf(url);
      // Only images may come from other sites, and only when allowed (kept above); never video, audio or posters.
      if (place?.place === 'remote' && element.localName === 'img' && name === 'src') continue;
      // Inline images the sanitizer let through (raster data: only) load nothing.
      if (place?.place === 'scheme' && place.protocol === 'data:') continue;
      const resolved = place?.place === 'local' ? options.assetUrl(url) : null;
      if (resolved === null) element.removeAttribute(name);
      else element.setAttribute(name, resolved);
    }
  }
  return {
    headings: [...fragment.querySelectorAll('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]')].map((element) => ({ element, base: element.id })),
    refs: keepFootnotes
      ? []
      : [...fragment.querySelectorAll('sup > a[href^="#footnote-"][id^="footnote-ref-"]')].map((element) => ({
          element,
          label: decodeURIComponent(element.getAttribute('href')!.slice('#footnote-'.length)),
        })),
  };
}

function placeholder(doc: Document, tag: string, className: string, text: string, title: string): Element {
  const element = doc.createElement(tag);
  element.className = className;
  element.textContent = text;
  element.setAttribute('title', title);
  return element;
}

function hostOf(url: string): string {
  try {
    return new URL(url, 'https://invalid.invalid').host;
  } catch {
    return url;
  }
}
