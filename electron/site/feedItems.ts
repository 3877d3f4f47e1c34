// The posts a feed carries, whole. A feed reader shows a post away from the
// site, so every link and image in it is made absolute against the post's own
// address, and the HTML is sanitized once more after that rewrite (a feed
// reader is one more place the post's HTML goes, see ARCHITECTURE.md). Each
// item is kept across builds (feedItemCache.ts): only changed posts are made again.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SitePost } from '../../common/site/model';
import { fillReferences, referenceMarker } from '../../common/site/postReferences';
import { absoluteUrl } from '../../common/theme/site';
import { absolutizeModule } from './absolutize';
import { feedItemHtml } from './domWindow';
import { FeedItemCache, type FeedItemSource } from './feedItemCache';
import { feeds, type Feeds } from './feeds';
import { createPostRenderer, hashOf, readPost, type PostRenderer, type RenderContext } from './postRenderer';

/** What a cached item's bytes come from besides this module: the build's key, and the post as this build read it. */
export interface FeedItemInputs {
  cache: FeedItemCache;
  /** The post's sources; null when the build has no record of it. */
  sourceOf: (post: SitePost) => Omit<FeedItemSource, 'code'> | null;
}

/** This module's own code and the URL rewriting's, which shape every item: part of each item's key. */
let code: string | undefined;
const codeHash = () => (code ??= hashOf(Buffer.concat([import.meta.url, absolutizeModule].map((url) => fs.readFileSync(fileURLToPath(url))))));

/** The three feeds of the newest posts (already cut to the feed length). */
export async function feedItems(context: RenderContext, newest: readonly SitePost[], excerptOf: (post: SitePost) => string, inputs: FeedItemInputs): Promise<Feeds> {
  const bodies = await feedBodies(context, newest, inputs);
  inputs.cache.save();
  const items = newest.flatMap((post) => {
    const html = bodies.get(post.path);
    return html === undefined ? [] : [{ ...post, excerpt: excerptOf(post), html }];
  });
  return feeds(context.site, items);
}

/** Each post's body, ready for a feed, by the post's workspace path. A post that vanished since the scan has none. */
async function feedBodies(context: RenderContext, posts: readonly SitePost[], { cache, sourceOf }: FeedItemInputs): Promise<Map<string, string>> {
  // A feed holds a few dozen posts: rendering them again here is cheaper than carrying every body back from the workers.
  let renderer: PostRenderer | undefined;
  const make = async (post: SitePost, links: FeedItemSource['links']) => {
    const file = readPost(context.root, post.path);
    if (!file) return null;
    renderer ??= createPostRenderer(context);
    const { body } = await renderer.renderWithImages(post.path, file.bytes, file.stats, '');
    if (body === null) return null;
    // Links to other posts are markers until the site has placed every post (see postReferences.ts).
    const linked = fillReferences(body, (reference) => links[referenceMarker(reference)] ?? null);
    return feedItemHtml(linked, absoluteUrl(context.site, post.url));
  };
  const bodies = new Map<string, string>();
  for (const post of posts) {
    const source = sourceOf(post);
    const html = source ? await cache.item(FeedItemCache.keyOf({ ...source, code: codeHash() }), () => make(post, source.links)) : await make(post, {});
    if (html !== null) bodies.set(post.path, html);
  }
  return bodies;
}
