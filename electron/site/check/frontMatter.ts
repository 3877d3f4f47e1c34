// Front matter the listing could not read. The listing already found the
// error and its line (PostSummary.error); the check reports it.
import type { CheckProblem } from '../../../common/check';
import { problem, type CheckedPost } from './problem';

export function checkFrontMatter(post: CheckedPost): CheckProblem[] {
  const error = post.post.error;
  return error ? [problem(post, { line: error.line }, 'error', 'front-matter', error.message)] : [];
}
