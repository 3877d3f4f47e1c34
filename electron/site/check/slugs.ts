// Duplicate slugs: two posts that would publish to the same URL, so one would
// overwrite the other. Each is reported, naming the others. A clash that
// involves drafts only matters once they are published: a warning.
import type { CheckProblem } from '../../../common/check';
import type { ExaminedPost } from './examine';
import { problem } from './problem';
import type { SiteIndex } from './siteIndex';

export function checkSlugs(site: SiteIndex, checked: ReadonlyMap<string, ExaminedPost>): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const [url, posts] of site.urls()) {
    if (posts.length < 2) continue;
    const published = posts.filter((p) => !p.draft).length;
    for (const post of posts) {
      const at = checked.get(post.path);
      if (!at) continue; // unreadable: reported on its own
      const others = posts.filter((p) => p !== post).map((p) => p.path);
      const line = at.slugLine;
      const message =
        `Duplicate slug "${post.slug}": ${others.join(', ')} also publishes to ${url}` +
        `${published > 1 ? '' : ' once the drafts are published'}. Give one of them a different slug.`;
      problems.push(problem(at, { line }, published > 1 ? 'error' : 'warning', 'slug', message));
    }
  }
  return problems;
}
