// The date as a date picker (or date and time, for a timestamp). The picker
// keeps its own text while a date is half typed: a half-typed date has no
// value, and writing that would clear the date under the author's hands.
import { useEffect, useState } from 'react';
import { dateInput } from '../frontMatter/dateValue';

interface DateFieldProps {
  id: string;
  /** The date as written in the front matter. */
  raw: string;
  readOnly: boolean;
  /** Id of the message saying what is wrong with the date, when something is. */
  problemId?: string;
  onChange: (picked: string) => void;
  onDone: () => void;
}

export function DateField({ id, raw, readOnly, problemId, onChange, onDone }: DateFieldProps) {
  const shown = dateInput(raw);
  const [value, setValue] = useState(shown.value);
  useEffect(() => {
    setValue(shown.value);
  }, [shown.value]);
  return (
    <input
      id={id}
      className="fm-input"
      type={shown.type}
      step={shown.step}
      value={value}
      readOnly={readOnly}
      aria-invalid={problemId ? true : undefined}
      aria-describedby={problemId}
      onChange={(e) => {
        setValue(e.target.value);
        if (!e.target.validity.badInput) onChange(e.target.value);
      }}
      onBlur={() => {
        // A half-typed date was never written; show the one that was.
        setValue(shown.value);
        onDone();
      }}
    />
  );
}
