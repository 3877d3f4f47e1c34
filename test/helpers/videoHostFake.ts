// A CONTRACT FAKE of the video hosts Insert video asks (electron/video/videoDetails.ts).
// No real YouTube or Vimeo can be reached here (no network beyond npm and apt),
// so this node:http server on 127.0.0.1 answers exactly the requests the app
// makes, as the hosts document them. The app reaches it only through the
// test-only environment variable POSTWRIGHT_TEST_VIDEO_HOSTS, which
// startVideoHostFake() sets (and stop() restores): every request then goes
// to `BASE/<real host>/<path>?<query>`.
//
//   GET /www.youtube.com/oembed?url=<watch URL>&format=json
//       oEmbed 1.0 (oembed.com, §2.3.4 "Response parameters"): a JSON object
//       with type "video", version "1.0", title, author_name, provider_name
//       "YouTube", thumbnail_url, width, height and html. A video YouTube does
//       not have gets HTTP 404 (oembed.com §2.3.5: "404 Not Found").
//   GET /i.ytimg.com/vi/<id>/hqdefault.jpg
//       A 480×360 JPEG. For a video without one, YouTube answers HTTP 404 and
//       still sends a grey JPEG body (github.com/paulirish/lite-youtube-embed,
//       youtube-thumbnail-urls.md): so does this fake.
//   GET /vimeo.com/api/oembed.json?url=<vimeo URL>
//       Vimeo's oEmbed (developer.vimeo.com/api/oembed/videos): type "video",
//       title, provider_name "Vimeo", video_id, thumbnail_url on i.vimeocdn.com
//       (e.g. https://i.vimeocdn.com/video/452001751-…-d_640), its width and height.
//   GET /i.vimeocdn.com/video/<name>
//       The JPEG that thumbnail_url names.
//
// Every request is recorded, so a test can say what was (and was not) asked.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

export interface FakeVideo {
  title: string;
  /** Without a thumbnail, the thumbnail request gets YouTube's 404 with a JPEG body. */
  thumbnail?: boolean;
}

export interface VideoHostFake {
  /** What POSTWRIGHT_TEST_VIDEO_HOSTS is set to. */
  readonly url: string;
  /** Each request as "/<host>/<path>?<query>", in arrival order. */
  readonly requests: string[];
  /** The thumbnail bytes the fake serves for a video id. */
  thumbnailOf(id: string): Promise<Buffer>;
  /** Stops at once; the app still points here, so the hosts are now unreachable, as offline. */
  stop(): Promise<void>;
  /** Stops, and points the app back where it pointed before. */
  dispose(): Promise<void>;
}

/** A 480×360 JPEG, labelled with the video's title, so a screenshot shows which it is. */
function thumbnailJpeg(title: string, hue: number): Promise<Buffer> {
  const text = title.replace(/[<>&"']/g, '');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},55%,42%)"/><stop offset="1" stop-color="hsl(${hue + 40},60%,22%)"/></linearGradient></defs>
    <rect width="480" height="360" fill="#000"/><rect y="45" width="480" height="270" fill="url(#g)"/>
    <text x="32" y="280" font-family="DejaVu Sans, sans-serif" font-size="26" fill="#fff">${text}</text></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

export async function startVideoHostFake(videos: Readonly<Record<string, FakeVideo>>): Promise<VideoHostFake> {
  const requests: string[] = [];
  const thumbnails = new Map<string, Promise<Buffer>>();
  const thumbnailOf = (id: string) => {
    if (!thumbnails.has(id)) thumbnails.set(id, thumbnailJpeg(videos[id]?.title ?? 'No thumbnail', (thumbnails.size * 70 + 200) % 360));
    return thumbnails.get(id)!;
  };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const jpeg = async (res: ServerResponse, status: number, id: string) => {
    const bytes = await thumbnailOf(id);
    res.writeHead(status, { 'Content-Type': 'image/jpeg', 'Content-Length': bytes.length });
    res.end(bytes);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const [host, ...path] = url.pathname.split('/').filter(Boolean);
    if (req.method !== 'GET') return json(res, 405, { error: 'GET only' });
    if (host === 'www.youtube.com' && path.join('/') === 'oembed') {
      const id = new URL(url.searchParams.get('url') ?? '').searchParams.get('v') ?? '';
      const video = videos[id];
      if (!video || url.searchParams.get('format') !== 'json') return json(res, 404, 'Not Found');
      return json(res, 200, {
        type: 'video', version: '1.0', title: video.title, author_name: 'Fake Channel', provider_name: 'YouTube', provider_url: 'https://www.youtube.com/',
        thumbnail_url: `https://i.ytimg.com/vi/${id}/hqdefault.jpg`, thumbnail_width: 480, thumbnail_height: 360,
        width: 200, height: 113, html: `<iframe width="200" height="113" src="https://www.youtube.com/embed/${id}?feature=oembed" allowfullscreen></iframe>`,
      });
    }
    if (host === 'i.ytimg.com' && path[0] === 'vi' && path[2] === 'hqdefault.jpg') {
      const id = path[1] ?? '';
      return jpeg(res, videos[id]?.thumbnail === false || !videos[id] ? 404 : 200, id);
    }
    if (host === 'vimeo.com' && path.join('/') === 'api/oembed.json') {
      const id = new URL(url.searchParams.get('url') ?? '').pathname.split('/').filter(Boolean)[0] ?? '';
      const video = videos[id];
      if (!video) return json(res, 404, { error: 'Not Found' });
      return json(res, 200, {
        type: 'video', version: '1.0', provider_name: 'Vimeo', provider_url: 'https://vimeo.com/', title: video.title, author_name: 'Fake Studio', video_id: Number(id),
        ...(video.thumbnail === false ? {} : { thumbnail_url: `https://i.vimeocdn.com/video/${id}-d_640`, thumbnail_width: 640, thumbnail_height: 360 }),
        html: `<iframe src="https://player.vimeo.com/video/${id}?app_id=122963" width="640" height="360" allowfullscreen></iframe>`,
      });
    }
    if (host === 'i.vimeocdn.com' && path[0] === 'video') return jpeg(res, 200, (path[1] ?? '').replace(/-d_640$/, ''));
    return json(res, 404, { error: `The fake serves no ${url.pathname}` });
  }

  const server = createServer((req, res) => void handle(req, res).catch((error: unknown) => json(res, 500, String(error))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const before = process.env.POSTWRIGHT_TEST_VIDEO_HOSTS;
  process.env.POSTWRIGHT_TEST_VIDEO_HOSTS = url;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeAllConnections();
    await closed;
  };
  return {
    url,
    requests,
    thumbnailOf,
    stop,
    async dispose() {
      await stop();
      if (before === undefined) delete process.env.POSTWRIGHT_TEST_VIDEO_HOSTS;
      else process.env.POSTWRIGHT_TEST_VIDEO_HOSTS = before;
    },
  };
}
