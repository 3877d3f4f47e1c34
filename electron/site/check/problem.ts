// How a checker reports a problem in a post.
import type { CheckKind, CheckProblem, CheckSeverity } from '../../../common/check';
import type { PostSummary } from '../../../common/types';
import type { Position } from './positions';

export function problem(
  post: { post: PostSummary },
  where: Position | { line: number },
  severity: CheckSeverity,
  kind: CheckKind,
  message: string,
): CheckProblem {
  return { file: post.post.path, postId: post.post.id, ...where, severity, kind, message };
}
