// One post as one self-contained HTML file: the theme's CSS (and the
// workspace's custom.css) inlined, images inlined as data: URIs, no site
// header. Its links to other posts go to where the site publishes them, in
// full: the file is read away from the site. For "Export Post as HTML…", "Copy
// as HTML" and `postwright build --post SLUG --standalone`.
/// <reference path="./theme.d.ts" />
import fs from 'node:fs';
import themeCss from '../../common/theme/theme.css?raw';
import { ApiError } from '../../common/errors';
import type { StandalonePost } from '../../common/site/types';
import { siteModel } from '../../common/site/model';
import { postUrl, safeSlug } from '../../common/site/permalink';
import { absoluteUrl } from '../../common/theme/site';
import type { PostSummary } from '../../common/types';
import { findPosts, summarizeAll } from '../workspace/scan';
import { openSite } from './openSite';
import { postLinks } from './postLinks';
import { createPostRenderer } from './postRenderer';

/**
 * Renders the post at workspace-relative `relative` from `bytes` (drafts and future posts included).
 * `posts` lists the workspace, asked only when the post links to another: the app's list is cached.
 */
export async function renderStandalone(root: string, relative: string, bytes: Uint8Array, posts: () => Promise<readonly PostSummary[]>): Promise<StandalonePost> {
  const { root: real, settings, customCss, layout } = await openSite(root, undefined, false);
  const css = customCss ? `${themeCss}\n${fs.readFileSync(customCss, 'utf8').replace(/<\/style/gi, '<\\/style')}` : themeCss;
  const renderer = createPostRenderer({
    root: real,
    settings,
    site: { settings, customCss: false, inlineCss: css },
    publish: { drafts: true, future: true, now: 0 },
    inlineImages: true,
    params: layout.params,
    siteVariables: layout.siteVariables,
    contentRoot: layout.contentRoot,
  });
  const { record, body } = renderer.render(relative, bytes, { size: bytes.length, mtimeMs: 0 }, '');
  const unreadable = record.entry.error;
  if (body === null && unreadable) throw new ApiError('unsupported', `${relative} is not exported: ${unreadable.message}`);
  if (body === null) throw new ApiError('not-utf8', record.problem ?? `${relative} could not be rendered.`);
  let links = {};
  if (record.references) {
    // Linked as a build links them: to the posts it publishes (no drafts, nothing future), else as written.
    const summaries = await posts();
    const model = siteModel(summaries, settings, { drafts: false, future: false, now: Date.now() }, layout);
    links = postLinks(model, summaries.map((post) => post.path), layout.contentRoot, (url) => absoluteUrl(renderer.context.site, url))(record);
  }
  const url = postUrl(settings.permalink, record.entry.slug, record.entry.date);
  return { html: renderer.page(record.entry, body, url, {}, 'post', links), fileName: `${safeSlug(record.entry.slug)}.html` };
}

/** The post whose slug is `slug`, rendered standalone. */
export async function standaloneBySlug(root: string, slug: string): Promise<StandalonePost> {
  const real = fs.realpathSync(root);
  const summaries = await workspacePosts(real);
  const matches = summaries.filter((s) => s.slug === slug).map((s) => s.path).sort();
  if (matches.length === 0) throw new ApiError('not-found', `No post has the slug "${slug}". \`postwright check\` lists every post's slug.`);
  if (matches.length > 1) throw new ApiError('exists', `${matches.join(' and ')} all have the slug "${slug}"; give one of them another slug.`);
  const relative = matches[0]!;
  return renderStandalone(real, relative, fs.readFileSync(`${real}/${relative}`), async () => summaries);
}

/** Every post and page of the workspace, read from disk: the CLI has no list cache. */
export async function workspacePosts(root: string): Promise<PostSummary[]> {
  const { settings } = await openSite(root, undefined, false);
  return summarizeAll(root, await findPosts(root, settings.output));
}
