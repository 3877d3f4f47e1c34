// The open post's panes, as the view mode lays them out: the outline beside the
// text (when asked for), the editor column (the Details panel above the text)
// and the preview. Each has its own boundary, so a failing panel leaves the text.
import type { EditorView } from '@codemirror/view';
import type { PostSummary } from '../../common/types';
import type { EditorStatus } from '../editorStatus';
import type { FrontMatterSync } from '../frontMatter/frontMatterSync';
import type { Notices } from '../notices';
import type { Settings } from '../preferences/appPreferences';
import type { PreviewController } from '../preview/previewController';
import type { PostSession } from '../session';
import { EditorHost } from './EditorHost';
import { FrontMatterPanel } from './FrontMatterPanel';
import { OutlinePanel } from './OutlinePanel';
import { PanelBoundary } from './PanelBoundary';
import { PreviewPane } from './PreviewPane';

interface PostPanesProps {
  view: EditorView;
  session: PostSession;
  status: EditorStatus;
  frontMatter: FrontMatterSync;
  preview: PreviewController;
  notices: Notices;
  /** The post open in the editor. */
  post: PostSummary | null;
  posts: readonly PostSummary[];
  viewMode: Settings['viewMode'];
  outlinePanel: boolean;
  onOpenExternal: (url: string) => void;
}

export function PostPanes({ view, session, status, frontMatter, preview, notices, post, posts, viewMode, outlinePanel, onOpenExternal }: PostPanesProps) {
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
