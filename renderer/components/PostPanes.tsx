// The open post's panes, as the view mode lays them out: the outline beside the
// text (when asked for), the editor column (the Details panel above the text)
// and the preview. Each has its own boundary, so a failing panel leaves the text.
import type { PostSummary } from '../../common/types';
import type { Settings } from '../preferences/appPreferences';
import { useWindowParts } from '../windowParts';
import { EditorHost } from './EditorHost';
import { FrontMatterPanel } from './FrontMatterPanel';
import { OutlinePanel } from './OutlinePanel';
import { PanelBoundary } from './PanelBoundary';
import { PreviewPane } from './PreviewPane';

interface PostPanesProps {
  /** The post open in the editor. */
  post: PostSummary | null;
  posts: readonly PostSummary[];
  viewMode: Settings['viewMode'];
  outlinePanel: boolean;
  onOpenExternal: (url: string) => void;
}

export function PostPanes({ post, posts, viewMode, outlinePanel, onOpenExternal }: PostPanesProps) {
  const { view, session, status, frontMatter, preview, notices } = useWindowParts();
  return (
    <div className={`panes ${viewMode}`} hidden={!post}>
      {post && outlinePanel && viewMode !== 'preview' && (
        <PanelBoundary name="The outline">
          <OutlinePanel view={view} status={status} />
        </PanelBoundary>
      )}
      {/* The panel heads the editor's own column, so its title lines up with the text in every view mode. */}
      <div className="editor-column" hidden={viewMode === 'preview'}>
        {post && (
          <PanelBoundary name="Details">
            <FrontMatterPanel view={view} frontMatter={frontMatter} postId={post.id} posts={posts} />
          </PanelBoundary>
        )}
        <EditorHost view={view} />
      </div>
      <PanelBoundary name="The preview">
        <PreviewPane
          controller={preview}
          view={view}
          split={viewMode === 'split'}
          hidden={!post || viewMode === 'editor'}
          postPath={post?.path ?? ''}
          onOpenExternal={onOpenExternal}
          onOpenPost={(path) => {
            const target = posts.find((p) => p.path === path);
            if (target) void session.open(target.id);
            else notices.push('error', `No post at ${path} in this workspace.`);
          }}
        />
      </PanelBoundary>
    </div>
  );
}
