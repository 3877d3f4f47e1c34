// Which YouTube or Vimeo video an address names, read with the URL parser:
// the host and the path segments decide, never a pattern over the whole URL
// (a pattern would take `https://youtube.com.evil.example/watch?v=…` or miss
// `HTTPS://YOUTU.BE/…`). Only the parts are checked with patterns: an id, a
// hash, a start time.
//
// Forms, as the hosts publish them:
// - YouTube: youtube.com/watch?v=ID, youtu.be/ID, youtube.com/shorts/ID,
//   youtube.com/live/ID, and the player, youtube.com/embed/ID or
//   youtube-nocookie.com/embed/ID ("Embed a YouTube player",
//   developers.google.com/youtube/player_parameters). A start time is `t=`
//   on a watch or short link (`t=90`, `t=1m30s`) and `start=` on the player.
// - Vimeo: vimeo.com/ID, vimeo.com/ID/HASH (an unlisted video),
//   vimeo.com/channels/NAME/ID, and the player, player.vimeo.com/video/ID?h=HASH
//   (developer.vimeo.com/player/sdk/embed); a start time is the fragment `#t=90s`.

export type VideoHost = 'youtube' | 'vimeo';

export interface Video {
  host: VideoHost;
  /** YouTube's 11-character id, or Vimeo's number. */
  id: string;
  /** Where playback starts, in whole seconds (0: the beginning). */
  start: number;
  /** An unlisted Vimeo video's hash, without which it does not play. */
  hash?: string;
}

/** As readers know the hosts. */
export const videoHostName: Readonly<Record<VideoHost, string>> = { youtube: 'YouTube', vimeo: 'Vimeo' };

/** Every YouTube video id is 11 characters of the URL-safe base64 alphabet. */
const YOUTUBE_ID = /^[\w-]{11}$/;
const VIMEO_ID = /^\d{1,12}$/;
const VIMEO_HASH = /^[\da-f]{6,20}$/i;
/** `90`, `90s`, `1m30s`, `1h2m3s`: the spellings both hosts accept for a start time. */
const TIME = /^(?:(\d{1,3})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s?)?$/;

/** The video `text` links to, or null when it is not a YouTube or Vimeo video address. */
export function parseVideoUrl(text: string): Video | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.port) return null;
  const path = url.pathname.split('/').filter(Boolean);
  switch (url.hostname.replace(/^(?:www|m)\./, '')) {
    case 'youtu.be':
      return youtube(path.length === 1 ? path[0] : undefined, url.searchParams.get('t'));
    case 'youtube.com':
      if (path.length === 1 && path[0] === 'watch') return youtube(url.searchParams.get('v') ?? undefined, url.searchParams.get('t'));
      if (path.length === 2 && (path[0] === 'shorts' || path[0] === 'live')) return youtube(path[1], url.searchParams.get('t'));
      if (path.length === 2 && path[0] === 'embed') return youtube(path[1], url.searchParams.get('start'));
      return null;
    case 'youtube-nocookie.com':
      return path.length === 2 && path[0] === 'embed' ? youtube(path[1], url.searchParams.get('start')) : null;
    case 'vimeo.com':
      if (path.length === 3 && path[0] === 'channels') return vimeo(path[2], undefined, url.hash);
      return path.length === 1 || path.length === 2 ? vimeo(path[0], path[1], url.hash) : null;
    case 'player.vimeo.com':
      return path.length === 2 && path[0] === 'video' ? vimeo(path[1], url.searchParams.get('h') ?? undefined, url.hash) : null;
    default:
      return null;
  }
}

function youtube(id: string | undefined, time: string | null): Video | null {
  return id !== undefined && YOUTUBE_ID.test(id) ? { host: 'youtube', id, start: seconds(time) } : null;
}

function vimeo(id: string | undefined, hash: string | undefined, fragment: string): Video | null {
  if (id === undefined || !VIMEO_ID.test(id) || (hash !== undefined && !VIMEO_HASH.test(hash))) return null;
  const start = seconds(new URLSearchParams(fragment.slice(1)).get('t'));
  return hash === undefined ? { host: 'vimeo', id, start } : { host: 'vimeo', id, start, hash };
}

/** A start time in seconds; 0 for none or one that is not a time. */
function seconds(time: string | null): number {
  const m = time ? TIME.exec(time) : null;
  if (!m) return 0;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** The video's own page, where a reader watches it: the link an embed is. */
export function watchUrl(video: Video): string {
  if (video.host === 'youtube') return `https://www.youtube.com/watch?v=${video.id}${video.start ? `&t=${video.start}s` : ''}`;
  return `https://vimeo.com/${video.id}${video.hash ? `/${video.hash}` : ''}${video.start ? `#t=${video.start}s` : ''}`;
}

/** "1:02:03" or "4:05", for saying where a video starts. */
export function formatStart(start: number): string {
  const h = Math.floor(start / 3600);
  const m = Math.floor((start % 3600) / 60);
  const s = String(start % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
