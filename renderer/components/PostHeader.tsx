// The strip above the editor: the sidebar toggle, which file is open, and the
// commands that act on it. Draft and front-matter problems show live in the
// front-matter panel below, not here from the last save.
import type { ReactNode } from 'react';
import type { PostSummary } from '../../common/api';
import { shortcutLabel } from '../commands/modifierKeys';
import { Icon } from './Icon';
import './PostHeader.css';

interface PostHeaderProps {
  post: PostSummary | null;
  sidebarId: string;
  sidebarOpen: boolean;
  onToggleSidebar: () => void;
  onRename: () => void;
  onDelete: () => void;
  /** Workspace-wide tools at the right end (Publish), shown with or without a post. */
  children?: ReactNode;
}

export function PostHeader({ post, sidebarId, sidebarOpen, onToggleSidebar, onRename, onDelete, children }: PostHeaderProps) {
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
          <span className="spacer" />
          <button type="button" className="quiet-button" aria-label="Rename post" onClick={onRename}>
            Rename
          </button>
          <button type="button" className="quiet-button" aria-label="Delete post" onClick={onDelete}>
            Delete
          </button>
        </>
      )}
      {!post && <span className="spacer" />}
      {children}
    </div>
  );
}
