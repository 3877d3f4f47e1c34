// A feed reader shows a post away from the site, so every link and image in a
// feed item is made absolute against the post's own address (feedItems.ts).

/** This module, whose code shapes every feed item: part of each cached item's key (feedItems.ts). */
export const absolutizeModule = import.meta.url;

/** Attributes that hold one URL, and the one that holds a list of them. */
const URL_ATTRIBUTES = ['href', 'src', 'poster'] as const;

/** `html` with every URL in it resolved against `base` (the post's address). */
export function absolutize(window: Window, html: string, base: string): string {
  const template = window.document.createElement('template');
  template.innerHTML = html;
  const resolve = (url: string) => {
    try {
      return new URL(url, base).href;
    } catch {
      return url;
    }
  };
  for (const element of template.content.querySelectorAll('*')) {
    for (const name of URL_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value !== null) element.setAttribute(name, resolve(value));
    }
    const srcset = element.getAttribute('srcset');
    // The theme writes srcset itself ("url 480w, url 960w", URLs percent-encoded, so without commas or spaces).
    if (srcset !== null) {
      const candidates = srcset.split(',').map((candidate) => candidate.trim().split(/\s+/));
      element.setAttribute('srcset', candidates.map(([url = '', ...size]) => [resolve(url), ...size].join(' ')).join(', '));
    }
  }
  return template.innerHTML;
}
