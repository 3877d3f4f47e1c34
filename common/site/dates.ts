// Post dates as instants. Dates without a zone are read as UTC, never as the
// machine's local time, so a build gives the same order and the same feed
// timestamps everywhere.

/** Milliseconds since the epoch for a normalised post date (see common/post normalizeDate), or null. */
export function dateValue(date: string | null): number | null {
  if (!date) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(date);
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), Math.round(Number(m[7] ?? 0) * 1000));
  const zone = m[8];
  if (!zone || zone === 'Z') return Number.isNaN(utc) ? null : utc;
  const sign = zone[0] === '-' ? -1 : 1;
  const offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  return utc - offset;
}
