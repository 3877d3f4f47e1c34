import type { PostSummary } from '../../common/api';
import { formatDate } from '../postFilter';
import { Icon } from './Icon';

interface PostRowProps {
  post: PostSummary;
  /** The post open in the editor. */
  selected: boolean;
  /** The row that holds the list's one tab stop. */
  active: boolean;
  /** Another post has the same title: show the file name to tell them apart. */
  showFile: boolean;
  onOpen: () => void;
  onFocus: () => void;
  ref: (el: HTMLLIElement | null) => void;
}

export function PostRow({ post, selected, active, showFile, onOpen, onFocus, ref }: PostRowProps) {
  const problem = post.error ? `Front matter problem on line ${post.error.line}: ${post.error.message}` : undefined;
  return (
    <li
      ref={ref}
      id={`post-${post.id}`}
      role="option"
      aria-selected={selected}
      aria-description={problem}
      tabIndex={active ? 0 : -1}
      className="post-row"
      title={post.path}
      onClick={onOpen}
      onFocus={onFocus}
    >
      <span className="post-title">{post.title || post.slug || post.path}</span>
      <span className="post-meta">
        {post.date && <time dateTime={post.date}>{formatDate(post.date)}</time>}
        {post.draft && <span className="badge">draft</span>}
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
}
