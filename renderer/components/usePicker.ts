// The keyboard side of a picker (QuickPick, Find in all posts): focus stays in
// a combobox field while the arrows and Page keys move the active option
// through the listbox (wrapping at the ends), Enter picks it, and the active
// option is kept scrolled into view.
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

interface PickerOptions<T> {
  options: readonly T[];
  /** An option's key, unique in the list: its element id is made from it. */
  keyOf: (option: T) => string;
  onPick: (option: T) => void;
  /** The option active before a key is pressed. */
  initial?: number | (() => number);
}

/** Page Up and Page Down move this many options. */
const PAGE = 8;

export function usePicker<T>({ options, keyOf, onPick, initial = 0 }: PickerOptions<T>) {
  const list = useRef<HTMLUListElement>(null);
  const listId = useId();
  const [active, setActive] = useState(initial);
  const current = options[Math.min(active, options.length - 1)];
  const optionId = (option: T) => `${listId}-${keyOf(option)}`;

  useLayoutEffect(() => {
    if (current) list.current?.querySelector(`[id="${CSS.escape(optionId(current))}"]`)?.scrollIntoView({ block: 'nearest' });
  });

  function onKeyDown(event: KeyboardEvent) {
    const move = (to: number) => {
      event.preventDefault();
      if (options.length) setActive((to + options.length) % options.length);
    };
    const at = Math.min(active, options.length - 1);
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'PageDown') move(Math.min(at + PAGE, options.length - 1));
    else if (event.key === 'PageUp') move(Math.max(at - PAGE, 0));
    else if (event.key === 'Enter' && current) {
      event.preventDefault();
      onPick(current);
    }
  }

  return {
    current,
    active,
    setActive,
    optionId,
    list,
    listId,
    /** The field's attributes that tie it to the list. */
    combobox: {
      className: 'quick-pick-input',
      role: 'combobox',
      'aria-expanded': true,
      'aria-controls': listId,
      'aria-autocomplete': 'list',
      'aria-activedescendant': current ? optionId(current) : undefined,
      spellCheck: false,
      autoComplete: 'off',
      onKeyDown,
    },
  } as const;
}
