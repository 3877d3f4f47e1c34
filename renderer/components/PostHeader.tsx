// The strip above the editor: the sidebar toggle, which file is open, and the
// commands that act on it.
import type { PostSummary } from '../../common/api';
import { shortcutLabel } from '../platform';
import { Icon } from './Icon';

interface PostHeaderProps {
  post: PostSummary | null;
  sidebarId: string;
  sidebarOpen: boolean;
  onToggleSidebar: () => void;
  onRename: () => void;
  onDelete: () => void;
}

export function PostHeader({ post, sidebarId, sidebarOpen, onToggleSidebar, onRename, onDelete }: PostHeaderProps) {
  const problem = post?.error ? `Front matter problem on line ${post.error.line}: ${post.error.message}` : null;
  return (
    <div className="post-header">
      <button
        type="button"
        className="icon-button"
        aria-label="Toggle sidebar"
        aria-expanded={sidebarOpen}
        aria-controls={sidebarId}
        title={`${sidebarOpen ? 'Hide' : 'Show'} the posts (${shortcutLabel('\\')})`}
        onClick={onToggleSidebar}
      >
        <Icon name="sidebar" />
      </button>
      {post && (
        <>
          <span className="post-path" title={post.path}>
            {post.path}
          </span>
          {post.draft && <span className="badge">draft</span>}
          {problem && (
            <span className="post-warning with-text" title={problem}>
              <Icon name="warning" />
              <span>Front matter line {post.error?.line}</span>
              <span className="visually-hidden">: {post.error?.message}</span>
            </span>
          )}
          <span className="spacer" />
          <button type="button" className="quiet-button" aria-label="Rename post" onClick={onRename}>
            Rename
          </button>
          <button type="button" className="quiet-button" aria-label="Delete post" onClick={onDelete}>
            Delete
          </button>
        </>
      )}
    </div>
  );
}
