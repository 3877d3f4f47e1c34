// The pickers over the window: Find in all posts (open while `finding` holds
// its first text), Link to post (open while the editor's link request is set)
// and the offer of a smaller copy of a large pasted image. Each has its own
// boundary, so one that fails leaves the others and the text alone.
import type { PostSummary } from '../../common/types';
import { insertPostLink } from '../editor/linkToPost';
import { selectMatch } from '../editor/selectMatch';
import { useStore } from '../store';
import { useWindowParts } from '../windowParts';
import { FindInPosts } from './FindInPosts';
import { LargeImageDialog } from './LargeImageDialog';
import { LinkToPost } from './LinkToPost';
import { PanelBoundary } from './PanelBoundary';

interface PickersProps {
  /** The post open in the editor. */
  post: PostSummary | null;
  posts: readonly PostSummary[];
  /** Find in all posts is open, starting from this text. */
  finding: string | null;
  onFinding: (finding: string | null) => void;
}

export function Pickers({ post, posts, finding, onFinding }: PickersProps) {
  const { view, session, linkRequest, largeImages } = useWindowParts();
  const linking = useStore(linkRequest);
  const largeImage = useStore(largeImages.store);
  return (
    <>
      <PanelBoundary key={finding === null ? 'find-closed' : 'find-open'} name="Find in all posts" onClose={() => onFinding(null)}>
        {finding !== null && (
          <FindInPosts
            initialQuery={finding}
            posts={posts}
            onPick={async (postId, match) => {
              onFinding(null);
              if (await session.open(postId)) requestAnimationFrame(() => selectMatch(view, match.line, match.column, match.length));
            }}
            onClose={() => onFinding(null)}
          />
        )}
      </PanelBoundary>
      <PanelBoundary key={linking ? 'link-open' : 'link-closed'} name="Link to post" onClose={() => linkRequest.set(null)}>
        {linking && post && (
          <LinkToPost
            current={post}
            posts={posts}
            onPick={(target) => {
              linkRequest.set(null);
              insertPostLink(view, linking, post.path, target);
            }}
            onClose={() => linkRequest.set(null)}
          />
        )}
      </PanelBoundary>
      <PanelBoundary key={largeImage ? 'large-image-open' : 'large-image-closed'} name="The large image offer" onClose={() => largeImage?.choose('cancel')}>
        {largeImage && <LargeImageDialog key={largeImage.name + largeImage.facts.bytes} offer={largeImage} />}
      </PanelBoundary>
    </>
  );
}
