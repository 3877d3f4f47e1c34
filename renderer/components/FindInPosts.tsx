// Find in all posts (Mod-Shift-F, or from the sidebar's filter): a full-text
// search of every post, run by the backend as you type, listing each match
// with the line around it. Arrows move, Enter opens the post with the match
// selected, Esc closes.
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, type PostSummary, type SearchResult, type TextMatch } from '../../common/api';
import { MAX_COUNTED } from '../../common/search';
import { useApi } from '../apiContext';
import { Dialog } from './Dialog';
import { usePicker } from './usePicker';
import './QuickPick.css';
import './FindInPosts.css';

interface FindInPostsProps {
  initialQuery: string;
  posts: readonly PostSummary[];
  onPick: (postId: string, match: TextMatch) => void;
  onClose: () => void;
}

/** Typing pauses this long before a search starts: one search per word, not per key. */
const PAUSE_MS = 120;

type Search = { state: 'idle' } | { state: 'busy'; query: string } | { state: 'done'; query: string; result: SearchResult } | { state: 'failed'; message: string };

export function FindInPosts({ initialQuery, posts, onPick, onClose }: FindInPostsProps) {
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState(initialQuery);
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const titles = useMemo(() => new Map(posts.map((p) => [p.id, p.title || p.path])), [posts]);

  const result = search.state === 'done' ? search.result : null;
  const options = useMemo(() => (result?.hits ?? []).flatMap((hit) => hit.matches.map((match, i) => ({ key: `${hit.id}-${i}`, hit, match }))), [result]);
  const { current, setActive, optionId, list, listId, combobox } = usePicker({
    options,
    keyOf: (option) => option.key,
    onPick: (option) => onPick(option.hit.id, option.match),
  });

  useEffect(() => {
    const text = query.trim();
    if (!text) {
      setSearch({ state: 'idle' });
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      setSearch((s) => (s.state === 'done' ? s : { state: 'busy', query: text }));
      api.posts.search(text).then(
        (result) => current && (setSearch({ state: 'done', query: text, result }), setActive(0)),
        (error: unknown) => current && setSearch({ state: 'failed', message: ApiError.from(error).message }),
      );
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query]);

  return (
    <Dialog title="Find in all posts" onClose={onClose} initialFocus={input} className="quick-pick find-in-posts" titleHidden>
      <input
        ref={input}
        {...combobox}
        aria-label="Find in all posts"
        placeholder="Find in all posts…"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <ul ref={list} id={listId} role="listbox" aria-label="Matches" className="quick-pick-list">
        {result?.hits.map((hit) => (
          <li key={hit.id} role="presentation" className="find-post">
            <div className="find-post-title" aria-hidden="true">
              <span>{titles.get(hit.id) ?? hit.path}</span>
              <span className="find-post-count">{hit.count === 1 ? '1 match' : `${hit.count >= MAX_COUNTED ? `${MAX_COUNTED}+` : hit.count} matches`}</span>
            </div>
            <ul role="group" aria-label={titles.get(hit.id) ?? hit.path} className="find-post-matches">
              {hit.matches.map((match, i) => {
                const option = options.find((o) => o.hit === hit && o.match === match)!;
                return (
                  <li
                    key={i}
                    id={optionId(option)}
                    role="option"
                    aria-selected={option === current}
                    className="quick-pick-item find-match"
                    onMouseMove={() => option !== current && setActive(options.indexOf(option))}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => onPick(hit.id, match)}
                  >
                    <span className="find-line">{match.line}</span>
                    <span className="quick-pick-label">
                      {match.before}
                      <mark>{match.match}</mark>
                      {match.after}
                    </span>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
      <p className="quick-pick-empty find-status" role="status">
        {statusText(search)}
      </p>
    </Dialog>
  );
}

function statusText(search: Search): string {
  switch (search.state) {
    case 'idle':
      return 'Type to search the text of every post.';
    case 'busy':
      return `Searching for “${search.query}”…`;
    case 'failed':
      return `Couldn't search: ${search.message}`;
    case 'done': {
      const { total, hits, searched } = search.result;
      if (total === 0) return `No post contains “${search.query}” (${searched} searched).`;
      const posts = total === 1 ? '1 post' : `${total} posts`;
      return hits.length < total ? `${posts} match; the ${hits.length} with the most matches are shown.` : `${posts} of ${searched} match.`;
    }
  }
}
