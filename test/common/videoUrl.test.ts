// Which addresses name a YouTube or Vimeo video: read by the URL parser, the
// forms the hosts publish, and look-alikes that must not pass.
import { describe, expect, it } from 'vitest';
import { formatStart, parseVideoUrl, watchUrl } from '../../common/videoUrl';

describe('parseVideoUrl', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 0],
    ['https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ', 0],
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=42', 42],
    ['HTTPS://YOUTU.BE/dQw4w9WgXcQ?t=1m30s', 90],
    ['https://youtu.be/dQw4w9WgXcQ?si=abc', 0],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ', 0],
    ['https://www.youtube.com/live/dQw4w9WgXcQ?t=1h2m3s', 3723],
    ['https://www.youtube.com/embed/dQw4w9WgXcQ?start=15', 15],
    ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 0],
    ['  https://www.youtube.com/watch?v=dQw4w9WgXcQ\n', 0],
  ])('reads the YouTube video in %s (start %i s)', (url, start) => {
    expect(parseVideoUrl(url)).toEqual({ host: 'youtube', id: 'dQw4w9WgXcQ', start });
  });

  it.each([
    ['https://vimeo.com/76979871', { host: 'vimeo', id: '76979871', start: 0 }],
    ['https://vimeo.com/76979871#t=1m5s', { host: 'vimeo', id: '76979871', start: 65 }],
    ['https://vimeo.com/channels/staffpicks/76979871', { host: 'vimeo', id: '76979871', start: 0 }],
    ['https://vimeo.com/76979871/8d6e2a1f0b', { host: 'vimeo', id: '76979871', start: 0, hash: '8d6e2a1f0b' }],
    ['https://player.vimeo.com/video/76979871?h=8d6e2a1f0b', { host: 'vimeo', id: '76979871', start: 0, hash: '8d6e2a1f0b' }],
  ])('reads the Vimeo video in %s', (url, video) => {
    expect(parseVideoUrl(url)).toEqual(video);
  });

  it.each([
    'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    'https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ',
    'https://youtube.com@evil.example/watch?v=dQw4w9WgXcQ',
    'https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ',
    'javascript://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'ftp://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=dQw4w9WgXc', // ten characters
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ"><script>',
    'https://www.youtube.com/watch?v=%22%3E%3Cscript%3E',
    'https://www.youtube.com/channel/UCdQw4w9WgXcQ',
    'https://www.youtube.com/watch',
    'https://youtu.be/',
    'https://vimeo.com/channels/staffpicks',
    'https://vimeo.com/76979871/<script>',
    'https://player.vimeo.com/video/76979871?h=not-hex!',
    'www.youtube.com/watch?v=dQw4w9WgXcQ',
    'not a url',
  ])('refuses %s', (url) => {
    expect(parseVideoUrl(url)).toBeNull();
  });

  it('ignores a start time that is not one', () => {
    expect(parseVideoUrl('https://youtu.be/dQw4w9WgXcQ?t=soon')?.start).toBe(0);
  });
});

describe('watchUrl', () => {
  it('writes the canonical page, keeping the start time and an unlisted hash', () => {
    expect(watchUrl(parseVideoUrl('https://youtu.be/dQw4w9WgXcQ?t=1m30s')!)).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s');
    expect(watchUrl(parseVideoUrl('https://player.vimeo.com/video/76979871?h=8d6e2a1f0b#t=65s')!)).toBe('https://vimeo.com/76979871/8d6e2a1f0b#t=65s');
    expect(formatStart(3723)).toBe('1:02:03');
    expect(formatStart(65)).toBe('1:05');
  });
});
