// The markdown Insert video writes, and where it goes. With a thumbnail it is
// a linked picture, `[![Title](post.assets/youtube-ID.jpg)](https://www.youtube.com/watch?v=ID)`,
// which the pipeline shows as a click-to-load embed (common/markdown/videoEmbed.ts)
// and other generators as a linked picture; without one, the bare address,
// which the pipeline embeds with a placeholder. Either way it is a paragraph
// of its own: inside a sentence it would stay a link.
import type { EditorState, TransactionSpec } from '@codemirror/state';
import type { AddedVideo } from '../../common/addedVideo';

export function videoMarkdown({ url, title, thumbnail }: AddedVideo): string {
  if (!thumbnail) return url;
  // Alt text is one line, and brackets or a backslash would end it early.
  const alt = (title || 'Video').replace(/[[\]\\\n\r]/g, '').slice(0, 200);
  const src = /[\s()<>]/.test(thumbnail.link) ? `<${thumbnail.link}>` : thumbnail.link;
  return `[![${alt}](${src})](${url})`;
}

/**
 * Inserts the video's `markdown` at `at` as a paragraph of its own, with a
 * blank line on each side where there is none: on a blank line or at a
 * line's start it goes there, in the middle of a line after that line. The
 * caret ends up after the video.
 */
export function placeVideo(state: EditorState, at: number, markdown: string): TransactionSpec {
  const line = state.doc.lineAt(at);
  const blank = (n: number) => n < 1 || n > state.doc.lines || state.doc.line(n).text.trim() === '';
  let from = at;
  let before = blank(line.number - 1) ? '' : '\n';
  let after = blank(line.number + 1) ? '' : '\n';
  if (line.text.trim() !== '') {
    if (at === line.from) after = '\n\n';
    else {
      from = line.to;
      before = '\n\n';
    }
  }
  return { changes: { from, insert: before + markdown + after }, selection: { anchor: from + before.length + markdown.length } };
}
