// What is wrong with a front-matter field as the author types it, in the
// words `postwright check` uses, so the panel warns before the check does.
import { impossibleDate } from '../../common/impossibleDate';
import { normalizeDate } from '../../common/post';
import type { PostSummary } from '../../common/api';

/** Why the date as written is not a date, or null when it is one (or empty). */
export function dateProblem(raw: string): string | null {
  if (raw.trim() === '') return null;
  const normal = normalizeDate(raw);
  const why = normal === null ? 'is not a date' : impossibleDate(normal);
  return why && `"${raw.trim()}" ${why}. Write it as YYYY-MM-DD, e.g. 2024-03-18.`;
}

/** Which other post already publishes under `slug`, as a message; null when none does. */
export function slugProblem(slug: string, postId: string, posts: readonly PostSummary[]): string | null {
  const wanted = slug.trim();
  if (wanted === '') return null;
  const other = posts.find((post) => post.id !== postId && post.slug === wanted);
  return other ? `“${other.title || other.path}” already uses the slug ${wanted}: both would publish to one address. Choose another.` : null;
}
