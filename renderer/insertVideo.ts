// Insert video, in the page: the backend fetches the video's title and
// thumbnail (the page has no network) and stores the thumbnail beside the
// post; the editor gets the markdown (editor/videoInsert.ts). Nothing the
// network does loses the insert: without the backend's answer the bare
// address goes in, which the preview and the site show as a placeholder.
import type { EditorView } from '@codemirror/view';
import type { AddedVideo } from '../common/addedVideo';
import type { BlogApi } from '../common/api';
import { parseVideoUrl, videoHostName, watchUrl } from '../common/videoUrl';
import { placeVideo, videoMarkdown } from './editor/videoInsert';
import type { Notices } from './notices';
import { errorMessage } from '../common/errors';

export interface VideoInsertDeps {
  api: Pick<BlogApi, 'assets'>;
  view: EditorView;
  notify: Notices['push'];
  /** The post the editor holds now: an answer for another post must not land in this one. */
  openPostId: () => string | null;
}

async function fetchVideo(deps: VideoInsertDeps, postId: string, address: string): Promise<AddedVideo> {
  try {
    return await deps.api.assets.addVideo(postId, address);
  } catch (error) {
    const video = parseVideoUrl(address);
    if (!video) throw error;
    return { url: watchUrl(video), title: '', thumbnail: null, problem: errorMessage(error) };
  }
}

function tellProblem(deps: VideoInsertDeps, added: AddedVideo): void {
  if (!added.problem) return;
  deps.notify(
    'info',
    added.thumbnail
      ? `The video is in, without its title: ${added.problem}.`
      : `The video is in without a thumbnail: ${added.problem}. It shows as a placeholder with its address; insert it again when online to add one.`,
  );
}

/** Inserts the video at `at` (the caret when the author asked) as a paragraph of its own. */
export async function insertVideo(deps: VideoInsertDeps, postId: string, address: string, at: number): Promise<void> {
  const added = await fetchVideo(deps, postId, address);
  if (deps.openPostId() !== postId) {
    deps.notify('info', `Another post was opened meanwhile, so the video was not inserted. ${added.thumbnail ? `Its thumbnail is at ${added.thumbnail.path}.` : ''}`.trim());
    return;
  }
  const { state } = deps.view;
  deps.view.dispatch({ ...placeVideo(state, Math.min(at, state.doc.length), videoMarkdown(added)), scrollIntoView: true, userEvent: 'input' });
  tellProblem(deps, added);
}

/** The paste offer's yes: the line that holds just `address` (the one nearest `near`) becomes the video with its thumbnail. */
export async function addThumbnail(deps: VideoInsertDeps, postId: string, address: string, near: number): Promise<void> {
  const added = await fetchVideo(deps, postId, address);
  if (!added.thumbnail || deps.openPostId() !== postId) return tellProblem(deps, added);
  const { doc } = deps.view.state;
  let best: { from: number; to: number } | null = null;
  for (let n = 1; n <= doc.lines; n++) {
    const line = doc.line(n);
    if (line.text.trim() === address && (!best || Math.abs(line.from - near) < Math.abs(best.from - near))) best = line;
  }
  if (!best) {
    deps.notify('info', `The ${videoHostName[parseVideoUrl(address)!.host]} address is no longer in the post, so nothing changed; its thumbnail is at ${added.thumbnail.path}.`);
    return;
  }
  deps.view.dispatch({ changes: { from: best.from, to: best.to, insert: videoMarkdown(added) }, userEvent: 'input' });
  tellProblem(deps, added);
}
