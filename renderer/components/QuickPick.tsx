// A filter field over a list, in a modal: the shape of the command palette and
// the outline. Typing filters (fuzzily), arrows move, Enter picks, Esc closes
// (and the Dialog hands focus back to where it was, normally the editor).
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { fuzzyFilter } from '../fuzzy';
import { Dialog } from './Dialog';
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
  const list = useRef<HTMLUListElement>(null);
  const listId = useId();
  const [query, setQuery] = useState('');
  const results = useMemo(() => fuzzyFilter(items, query, (item) => item.label), [items, query]);
  const [active, setActive] = useState(() => Math.max(0, items.findIndex((item) => item.id === initialId)));
  const current = results[Math.min(active, results.length - 1)];
  const optionId = (id: string) => `${listId}-${id}`;

  useLayoutEffect(() => {
    if (current) list.current?.querySelector(`[id="${CSS.escape(optionId(current.item.id))}"]`)?.scrollIntoView({ block: 'nearest' });
  });

  function onKeyDown(event: KeyboardEvent) {
    const move = (to: number) => {
      event.preventDefault();
      if (results.length) setActive((to + results.length) % results.length);
    };
    const at = Math.min(active, results.length - 1);
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'PageDown') move(Math.min(at + 8, results.length - 1));
    else if (event.key === 'PageUp') move(Math.max(at - 8, 0));
    else if (event.key === 'Enter' && current) {
      event.preventDefault();
      onPick(current.item.id);
    }
  }

  return (
    <Dialog title={title} onClose={onClose} initialFocus={input} className="quick-pick">
      <input
        ref={input}
        className="quick-pick-input"
        role="combobox"
        aria-label={title}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current.item.id) : undefined}
        placeholder={placeholder}
        value={query}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul ref={list} id={listId} role="listbox" aria-label={title} className="quick-pick-list">
        {results.map(({ item, match }, index) => (
          <li
            key={item.id}
            id={optionId(item.id)}
            role="option"
            aria-selected={item === current?.item}
            className="quick-pick-item"
            style={item.depth ? { paddingInlineStart: `${12 + item.depth * 16}px` } : undefined}
            onMouseMove={() => index !== active && setActive(index)}
            // Keep focus in the field; the click picks.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(item.id)}
          >
            <span className="quick-pick-label">
              <Highlighted text={item.label} positions={match.positions} />
            </span>
            {item.hint && <kbd className="quick-pick-hint">{item.hint}</kbd>}
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
