// What Insert video writes and where, as pure state changes: always a
// paragraph of its own (inside a sentence a video URL stays a link), the
// caret after it.
import { describe, expect, it } from 'vitest';
import { placeVideo, videoMarkdown } from '../../../renderer/editor/videoInsert';
import { changeAt } from './mkState';

const video = '[![Talk](p.assets/youtube-x.jpg)](https://www.youtube.com/watch?v=dQw4w9WgXcQ)';
/** Inserts the video at the `^` in `spec`. */
const place = (spec: string) => changeAt(spec, (state, at) => placeVideo(state, at, video));

describe('placing a video', () => {
  it('on a blank line between paragraphs: a block, with blank lines around it', () => {
    expect(place('One.\n^|\nTwo.')).toBe(`One.\n\n${video}|\n\nTwo.`);
    expect(place('One.\n\n^|\n\nTwo.')).toBe(`One.\n\n${video}|\n\nTwo.`);
  });

  it('in the middle of a sentence: a new paragraph after that line, never inside it', () => {
    expect(place('See ^| here.\nNext line.')).toBe(`See  here.\n\n${video}|\n\nNext line.`);
    expect(place('See ^| here.\n\nNext.')).toBe(`See  here.\n\n${video}|\n\nNext.`);
    expect(place('End of post^|')).toBe(`End of post\n\n${video}|`);
  });

  it('at the start of a line: before it, as its own paragraph', () => {
    expect(place('One.\n^|Two.')).toBe(`One.\n\n${video}|\n\nTwo.`);
  });
});

describe('the markdown of a video', () => {
  it('is a linked thumbnail when there is one, its alt text the title made safe', () => {
    expect(videoMarkdown({ url: 'https://vimeo.com/1', title: 'A [bracketed]\\ title', thumbnail: { path: 'p/a b.assets/vimeo-1.jpg', link: 'a%20b.assets/vimeo-1.jpg' }, problem: null })).toBe(
      '[![A bracketed title](a%20b.assets/vimeo-1.jpg)](https://vimeo.com/1)',
    );
    expect(videoMarkdown({ url: 'https://vimeo.com/1', title: '', thumbnail: { path: 'x', link: 'x (1).jpg' }, problem: null })).toBe('[![Video](<x (1).jpg>)](https://vimeo.com/1)');
  });

  it('is the bare address without one, which still embeds (with a placeholder)', () => {
    expect(videoMarkdown({ url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s', title: 'Talk', thumbnail: null, problem: 'offline' })).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s');
  });
});
