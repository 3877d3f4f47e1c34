// The date field: which input shows a front-matter date, and how a date picked
// there is written back in the author's own style. A date stays a date, and a
// timestamp keeps its separator, its seconds and its time zone as written.
import { impossibleDate } from '../../common/impossibleDate';

/** YYYY-MM-DD, then optionally a time: separator, HH:MM, :SS[.fraction], zone (each kept verbatim). */
const written = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?([ \t]*(?:Z|z|[+-]\d{1,2}(?::?\d{2})?))?)?$/;

export interface DateInput {
  /** `text` when the value is not a date we can show in a date picker; it is then edited as written. */
  type: 'date' | 'datetime-local' | 'text';
  /** The input's value: YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS], or the text as written. */
  value: string;
  /** For datetime-local: 1 when the author writes seconds, so the picker shows them. */
  step?: number;
}

const pad = (s: string) => s.padStart(2, '0');

/** How to show the date as written (`''` when there is none: a date picker). */
export function dateInput(raw: string): DateInput {
  if (raw.trim() === '') return { type: 'date', value: '' };
  const m = written.exec(raw.trim());
  if (!m) return { type: 'text', value: raw };
  const date = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  // A picker cannot hold 2024-02-30 and would show nothing: keep the text as written, to be corrected.
  if (impossibleDate(date) || (m[5] !== undefined && impossibleDate(`${date}T${pad(m[5])}:${m[6]}`))) return { type: 'text', value: raw };
  if (m[4] === undefined) return { type: 'date', value: date };
  const time = `${pad(m[5]!)}:${m[6]}${m[7] === undefined ? '' : `:${m[7]}`}`;
  return { type: 'datetime-local', value: `${date}T${time}`, step: m[7] === undefined ? 60 : 1 };
}

/**
 * The text to write for a value picked in the input that `raw` was shown in:
 * in raw's style (separator, seconds, zone). An empty pick empties the field.
 */
export function writtenDate(raw: string, picked: string): string {
  const m = written.exec(raw.trim());
  if (picked === '' || !m || m[4] === undefined) return picked;
  const [date = picked, time = ''] = picked.split('T');
  const [hh = '00', mm = '00', ss] = time.split(':');
  let out = `${date}${m[4]}${hh}:${mm}`;
  if (m[7] !== undefined) {
    const seconds = ss ?? '00';
    // Same second as written: keep its fraction too.
    out += `:${seconds}${seconds === m[7] ? (m[8] ?? '') : ''}`;
  }
  return out + (m[9] ?? '');
}
