// Word and character count and reading time for the status bar, by the same rules as the
// post list's count (common/post), so the two never disagree.
import { countWords as countBodyWords, findFrontMatter } from '../common/post';

export { readingMinutes } from '../common/words';

/** Words in the post's body; the front matter is not read by readers, so it is not counted. */
export function countWords(text: string): number {
  return countBodyWords(text.slice(findFrontMatter(text).bodyStart));
}

/** Characters in the body as a reader counts them: spaces yes, line breaks no, an emoji or a CJK extension character once. */
export function countCharacters(text: string): number {
  let count = 0;
  for (let i = findFrontMatter(text).bodyStart; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Low surrogates finish a character already counted.
    if (c !== 10 && c !== 13 && (c < 0xdc00 || c > 0xdfff)) count++;
  }
  return count;
}

