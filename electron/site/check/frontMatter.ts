// Front matter the listing could not read. The listing already found the
// error and its line (PostSummary.error); the check reports it.
import type { CheckProblem } from '../../../common/check';
import type { PostSummary } from '../../../common/types';
import { problem } from './problem';

export function checkFrontMatter(post: PostSummary): CheckProblem[] {
  const error = post.error;
  return error ? [problem({ post }, { line: error.line }, 'error', 'front-matter', error.message)] : [];
}
