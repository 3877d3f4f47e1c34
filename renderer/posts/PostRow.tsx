import { memo } from 'react';
import type { PostSummary } from '../../common/api';
import { goesLiveAt } from '../../common/schedule';
import { formatDay, formatTime } from '../dateFormat';
import { Icon } from '../components/Icon';
import './PostRow.css';

interface PostRowProps {
  post: PostSummary;
  /** Position in the (filtered) list; the virtualizer reads it back from data-index. */
  index: number;
  /** How many posts the list has: only some rows are in the DOM, so each says where it sits. */
  setSize: number;
  /** Offset from the top of the list, in px. */
  start: number;
  /** The post open in the editor. */
  selected: boolean;
  /** The row that holds the list's one tab stop. */
  active: boolean;
  /** Another post has the same title: show the file name to tell them apart. */
  showFile: boolean;
  // Callbacks take the post's id so one stable function serves every row (and memo holds).
  onOpen: (id: string) => void;
  onFocus: (id: string) => void;
  ref: (el: HTMLLIElement | null) => void;
}

export const PostRow = memo(function PostRow({ post, index, setSize, start, selected, active, showFile, onOpen, onFocus, ref }: PostRowProps) {
  const scheduledAt = goesLiveAt(post, Date.now());
  const problem = post.error ? `Front matter problem on line ${post.error.line}: ${post.error.message}` : undefined;
  return (
    <li
      ref={ref}
      id={`post-${post.id}`}
      data-index={index}
      role="option"
      aria-selected={selected}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      aria-description={problem}
      tabIndex={active ? 0 : -1}
      className="post-row ring-inside"
      style={{ top: start }}
      title={post.path}
      onClick={() => onOpen(post.id)}
      onFocus={() => onFocus(post.id)}
    >
      <span className="post-title">{post.title || post.slug || post.path}</span>
      <span className="post-meta">
        {scheduledAt === null ? (
          post.date && <time dateTime={post.date}>{formatDay(post.date)}</time>
        ) : (
          // When it goes live, to the minute, in the author's own time zone.
          <time dateTime={new Date(scheduledAt).toISOString()} title="Goes live at the first publish after this time">
            {formatTime(scheduledAt)}
          </time>
        )}
        {post.draft && <span className="badge">draft</span>}
        {scheduledAt !== null && <span className="badge scheduled">scheduled</span>}
        {problem && (
          <span className="post-warning" aria-description={problem} title={problem}>
            <Icon name="warning" />
            Front matter error
          </span>
        )}
        {showFile && (
          // Clipped from the left: the end of a name is what tells copies apart.
          <span className="post-file">
            <bdi>{post.path.slice(post.path.lastIndexOf('/') + 1)}</bdi>
          </span>
        )}
      </span>
    </li>
  );
});
