// One date format throughout the UI: the OS locale's, through Intl, in the
// medium style ("18 Mar 2024" in en-GB, "Mar 18, 2024" in en-US, "18.03.2024"
// in de-DE). The desktop app gives the OS's locale for dates at start-up
// (app.systemLocale); a browser tab, which has none to give, uses its own.
import { impossibleDate } from '../common/impossibleDate';

let dayFormat = formats(undefined).day;
let timeFormat = formats(undefined).time;

function formats(locale: string | undefined) {
  return {
    // A post's date is a calendar day as written: shown in UTC, it never moves to the day before in another time zone.
    day: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
    time: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  };
}

/** Sets the locale dates are shown in; null or a tag Intl does not know keeps the page's own. */
export function setDateLocale(locale: string | null): void {
  let chosen: string | undefined;
  try {
    chosen = locale ? Intl.getCanonicalLocales(locale)[0] : undefined;
  } catch {
    chosen = undefined;
  }
  ({ day: dayFormat, time: timeFormat } = formats(chosen));
}

/** A post's `YYYY-MM-DD[…]` date as the day it names; anything else as written. */
export function formatDay(date: string | null): string {
  if (!date) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  // A date that cannot exist (2024-02-30) is shown as written, not as if it were real.
  if (!match || impossibleDate(date)) return date;
  return dayFormat.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** A moment (ms since the epoch, or an ISO string) in the author's time zone, to the minute. */
export function formatTime(time: number | string): string {
  return timeFormat.format(new Date(time));
}
