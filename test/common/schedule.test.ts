import { describe, expect, it } from 'vitest';
import { becameDue, goesLiveAt, scheduleOf } from '../../common/schedule';

const now = Date.parse('2026-12-08T09:00:00Z');
const post = (date: string | null, draft = false) => ({ date, draft });

describe('scheduled posts', () => {
  it('a post dated after now is scheduled; one dated now, a draft, or an undated post is not', () => {
    expect(goesLiveAt(post('2026-12-08T09:00:01Z'), now)).toBe(now + 1000);
    expect(goesLiveAt(post('2026-12-08T09:00:00Z'), now)).toBeNull();
    expect(goesLiveAt(post('2026-12-09', true), now)).toBeNull();
    expect(goesLiveAt(post(null), now)).toBeNull();
    // A date with an offset is that instant: 10:30+02:00 is 08:30 UTC, already live.
    expect(goesLiveAt(post('2026-12-08T10:30:00+02:00'), now)).toBeNull();
  });

  it('counts the scheduled posts and names the soonest', () => {
    expect(scheduleOf([post('2027-01-01'), post('2026-12-24T18:00:00Z'), post('2020-01-01'), post('2030-01-01', true)], now)).toEqual({ count: 2, next: '2026-12-24T18:00:00.000Z' });
    expect(scheduleOf([post('2020-01-01')], now)).toEqual({ count: 0, next: null });
  });

  it('a post became due when its date lies after the last publish and at or before now', () => {
    const since = Date.parse('2026-12-08T08:07:00Z');
    const posts = [post('2026-12-08T08:07:00Z'), post('2026-12-08T08:30:00Z'), post('2026-12-08T09:00:00Z'), post('2026-12-08T09:00:01Z'), post('2026-12-08T08:45:00Z', true)];
    expect(becameDue(posts, since, now).map((p) => p.date)).toEqual(['2026-12-08T08:30:00Z', '2026-12-08T09:00:00Z']);
  });
});
