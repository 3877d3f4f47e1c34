// A tag written in another case than the rest of the blog writes it: a warning
// at the post's tags line, naming the spelling to use.
import type { CheckProblem } from '../../../common/check';
import { preferredSpellings, tagKey } from '../../../common/tagSpellings';
import type { ExaminedPost } from './examine';
import { problem } from './problem';

export function checkTagVariants(examined: readonly ExaminedPost[]): CheckProblem[] {
  // In path order, so a tie between spellings is broken the same way however the posts were read.
  const posts = [...examined].sort((a, b) => (a.post.path < b.post.path ? -1 : a.post.path > b.post.path ? 1 : 0));
  const preferred = preferredSpellings(posts.map((p) => p.post.tags));
  const problems: CheckProblem[] = [];
  for (const post of posts) {
    for (const tag of post.post.tags) {
      const spelling = preferred.get(tagKey(tag))!;
      if (spelling === tag) continue;
      problems.push(
        problem(post, { line: post.tagsLine }, 'warning', 'tag', `Tag "${tag}" is written "${spelling}" in other posts; the site makes one tag page of both. Write it "${spelling}".`),
      );
    }
  }
  return problems;
}
