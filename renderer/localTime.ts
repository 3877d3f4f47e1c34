// Dates and times as the OS locale writes them ("7 Dec 2026, 14:05" or
// "Dec 7, 2026, 2:05 PM"): one format wherever the app shows a moment.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(time: number): string {
  return dateTime.format(time);
}
