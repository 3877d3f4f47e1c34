// The posts a feed carries, whole. A feed reader shows a post away from the
// site, so every link and image in it is made absolute against the post's own
// address, and the HTML is sanitized once more after that rewrite (a feed
// reader is one more place the post's HTML goes, see ARCHITECTURE.md).
import type { SitePost } from '../../common/site/model';
import { fillReferences, referenceMarker } from '../../common/site/postReferences';
import { absoluteUrl } from '../../common/theme/site';
import { domWindow, sanitizePostHtml } from './domWindow';
import { feeds, type Feeds } from './feeds';
import { createPostRenderer, readPost, type RenderContext } from './postRenderer';

/** Attributes that hold one URL, and the one that holds a list of them. */
const URL_ATTRIBUTES = ['href', 'src', 'poster'] as const;

/** Where the posts a post links to live, by referenceMarker (see postReferences.ts). */
export type LinksOf = (post: SitePost) => Readonly<Record<string, string | null>>;

/** The three feeds of the newest posts (already cut to the feed length). */
export async function feedItems(context: RenderContext, newest: readonly SitePost[], excerptOf: (post: SitePost) => string, linksOf: LinksOf = () => ({})): Promise<Feeds> {
  const bodies = await feedBodies(context, newest, linksOf);
  const items = newest.flatMap((post) => {
    const html = bodies.get(post.path);
    return html === undefined ? [] : [{ ...post, excerpt: excerptOf(post), html }];
  });
  return feeds(context.site, items);
}

/** Each post's body, ready for a feed, by the post's workspace path. A post that vanished since the scan has none. */
export async function feedBodies(context: RenderContext, posts: readonly SitePost[], linksOf: LinksOf = () => ({})): Promise<Map<string, string>> {
  // A feed holds a few dozen posts: rendering them again here is cheaper than carrying every body back from the workers.
  const renderer = createPostRenderer(context);
  const bodies = new Map<string, string>();
  for (const post of posts) {
    const file = readPost(context.root, post.path);
    if (!file) continue;
    const { body } = await renderer.renderWithImages(post.path, file.bytes, file.stats, '');
    if (body === null) continue;
    const links = linksOf(post);
    const linked = fillReferences(body, (reference) => links[referenceMarker(reference)] ?? null);
    bodies.set(post.path, absolutize(domWindow(), sanitizePostHtml(linked), absoluteUrl(context.site, post.url)));
  }
  return bodies;
}

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
