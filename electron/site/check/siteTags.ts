// Template tags whose rendering depends on the rest of the site: a link to
// another post (`{% post_url %}`, `{% link %}`, `{{< ref >}}`, `{{< relref >}}`)
// renders when it names a post the site publishes, `{{< param >}}` when the
// post or the site's params have the value, `{{ site.name }}` when the blog's
// config has it. Anything else renders as nothing
// on the site (and as a placeholder in the preview): reported at its line.
import type { CheckProblem } from '../../../common/check';
import type { BlogLayout } from '../../../common/blog/layout';
import { inDraftFolder } from '../../../common/blog/classify';
import { referencedFile } from '../../../common/site/postReferences';
import type { PostSummary } from '../../../common/types';
import type { ExaminedPost } from './examine';
import { problem } from './problem';
import type { SiteIndex } from './siteIndex';

export function checkSiteTags(post: ExaminedPost, site: SiteIndex, layout: BlogLayout): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const warn = (at: ExaminedPost['references'][number]['at'], message: string) => problems.push(problem(post, at, 'warning', 'template', message));
  for (const { at, tag, reference, param, variable } of post.siteTags ?? []) {
    if (reference) {
      const target = referencedFile(reference, post.post.path, { files: site.paths(), contentRoot: layout.contentRoot });
      const summary = target && site.postAt(target.path);
      if (!summary) warn(at, `${tag} names no post or page in the workspace, so it is left out of the page. Fix the name, or link to the post's file (e.g. "other-post.md").`);
      else if (isDraft(summary, layout) && !isDraft(post.post, layout)) warn(at, `${tag} goes to ${summary.path}, a draft, which is not published; the link is left out of the page. Publish it first, or remove the link.`);
    } else if (param !== undefined && !Object.keys(layout.params).some((key) => key.toLowerCase() === param.toLowerCase())) {
      warn(at, `${tag}: neither this post's front matter nor the site's params have "${param}", so it is left out of the page. Add it to the front matter, or remove the tag.`);
    } else if (variable !== undefined && layout.siteVariables[variable] === undefined) {
      warn(at, `${tag}: the site's config has no "${variable}", so it is left out of the page. Add it to ${layout.configFile ?? '_config.yml'}, or remove the tag.`);
    }
  }
  return problems;
}

/** Marked a draft, or in a drafts folder (Jekyll's `_drafts`). */
const isDraft = (post: PostSummary, layout: BlogLayout): boolean => post.draft || inDraftFolder(post.path, layout);
