// Video embeds that ask the video host for nothing until the reader clicks.
//
// A post embeds a YouTube or Vimeo video in three ways, and all three become
// the same markup:
// - a bare video URL alone in its paragraph (`https://youtu.be/ID`); a URL
//   inside a sentence stays a link;
// - a linked thumbnail alone in its paragraph,
//   `[![Title](post.assets/youtube-ID.jpg)](https://www.youtube.com/watch?v=ID)`,
//   which is what Insert video writes, and which Jekyll, Hugo and Eleventy
//   show as a linked picture too;
// - Hugo's `{{< youtube ID >}}` and `{{< vimeo ID >}}` (templateTags.ts), and a
//   raw player <iframe> (the sanitizer turns it into this markup).
//
// The markup is the "facade" of Paul Irish's lite-youtube-embed
// (github.com/paulirish/lite-youtube-embed) without its script: a figure
// holding a link to the video's own page, over a thumbnail stored with the
// post (never one from i.ytimg.com or vimeocdn.com, which would tell the host
// who is reading), with a play mark and the title. It works with no script at
// all, so it fits the site's pages, which carry none, and the preview's frames,
// which can run none: a click there opens the video in the browser
// (renderer/openLink.ts). Without a thumbnail a neutral placeholder shows the
// address.
import type { MarkedExtension, Token, Tokens } from 'marked';
import { parseVideoUrl, videoHostName, watchUrl, formatStart, type Video } from '../videoUrl';
import { escapeHtml } from './escape';
import { placeOf } from './urls';

/** The token templateTags.ts makes of `{{< youtube ID >}}` and `{{< vimeo ID >}}`. */
export interface VideoToken {
  type: 'videoEmbed';
  raw: string;
  video: Video;
  title: string;
}

/**
 * The embed's HTML. `title` is plain text (empty when unknown); `thumbnail`
 * is an <img> the pipeline rendered (so it went through its URL checks and
 * the export's resizing), or null for the placeholder.
 */
export function videoEmbedHtml(video: Video, title: string, thumbnail: string | null): string {
  const host = videoHostName[video.host];
  const named = title ? `“${title}”` : 'the video';
  const from = video.start ? ` from ${formatStart(video.start)}` : '';
  const shown = thumbnail ?? `<span class="video-embed-placeholder">${escapeHtml(watchUrl(video).replace(/^https:\/\/(?:www\.)?/, ''))}</span>`;
  return (
    `<figure class="video-embed">` +
    `<a class="video-embed-link" href="${escapeHtml(watchUrl(video))}" aria-label="${escapeHtml(`Play ${named} on ${host}${from}`)}">` +
    `${shown}<span class="video-embed-play" aria-hidden="true"></span></a>` +
    `<figcaption class="video-embed-caption">${escapeHtml(title)}<span class="video-embed-host">${escapeHtml(`${title ? ' · ' : ''}${title ? host : `${host} video`}${from}`)}</span></figcaption>` +
    `</figure>\n`
  );
}

/** What a paragraph embeds, when it holds nothing but a video. */
interface Embedded {
  video: Video;
  title: string;
  /** The linked thumbnail, when the paragraph is one. */
  image: Tokens.Image | null;
}

const blank = (token: Token): boolean => (token.type === 'text' && token.raw.trim() === '') || token.type === 'br';

function embeddedIn(tokens: readonly Token[]): Embedded | null {
  const content = tokens.filter((token) => !blank(token));
  const only = content.length === 1 ? content[0]! : null;
  if (only?.type === 'videoEmbed') {
    const { video, title } = only as unknown as VideoToken;
    return { video, title, image: null };
  }
  if (only?.type !== 'link') return null;
  const link = only as Tokens.Link;
  const video = parseVideoUrl(link.href);
  if (!video) return null;
  // A bare URL: marked's autolinks (GFM's bare URLs and `<…>`) are the links not written as `[text](url)`.
  if (!link.raw.startsWith('[')) return { video, title: '', image: null };
  const inside = link.tokens.filter((token) => !blank(token));
  if (inside.length !== 1 || inside[0]!.type !== 'image') return null;
  const image = inside[0] as Tokens.Image;
  return { video, title: image.text.trim(), image };
}

/** Renders a paragraph that holds only a video as its embed (add after the renderers it relies on for images). */
export function videoEmbeds(): MarkedExtension {
  return {
    extensions: [
      {
        name: 'videoEmbed',
        // Inside a sentence the shortcode is a link: a figure cannot sit in a paragraph.
        renderer(token) {
          const { video, title } = token as unknown as VideoToken;
          return `<a href="${escapeHtml(watchUrl(video))}">${escapeHtml(title || `${videoHostName[video.host]} video`)}</a>`;
        },
      },
    ],
    renderer: {
      paragraph(token: Tokens.Paragraph) {
        const embedded = embeddedIn(token.tokens);
        if (!embedded) return false;
        const { video, title, image } = embedded;
        // Only a picture stored with the post: a thumbnail from the video host would be a request to it.
        const local = image !== null && placeOf(image.href)?.place === 'local';
        const thumbnail = local ? this.parser.parseInline([{ ...image, text: '' }]) || null : null;
        return videoEmbedHtml(video, title, thumbnail);
      },
    },
  };
}
