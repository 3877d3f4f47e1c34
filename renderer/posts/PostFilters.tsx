import type { KeyboardEvent } from 'react';
import type { PostFilter, StatusFilter } from './postFilter';
import './PostFilters.css';

interface PostFiltersProps {
  filter: PostFilter;
  tags: readonly string[];
  onChange: (filter: PostFilter) => void;
  /** ArrowDown in the text field moves into the list. */
  onEnterList: () => void;
}

const statuses: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'drafts', label: 'Drafts' },
  { value: 'published', label: 'Published' },
];

export function PostFilters({ filter, tags, onChange, onEnterList }: PostFiltersProps) {
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      onEnterList();
    }
  }

  return (
    <div className="filters">
      <input
        type="search"
        className="filter-text"
        placeholder="Filter…"
        aria-label="Filter posts"
        value={filter.text}
        spellCheck={false}
        onChange={(event) => onChange({ ...filter, text: event.target.value })}
        onKeyDown={onKeyDown}
      />
      <div className="filter-selects">
        <select aria-label="Status" value={filter.status} onChange={(event) => onChange({ ...filter, status: event.target.value as StatusFilter })}>
          {statuses.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <select aria-label="Tag" value={filter.tag} onChange={(event) => onChange({ ...filter, tag: event.target.value })}>
          <option value="">All tags</option>
          {/* Keep a chosen tag selectable even if its last post just lost it. */}
          {(filter.tag && !tags.includes(filter.tag) ? [filter.tag, ...tags] : tags).map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
