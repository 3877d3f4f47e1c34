// Insert video, in the backend: the video's title and thumbnail are fetched
// once (videoDetails.ts) and the thumbnail is stored beside the post like a
// pasted image. Nothing that goes wrong on the network stops the insert: the
// author gets the video without a thumbnail, and is told why.
import type { AddedVideo } from '../../common/addedVideo';
import { ApiError } from '../../common/errors';
import { parseVideoUrl, watchUrl } from '../../common/videoUrl';
import type { Workspace } from '../workspace/workspace';
import { fetchVideoDetails } from './videoDetails';

export async function addVideo(workspace: Workspace, postId: string, address: string): Promise<AddedVideo> {
  const video = parseVideoUrl(address);
  if (!video) {
    throw new ApiError('invalid-arguments', `${JSON.stringify(address.slice(0, 200))} is not a YouTube or Vimeo video address (such as https://www.youtube.com/watch?v=… or https://vimeo.com/…).`);
  }
  // The post first: a post that is gone fails at once, before anything is fetched.
  await workspace.read(postId);
  const details = await fetchVideoDetails(video);
  let thumbnail: AddedVideo['thumbnail'] = null;
  let problem = details.problem;
  if (details.thumbnail) {
    try {
      thumbnail = await workspace.addAsset(postId, `${video.host}-${video.id}`, details.thumbnail);
    } catch (error) {
      problem = `the thumbnail could not be saved: ${ApiError.from(error).message}`;
    }
  }
  return { url: watchUrl(video), title: details.title, thumbnail, problem };
}
