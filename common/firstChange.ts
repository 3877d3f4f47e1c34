// Where two versions of a post part ways: the first line that differs, for
// telling history entries apart ("line 12: “The retry budget…”").

export interface FirstChange {
  /** 1-based line in the newer version (where a removal leaves its gap, for a removal). */
  line: number;
  /** The newer version's line there, trimmed and cut short; '' when the change removed lines. */
  text: string;
}

const SHOWN = 80;

export function firstChange(older: string, newer: string): FirstChange | null {
  if (older === newer) return null;
  const a = older.split('\n');
  const b = newer.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // Only lines removed at the end: the gap is after the last line the newer version kept.
  if (i >= b.length) return { line: b.length, text: '' };
  // A line whose only change is whitespace still counts, but a blank one says little: show the next line with words.
  const shown = b.slice(i).find((line) => line.trim() !== '')?.trim() ?? '';
  return { line: i + 1, text: shown.length > SHOWN ? `${shown.slice(0, SHOWN - 1)}\u2026` : shown };
}
