import { describe, expect, it } from 'vitest';
import { dateInput, writtenDate } from '../../../renderer/frontMatter/dateValue';

describe('dateInput', () => {
  it('shows a date in a date picker and a timestamp in a date-and-time picker', () => {
    expect(dateInput('2024-03-18')).toEqual({ type: 'date', value: '2024-03-18' });
    expect(dateInput('2024-3-8')).toEqual({ type: 'date', value: '2024-03-08' });
    expect(dateInput('')).toEqual({ type: 'date', value: '' });
    expect(dateInput('2024-03-18T09:30')).toEqual({ type: 'datetime-local', value: '2024-03-18T09:30', step: 60 });
    expect(dateInput('2024-03-18 09:30:15 +0100')).toEqual({ type: 'datetime-local', value: '2024-03-18T09:30:15', step: 1 });
  });

  it('shows anything else as the text written, to be corrected there', () => {
    expect(dateInput('last Tuesday')).toEqual({ type: 'text', value: 'last Tuesday' });
  });
});

describe('writtenDate', () => {
  it("writes a picked value in the style of the date it replaces", () => {
    expect(writtenDate('2024-03-18', '2024-04-01')).toBe('2024-04-01');
    expect(writtenDate('', '2024-04-01')).toBe('2024-04-01');
    expect(writtenDate('2024-03-18T09:30Z', '2024-04-01T10:45')).toBe('2024-04-01T10:45Z');
    expect(writtenDate('2024-03-18 09:30:15 +0100', '2024-04-01T10:45:05')).toBe('2024-04-01 10:45:05 +0100');
    // The picker leaves out zero seconds; the author writes them.
    expect(writtenDate('2024-03-18 09:30:15 +0100', '2024-04-01T10:45')).toBe('2024-04-01 10:45:00 +0100');
    expect(writtenDate('2024-03-18t09:30:15.250+02:00', '2024-03-19T09:30:15')).toBe('2024-03-19t09:30:15.250+02:00');
    expect(writtenDate('2024-03-18t09:30:15.250+02:00', '2024-03-19T09:30:16')).toBe('2024-03-19t09:30:16+02:00');
  });

  it('empties the date for an empty pick, and takes text as typed', () => {
    expect(writtenDate('2024-03-18 09:30', '')).toBe('');
    expect(writtenDate('last Tuesday', 'next Tuesday')).toBe('next Tuesday');
  });

  it('round-trips through the input', () => {
    for (const raw of ['2024-03-18', '2024-03-18T09:30', '2024-03-18 09:30:15 +01:00', '2024-03-18T09:30:15.5Z']) {
      expect(writtenDate(raw, dateInput(raw).value)).toBe(raw);
    }
  });
});
