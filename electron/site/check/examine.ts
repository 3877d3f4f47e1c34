// The per-post half of the check: everything that needs only the post's own
// text (front matter, dates, where each link and image is). It runs on the
// check's worker threads, or on the main thread for small workspaces, and
// returns a small record so no post text crosses between threads.
import type { CheckProblem } from '../../../common/check';
import { parsePost } from '../../../common/post';
import type { PostSummary } from '../../../common/types';
import { checkConflictMarks } from './conflictMarks';
import { checkDates } from './dates';
import { fieldLine } from './fieldLine';
import { checkFrontMatter } from './frontMatter';
import { localHref } from './hrefs';
import { markdown } from './markdown';
import { positionsIn, type Position } from './positions';
import { findReferences, type Reference } from './references';
import { anchorsIn } from './anchors';
import { findTemplateTags, paramText } from '../../../common/markdown/templateTags';
import { fieldOf } from '../../../common/frontMatter/keys';
import type { PostReference } from '../../../common/site/postReferences';
import { problem } from './problem';

/** The site variables the build fills in (see postRenderer.ts). */
const SITE_VARIABLES = { url: '', baseurl: '' };

/** A template tag whose rendering depends on the rest of the site: a link to a post, a site param. */
export interface SiteTag {
  at: Position;
  tag: string;
  reference?: PostReference;
  param?: string;
  /** `{{ site.name }}`, known from the blog's config. */
  variable?: string;
}

/** A link or image, and where it is in the whole file. */
export interface PlacedReference extends Reference {
  at: Position;
}

export interface ExaminedPost {
  post: PostSummary;
  /** Problems found in the post alone: its front matter and dates. */
  problems: CheckProblem[];
  references: PlacedReference[];
  /** The line of its `slug:` field, where a duplicate slug is reported. */
  slugLine: number;
  /** The line of its `tags:` field, where a tag's other spelling is reported. */
  tagsLine: number;
  /** Its own anchors, rendered here only when a `#fragment` link names one. */
  ownAnchors?: string[];
  /** Template tags the rest of the site decides (checked in siteTags.ts). */
  siteTags?: SiteTag[];
}

export function examinePost(post: PostSummary, text: string): ExaminedPost {
  const { data, body, bodyStart } = parsePost(text);
  const position = positionsIn(text);
  const references = findReferences(markdown.lex(body), body).map((ref) => ({ ...ref, at: position(bodyStart + ref.offset) }));
  const tags = findTemplateTags(body, SITE_VARIABLES);
  // `{{ "/x/" | relative_url }}` becomes a link to /x/ in the page: checked as one.
  for (const { offset, link } of tags) {
    if (link !== undefined) references.push({ kind: 'link', href: link, text: '', offset, at: position(bodyStart + offset) });
  }
  const siteTags: SiteTag[] = [];
  for (const { offset, tag, reference, param, variable } of tags) {
    // A param the post's own front matter has is rendered from it; the site's params and config are known to the whole check.
    if (param !== undefined && paramText(fieldOf(data, param)) !== undefined) continue;
    const at = position(bodyStart + offset);
    if (reference) siteTags.push({ at, tag, reference });
    else if (param !== undefined) siteTags.push({ at, tag, param });
    else if (variable !== undefined) siteTags.push({ at, tag, variable });
  }
  const examined: ExaminedPost = {
    post,
    problems: [
      ...checkFrontMatter(post),
      ...checkDates(post, text, data),
      ...checkConflictMarks(post, text),
      ...tags
        .filter((tag) => !tag.reference && tag.param === undefined && tag.variable === undefined && tag.link === undefined)
        .map(({ offset, tag }) =>
          problem({ post }, position(bodyStart + offset), 'warning', 'template', `${tag} is template syntax Postwright does not run; it is left out of the page. Replace it with Markdown or HTML.`),
        ),
    ],
    references,
    slugLine: fieldLine(text, 'slug') ?? 1,
    tagsLine: fieldLine(text, 'tags') ?? 1,
  };
  if (references.some(linksToOwnHeading)) examined.ownAnchors = ownAnchors(body);
  if (siteTags.length > 0) examined.siteTags = siteTags;
  return examined;
}

/** As SiteIndex.anchors has them: a body that cannot be rendered has none. */
function ownAnchors(body: string): string[] {
  try {
    return [...anchorsIn(body)];
  } catch {
    return [];
  }
}

function linksToOwnHeading(ref: Reference): boolean {
  if (ref.kind !== 'link') return false;
  const href = localHref(ref.href);
  return href !== null && href !== 'malformed' && href.path === '' && href.fragment !== null;
}
