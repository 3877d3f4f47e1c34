// Word count and reading time for the status bar, by the same rules as the
// post list's count (common/post), so the two never disagree.
import { countWords as countBodyWords, findFrontMatter } from '../common/post';

export { readingMinutes } from '../common/words';

/** Words in the post's body; the front matter is not read by readers, so it is not counted. */
export function countWords(text: string): number {
  return countBodyWords(text.slice(findFrontMatter(text).bodyStart));
}
