// A filter field over a list, in a modal: the shape of the command palette and
// the outline. Typing filters (fuzzily), arrows move, Enter picks, Esc closes
// (and the Dialog hands focus back to where it was, normally the editor).
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { fuzzyFilter } from '../fuzzy';
import { Dialog } from './Dialog';
import { usePicker } from './usePicker';
import './QuickPick.css';

export interface PickItem {
  id: string;
  label: string;
  /** Shown at the right, e.g. a shortcut. */
  hint?: string;
  /** Nesting depth, for the outline's heading levels. */
  depth?: number;
}

interface QuickPickProps {
  /** The dialog's accessible name. */
  title: string;
  placeholder: string;
  items: readonly PickItem[];
  /** The item highlighted before anything is typed. */
  initialId?: string;
  /** Said when nothing matches. */
  empty: string;
  onPick: (id: string) => void;
  onClose: () => void;
}

/** The label with its matched characters marked. */
function Highlighted({ text, positions }: { text: string; positions: number[] }): ReactNode {
  if (!positions.length) return text;
  const marked = new Set(positions);
  const parts: ReactNode[] = [];
  let i = 0;
  while (i < text.length) {
    const on = marked.has(i);
    let j = i;
    while (j < text.length && marked.has(j) === on) j++;
    parts.push(on ? <mark key={i}>{text.slice(i, j)}</mark> : text.slice(i, j));
    i = j;
  }
  return parts;
}

export function QuickPick({ title, placeholder, items, initialId, empty, onPick, onClose }: QuickPickProps) {
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const results = useMemo(() => fuzzyFilter(items, query, (item) => item.label), [items, query]);
  const { current, active, setActive, optionId, list, listId, combobox } = usePicker({
    options: results,
    keyOf: (result) => result.item.id,
    onPick: (result) => onPick(result.item.id),
    initial: () => Math.max(0, items.findIndex((item) => item.id === initialId)),
  });

  return (
    <Dialog title={title} onClose={onClose} initialFocus={input} className="quick-pick" titleHidden>
      <input
        ref={input}
        {...combobox}
        aria-label={title}
        placeholder={placeholder}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
      />
      <ul ref={list} id={listId} role="listbox" aria-label={title} className="quick-pick-list">
        {results.map((result, index) => (
          <li
            key={result.item.id}
            id={optionId(result)}
            role="option"
            aria-selected={result === current}
            className="quick-pick-item"
            style={result.item.depth ? { paddingInlineStart: `${12 + result.item.depth * 16}px` } : undefined}
            onMouseMove={() => index !== active && setActive(index)}
            // Keep focus in the field; the click picks.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(result.item.id)}
          >
            <span className="quick-pick-label">
              <Highlighted text={result.item.label} positions={result.match.positions} />
            </span>
            {result.item.hint && <kbd className="quick-pick-hint">{result.item.hint}</kbd>}
          </li>
        ))}
      </ul>
      {!results.length && (
        <p className="quick-pick-empty" role="status">
          {empty}
        </p>
      )}
    </Dialog>
  );
}
