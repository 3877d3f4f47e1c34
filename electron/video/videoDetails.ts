// A video's title and thumbnail, asked of its host once, when the author
// inserts the video, so that neither the preview nor the published page ever
// has to ask (see common/markdown/videoEmbed.ts). Only the backend reaches
// the network; the page has none.
//
// Where each comes from:
// - Titles: the hosts' oEmbed endpoints (oembed.com, "Providers"):
//   YouTube's https://www.youtube.com/oembed?url=…&format=json and Vimeo's
//   https://vimeo.com/api/oembed.json?url=… (developer.vimeo.com/api/oembed/videos),
//   each answering JSON with `title` (and Vimeo's `thumbnail_url`).
// - YouTube's thumbnail: https://i.ytimg.com/vi/ID/hqdefault.jpg (480×360,
//   4:3), which every video has; lite-youtube-embed uses the same file
//   (github.com/paulirish/lite-youtube-embed, youtube-thumbnail-urls.md). A
//   video without one gets an HTTP 404 with a grey JPEG body, so the status
//   decides, never the bytes.
// - Vimeo's thumbnail: the oEmbed answer's `thumbnail_url`, fetched only from
//   Vimeo's image host (i.vimeocdn.com) over https.
import { ApiError, errorMessage } from '../../common/errors';
import { videoHostName, watchUrl, type Video } from '../../common/videoUrl';
import { isUnreachable } from '../publish/targets/netFaults';

export interface VideoDetails {
  /** '' when the host did not say. */
  title: string;
  /** The thumbnail's bytes (the caller checks they are an image); null when none could be had. */
  thumbnail: Uint8Array | null;
  /** Why something is missing, for the author; null when nothing is. */
  problem: string | null;
}

const MAX_JSON_BYTES = 64 * 1024;
const MAX_THUMBNAIL_BYTES = 5 * 1024 * 1024;
/** Per request: a host that answers nothing must not hold the insert up for long. */
const TIMEOUT_MS = 15_000;

/**
 * Where a request really goes. TEST ONLY: POSTWRIGHT_TEST_VIDEO_HOSTS sends
 * every request to a fake on 127.0.0.1 instead, as `BASE/<host>/<path>?<query>`
 * (test/helpers/videoHostFake.ts). An environment variable, never a setting,
 * like the Netlify target's POSTWRIGHT_TEST_NETLIFY_API: a workspace must not
 * choose where the app connects.
 */
function reach(url: URL): URL {
  const fake = process.env.POSTWRIGHT_TEST_VIDEO_HOSTS;
  if (!fake) return url;
  return new URL(`${url.hostname}${url.pathname}${url.search}`, fake.endsWith('/') ? fake : `${fake}/`);
}

function oembedUrl(video: Video): URL {
  const url = new URL(video.host === 'youtube' ? 'https://www.youtube.com/oembed' : 'https://vimeo.com/api/oembed.json');
  url.searchParams.set('url', watchUrl({ ...video, start: 0 }));
  if (video.host === 'youtube') url.searchParams.set('format', 'json');
  return url;
}

/** Vimeo's `thumbnail_url`, if it is an https address on Vimeo's image host. */
function vimeoThumbnail(value: unknown): URL | null {
  if (typeof value !== 'string' || !URL.canParse(value)) return null;
  const url = new URL(value);
  return url.protocol === 'https:' && (url.hostname === 'vimeocdn.com' || url.hostname.endsWith('.vimeocdn.com')) ? url : null;
}

/** A title as plain, one-line text of at most 200 characters (no control or bidi-override characters to reorder what is shown around it). */
const cleanTitle = (value: unknown): string =>
  typeof value === 'string' ? value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200) : '';

/** The body, or an error once it passes `max` bytes (read as it arrives, so a huge answer is never held whole). */
async function readCapped(response: Response, max: number, what: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > max) throw new ApiError('io', `${what} is larger than ${Math.round(max / 1024)} KiB.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function get(url: URL, accept: string, max: number, what: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(reach(url), { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { Accept: accept } });
  } catch (error) {
    if (isUnreachable(error)) throw new ApiError('unreachable', `${url.hostname} could not be reached (offline?)`);
    throw new ApiError('io', `${url.hostname} did not answer: ${errorMessage(error)}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new ApiError('io', `${url.hostname} answered HTTP ${response.status} for ${what}`);
  }
  return readCapped(response, max, what);
}

/** The title and thumbnail of `video`; a failure becomes `problem`, never an exception: the insert goes on without them. */
export async function fetchVideoDetails(video: Video): Promise<VideoDetails> {
  const host = videoHostName[video.host];
  let title = '';
  let thumbnailUrl = video.host === 'youtube' ? new URL(`https://i.ytimg.com/vi/${video.id}/hqdefault.jpg`) : null;
  let problem: string | null = null;
  let offline = false;
  try {
    const answer = JSON.parse(Buffer.from(await get(oembedUrl(video), 'application/json', MAX_JSON_BYTES, 'the video’s details')).toString('utf8')) as Record<string, unknown>;
    title = cleanTitle(answer.title);
    if (video.host === 'vimeo') thumbnailUrl = vimeoThumbnail(answer.thumbnail_url);
  } catch (error) {
    offline = error instanceof ApiError && error.code === 'unreachable';
    problem = `${host} gave no title (${reason(error)})`;
  }
  if (!thumbnailUrl) return { title, thumbnail: null, problem: problem ?? `${host} named no thumbnail for this video` };
  // Offline, the second host is no more reachable than the first: one message says so.
  if (offline) return { title, thumbnail: null, problem };
  try {
    return { title, thumbnail: await get(thumbnailUrl, 'image/*', MAX_THUMBNAIL_BYTES, 'the thumbnail'), problem };
  } catch (error) {
    return { title, thumbnail: null, problem: `${problem ? `${problem}; ` : ''}the thumbnail could not be fetched (${reason(error)})` };
  }
}

const reason = (error: unknown): string => (error instanceof SyntaxError ? 'its answer was not JSON' : ApiError.from(error).message);
