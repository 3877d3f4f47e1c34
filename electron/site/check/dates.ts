// Dates a reader would see: unparseable ones, and ones that cannot exist
// (2024-02-30, month 13, 25:00) though they have the right shape.
import type { CheckProblem } from '../../../common/check';
import { impossibleDate } from '../../../common/impossibleDate';
import { normalizeDate } from '../../../common/post';
import type { PostSummary } from '../../../common/types';
import { dateFromPath } from '../../workspace/names';
import { fieldLine } from './fieldLine';
import { problem } from './problem';

const DATE_FIELDS = ['date', 'updated'] as const;
const example = 'Write it as YYYY-MM-DD, e.g. 2024-03-18, optionally with a time: 2024-03-18T09:30.';

/** `data` is the post's front matter, as parsePost(text) read it. */
export function checkDates(summary: PostSummary, text: string, data: Record<string, unknown>): CheckProblem[] {
  const post = { post: summary };
  const problems: CheckProblem[] = [];
  for (const field of DATE_FIELDS) {
    const value = data[field];
    if (value === undefined || value === null) continue;
    const line = fieldLine(text, field) ?? 1;
    const shown = typeof value === 'string' ? value : JSON.stringify(value);
    const normal = normalizeDate(value);
    const why = normal === null ? 'is not a date' : impossibleDate(normal);
    if (why) problems.push(problem(post, { line }, 'error', 'date', `The ${field} "${shown}" ${why}. ${example}`));
  }
  const named = dateFromPath(post.post.path);
  const why = named && impossibleDate(named);
  if (why) {
    problems.push(
      problem(post, { line: 1 }, 'error', 'date', `The date in the file name, ${named}, ${why}. Rename the file with a real date.`),
    );
  }
  return problems;
}
