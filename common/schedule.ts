// Scheduled posts: a post that is not a draft and is dated after now. The build
// leaves it out (see site/model.ts isPublished), and the first publish after its
// date puts it online, which is what lets a cron job in CI publish it on time.
import { dateValue } from './site/dates';
import type { PostSummary } from './types';

type Dated = Pick<PostSummary, 'draft' | 'date'>;

/** When a scheduled post goes live (ms since the epoch); null for a draft, an undated post or one already live. */
export function goesLiveAt(post: Dated, now: number): number | null {
  if (post.draft) return null;
  const time = dateValue(post.date);
  return time !== null && time > now ? time : null;
}

export interface Schedule {
  /** Posts waiting for their date. */
  readonly count: number;
  /** The soonest of them, as ISO 8601; null when none waits. */
  readonly next: string | null;
}

export function scheduleOf(posts: readonly Dated[], now: number): Schedule {
  let count = 0;
  let next: number | null = null;
  for (const post of posts) {
    const time = goesLiveAt(post, now);
    if (time === null) continue;
    count++;
    if (next === null || time < next) next = time;
  }
  return { count, next: next === null ? null : new Date(next).toISOString() };
}

/** The posts whose date fell in (since, now]: live only once a publish after `since` builds them. */
export function becameDue<P extends Dated>(posts: readonly P[], since: number, now: number): P[] {
  return posts.filter((post) => {
    if (post.draft) return false;
    const time = dateValue(post.date);
    return time !== null && time > since && time <= now;
  });
}
