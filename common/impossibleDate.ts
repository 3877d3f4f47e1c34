// Dates with the right shape that cannot exist (2024-02-30, month 13, 25:00).
// One rule for `postwright check` and the app's date field, so they agree.

// Named once: toLocaleString costs ~0.15 ms a call, which every dated post paid.
const monthNames = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2000, i, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' }));
const parts = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** Why a well-formed YYYY-MM-DD[THH:MM[:SS]] date (see common/post normalizeDate) cannot exist, or null if it can. */
export function impossibleDate(normal: string): string | null {
  const found = parts.exec(normal);
  if (!found) return null;
  const [year, month, day, hour, minute, second] = found.slice(1, 7).map((n) => Number(n ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12) return `has no month ${month}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `does not exist: ${monthNames[month - 1]} ${year} has ${days} days`;
  if (hour > 23 || minute > 59 || second > 59) return 'has a time that does not exist';
  return null;
}
