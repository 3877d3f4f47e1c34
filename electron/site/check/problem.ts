// One post under check, and how a checker reports a problem in it.
import type { CheckKind, CheckProblem, CheckSeverity } from '../../../common/check';
import type { PostSummary } from '../../../common/types';
import type { Position, PositionOf } from './positions';

export interface CheckedPost {
  post: PostSummary;
  /** The whole file as the editor has it (no BOM, LF line endings). */
  text: string;
  /** The text after the front matter, and its offset in `text`. */
  body: string;
  bodyStart: number;
  /** Position of an offset in `text`. */
  position: PositionOf;
}

export function problem(
  post: Pick<CheckedPost, 'post'>,
  where: Position | { line: number },
  severity: CheckSeverity,
  kind: CheckKind,
  message: string,
): CheckProblem {
  return { file: post.post.path, postId: post.post.id, ...where, severity, kind, message };
}

/** The position of an offset in the post's body. */
export function bodyPosition(post: CheckedPost, offset: number): Position {
  return post.position(post.bodyStart + offset);
}
