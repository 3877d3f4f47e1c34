// Broken internal links: to a post file (`other.md`, `../_posts/…md`), to a
// post's permalink (`/posts/slug/`), to a heading (`#id`, `other.md#id`).
// Links to other sites are not fetched; checking them needs the network.
import { posix } from 'node:path';
import type { CheckProblem } from '../../../common/check';
import type { PostSummary } from '../../../common/types';
import { isPostFileName } from '../../workspace/names';
import { localHref } from './hrefs';
import type { ExaminedPost, PlacedReference } from './examine';
import { problem } from './problem';
import type { SiteIndex } from './siteIndex';

export async function checkLink(from: ExaminedPost, link: PlacedReference, site: SiteIndex): Promise<CheckProblem | null> {
  const at = link.at;
  const broken = (why: string, fix = 'Fix the path or remove the link.') =>
    problem(from, at, 'error', 'link', `Broken link "${link.href}": ${why}. ${fix}`);
  if (link.href.trim() === '') return broken('it has no target', 'Put the URL or post file between the parentheses.');
  // A link to the site's own address is checked as the site path it names.
  const href = localHref((await site.ownPath(link.href)) ?? link.href);
  if (href === null) return null;
  if (href === 'malformed') return broken('it has a "%" that is not a valid escape', 'Write a literal % as %25.');

  let target: PostSummary | undefined;
  if (href.path === '') {
    target = from.post;
  } else if (href.path.startsWith('/')) {
    target = site.postsAtUrl(href.path)[0];
    if (!target) {
      if (await site.serves(href.path)) return null;
      if (site.isPostFolder(href.path)) return broken('no post publishes at that address', 'Check the slug, or link to the post\'s file instead (e.g. "other-post.md").');
      // An old address of the blog's, or a part of the domain the site does not build: said, not an error.
      return problem(
        from,
        at,
        'warning',
        'link',
        `Link "${link.href}": no page, file or redirect of the site is at that address. Link to the post's file (e.g. "other-post.md"), or add the address to that post's aliases (redirect_from).`,
      );
    }
  } else {
    const joined = posix.join(posix.dirname(from.post.path), href.path);
    const outside = () => broken('it points outside the workspace', 'Link to a post or file inside the workspace.');
    const climbsOut = joined === '..' || joined.startsWith('../');
    if (isPostFileName(posix.basename(joined))) {
      if (climbsOut) return outside();
      target = site.postAt(joined);
      if (!target) return broken('no such post');
    } else {
      // A relative permalink (`../other-slug/`) counts from the page the post publishes to.
      target = site.postsAtUrl(resolveUrl(href.path, site.urlOf(from.post)))[0];
      if (!target) {
        const kind = climbsOut ? 'outside' : await site.fileAt(joined);
        if (kind === 'outside') return outside();
        if (kind === 'missing') return broken('no such post or file');
        return null;
      }
    }
  }

  if (href.fragment) {
    const ids = await site.anchors(target, target === from.post ? from.ownAnchors : undefined);
    if (!ids.has(href.fragment)) {
      const where = target === from.post ? 'this post' : target.path;
      const known = [...ids].slice(0, 3).map((id) => `#${id}`);
      const hint = known.length > 0 ? `Use a heading's id, e.g. ${known.join(', ')}.` : 'Add the heading, or remove the "#…" part.';
      return broken(`no heading with the id "${href.fragment}" in ${where}`, hint);
    }
  }
  if (target.draft && !from.post.draft) {
    return problem(
      from,
      at,
      'warning',
      'link',
      `Link "${link.href}" goes to ${target.path}, a draft, which is not published. Publish it first, or remove the link.`,
    );
  }
  return null;
}

/** A relative URL path resolved against a page's URL path, decoded as the index keeps URLs. */
function resolveUrl(relative: string, page: string): string {
  const resolved = new URL(relative, `http://site${page}`).pathname;
  try {
    return decodeURI(resolved);
  } catch {
    return resolved; // a literal "%" the URL parser kept: matches no post
  }
}
