// Dates as readers see them. Fixed to UTC and one locale per call, so a build
// gives the same bytes on every machine.
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-03-18" or "2024-03-18T09:30" → "18 March 2024"; anything unreadable is returned as written. */
export function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  const month = match ? months[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : date;
}
