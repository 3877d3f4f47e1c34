// Tags as chips: type and press Enter or comma to add one; remove one with its
// × button, or with Backspace in the empty input. Text left in the input is
// added when focus leaves, so nothing typed is lost. The blog's tags are
// suggested as you type, and a tag the blog already has in another case takes
// the blog's spelling: "Consulting" and "consulting" stay one tag.
import { useRef, useState, type KeyboardEvent } from 'react';
import { tagKey } from '../../common/tagSpellings';
import { Icon } from './Icon';

interface TagChipsProps {
  id: string;
  tags: readonly string[];
  readOnly: boolean;
  /** The blog's tags, each by tagKey with its preferred spelling. */
  known: ReadonlyMap<string, string>;
  onChange: (tags: string[]) => void;
  /** Focus left the field; the edit burst is over. */
  onDone: () => void;
}

export function TagChips({ id, tags, readOnly, known, onChange, onDone }: TagChipsProps) {
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  /** Adds the tags in `text` (comma-separated) that are not there yet. */
  function add(text: string) {
    const have = new Set(tags.map(tagKey));
    const fresh: string[] = [];
    for (const typed of text.split(',').map((t) => t.trim())) {
      if (typed === '' || have.has(tagKey(typed))) continue;
      have.add(tagKey(typed));
      fresh.push(known.get(tagKey(typed)) ?? typed);
    }
    if (fresh.length) onChange([...tags, ...fresh]);
  }

  function remove(index: number) {
    onChange(tags.filter((_, i) => i !== index));
    // Focus goes to the chip that took its place, or to the input.
    requestAnimationFrame(() => {
      const buttons = list.current?.querySelectorAll<HTMLButtonElement>('.tag-remove');
      (buttons?.[Math.min(index, buttons.length - 1)] ?? input.current)?.focus();
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(draft);
      setDraft('');
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      event.preventDefault();
      onChange(tags.slice(0, -1));
    }
  }

  return (
    <div className="tag-chips" onClick={(e) => e.target === e.currentTarget && input.current?.focus()}>
      <ul ref={list} className="tag-list" aria-label="Tags">
        {tags.map((tag, index) => (
          <li key={`${index}:${tag}`} className="tag-chip">
            <span>{tag}</span>
            {!readOnly && (
              <button type="button" className="tag-remove" aria-label={`Remove tag ${tag}`} onClick={() => remove(index)}>
                <Icon name="close" />
              </button>
            )}
          </li>
        ))}
      </ul>
      <input
        ref={input}
        id={id}
        className="tag-input"
        value={draft}
        readOnly={readOnly}
        placeholder={tags.length ? '' : 'Add a tag…'}
        aria-describedby={`${id}-hint`}
        list={`${id}-suggestions`}
        autoComplete="off"
        onChange={(e) => {
          // A pasted "a, b, c" becomes tags at once, keeping what follows the last comma.
          const parts = e.target.value.split(',');
          if (parts.length > 1) add(parts.slice(0, -1).join(','));
          setDraft(parts.at(-1)!);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          add(draft);
          setDraft('');
          onDone();
        }}
      />
      <datalist id={`${id}-suggestions`}>
        {[...known.values()]
          .filter((tag) => !tags.some((t) => tagKey(t) === tagKey(tag)))
          .sort((a, b) => a.localeCompare(b))
          .map((tag) => (
            <option key={tag} value={tag} />
          ))}
      </datalist>
      <span id={`${id}-hint`} className="visually-hidden">
        Press Enter or comma to add a tag; the blog's tags are suggested. Backspace in the empty field removes the last one.
      </span>
    </div>
  );
}
