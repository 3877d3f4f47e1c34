// Word count and reading time for the status bar, by the same rules as the
// post list's count (common/post), so the two never disagree.
import { countWords as countBodyWords, findFrontMatter } from '../common/post';

/** Words in the post's body; the front matter is not read by readers, so it is not counted. */
export function countWords(text: string): number {
  return countBodyWords(text.slice(findFrontMatter(text).bodyStart));
}

/** Minutes to read at 230 words a minute, at least 1 for any text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 230));
}
