// Dates a reader would see: unparseable ones, and ones that cannot exist
// (2024-02-30, month 13, 25:00) though they have the right shape.
import type { CheckProblem } from '../../../common/check';
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
    const why = normal === null ? 'is not a date' : impossible(normal);
    if (why) problems.push(problem(post, { line }, 'error', 'date', `The ${field} "${shown}" ${why}. ${example}`));
  }
  const named = dateFromPath(post.post.path);
  const why = named && impossible(named);
  if (why) {
    problems.push(
      problem(post, { line: 1 }, 'error', 'date', `The date in the file name, ${named}, ${why}. Rename the file with a real date.`),
    );
  }
  return problems;
}

// Named once: toLocaleString costs ~0.15 ms a call, which every dated post paid.
const monthNames = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2000, i, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' }));
const parts = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** Why a well-formed YYYY-MM-DD[THH:MM[:SS]] date cannot exist, or null if it can. */
function impossible(normal: string): string | null {
  const [year, month, day, hour, minute, second] = parts.exec(normal)!.slice(1, 7).map((n) => Number(n ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12) return `has no month ${month}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `does not exist: ${monthNames[month - 1]} ${year} has ${days} days`;
  if (hour > 23 || minute > 59 || second > 59) return 'has a time that does not exist';
  return null;
}
