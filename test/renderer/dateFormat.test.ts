// One date format in the UI: the OS locale's medium style, for a post's day
// and for a moment to the minute.
import { afterEach, describe, expect, it } from 'vitest';
import { formatDay, formatTime, setDateLocale } from '../../renderer/dateFormat';

afterEach(() => setDateLocale(null));

describe('dates in the UI', () => {
  it('show a post’s day in the chosen locale’s medium style', () => {
    setDateLocale('en-GB');
    expect(formatDay('2025-01-12')).toBe('12 Jan 2025');
    setDateLocale('en-US');
    expect(formatDay('2025-01-12')).toBe('Jan 12, 2025');
    setDateLocale('de-DE');
    expect(formatDay('2025-01-12')).toBe('12.01.2025');
  });

  it('keep the calendar day as written, whatever the time zone, and show what is not a day as written', () => {
    setDateLocale('en-GB');
    expect(formatDay('2024-12-31T23:30:00+14:00')).toBe('31 Dec 2024');
    expect(formatDay('2024-02-30')).toBe('2024-02-30');
    expect(formatDay('someday')).toBe('someday');
    expect(formatDay(null)).toBe('');
  });

  it('show a moment to the minute in the same style', () => {
    setDateLocale('en-GB');
    expect(formatTime('2026-12-08T09:00:00Z')).toMatch(/^8 Dec 2026, \d\d:00$/);
    setDateLocale('de-DE');
    expect(formatTime(Date.UTC(2026, 11, 8, 9))).toMatch(/^08\.12\.2026, \d\d:00$/);
  });

  it('fall back to the page’s own locale for a tag Intl does not know', () => {
    setDateLocale('not a locale!');
    expect(formatDay('2025-01-12')).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2025, 0, 12)));
  });
});
