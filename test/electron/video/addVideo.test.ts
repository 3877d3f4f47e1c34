// Insert video in the backend, against a local fake of YouTube's and Vimeo's
// documented endpoints (test/helpers/videoHostFake.ts): the thumbnail is
// fetched once and stored beside the post; offline, refused or broken, the
// answer still comes, without a thumbnail, saying why.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addVideo } from '../../../electron/video/addVideo';
import { openTestWorkspace, post } from '../../helpers/tmp';
import { startVideoHostFake, type VideoHostFake } from '../../helpers/videoHostFake';

const files = { 'posts/talks.md': post({ title: 'Talks' }, 'Body\n') };
let fake: VideoHostFake | undefined;
afterEach(async () => {
  await fake?.dispose();
  fake = undefined;
});

describe('Insert video, in the backend', () => {
  it('fetches a YouTube video’s title and hqdefault thumbnail once, and stores the thumbnail beside the post', async () => {
    fake = await startVideoHostFake({ dQw4w9WgXcQ: { title: 'Retries, explained' } });
    const { ws, id, file } = await openTestWorkspace(files);
    const added = await addVideo(ws, id('posts/talks.md'), 'https://youtu.be/dQw4w9WgXcQ?t=90');
    expect(added).toEqual({
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s',
      title: 'Retries, explained',
      thumbnail: { path: 'posts/talks.assets/youtube-dqw4w9wgxcq.jpg', link: 'talks.assets/youtube-dqw4w9wgxcq.jpg' },
      problem: null,
    });
    expect(await readFile(file(added.thumbnail!.path))).toEqual(await fake.thumbnailOf('dQw4w9WgXcQ'));
    // oEmbed is asked about the video itself, without the start time.
    expect(fake.requests).toEqual([
      `/www.youtube.com/oembed?url=${encodeURIComponent('https://www.youtube.com/watch?v=dQw4w9WgXcQ')}&format=json`,
      '/i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg',
    ]);
  });

  it('takes a Vimeo video’s thumbnail from its oEmbed thumbnail_url', async () => {
    fake = await startVideoHostFake({ 76979871: { title: 'The New Vimeo Player' } });
    const { ws, id } = await openTestWorkspace(files);
    const added = await addVideo(ws, id('posts/talks.md'), 'https://vimeo.com/76979871#t=65s');
    expect(added).toMatchObject({ url: 'https://vimeo.com/76979871#t=65s', title: 'The New Vimeo Player', thumbnail: { path: 'posts/talks.assets/vimeo-76979871.jpg' }, problem: null });
    expect(fake.requests[1]).toBe('/i.vimeocdn.com/video/76979871-d_640');
  });

  it('offline: answers at once with the address and no thumbnail, and says so; nothing is written', async () => {
    fake = await startVideoHostFake({});
    await fake.stop();
    const { ws, id, root } = await openTestWorkspace(files);
    const added = await addVideo(ws, id('posts/talks.md'), 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(added).toMatchObject({ url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', title: '', thumbnail: null });
    expect(added.problem).toBe('YouTube gave no title (www.youtube.com could not be reached (offline?))');
    expect(await readdir(path.join(root, 'posts'))).toEqual(['talks.md']);
  });

  it('a video the host does not have: YouTube’s 404 with a JPEG body is no thumbnail', async () => {
    fake = await startVideoHostFake({ aaaaaaaaaaa: { title: 'No picture', thumbnail: false } });
    const { ws, id, root } = await openTestWorkspace(files);
    const added = await addVideo(ws, id('posts/talks.md'), 'https://www.youtube.com/watch?v=aaaaaaaaaaa');
    expect(added).toMatchObject({ title: 'No picture', thumbnail: null });
    expect(added.problem).toBe('the thumbnail could not be fetched (i.ytimg.com answered HTTP 404 for the thumbnail)');
    const unknown = await addVideo(ws, id('posts/talks.md'), 'https://vimeo.com/1234');
    expect(unknown).toMatchObject({ title: '', thumbnail: null, problem: 'Vimeo gave no title (vimeo.com answered HTTP 404 for the video’s details)' });
    expect(await readdir(path.join(root, 'posts'))).toEqual(['talks.md']);
  });

  it('keeps a title as one plain line, without control or bidi-override characters', async () => {
    fake = await startVideoHostFake({ bbbbbbbbbbb: { title: 'Line\u0007one\nline\u202etwo  <b>&' } });
    const { ws, id } = await openTestWorkspace(files);
    expect((await addVideo(ws, id('posts/talks.md'), 'https://youtu.be/bbbbbbbbbbb')).title).toBe('Line one line two <b>&');
  });

  it('refuses an address that is not a video, and a post that is gone, before fetching anything', async () => {
    fake = await startVideoHostFake({});
    const { ws, id } = await openTestWorkspace(files);
    await expect(addVideo(ws, id('posts/talks.md'), 'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ')).rejects.toMatchObject({ code: 'invalid-arguments' });
    await expect(addVideo(ws, 'nope', 'https://youtu.be/dQw4w9WgXcQ')).rejects.toMatchObject({ code: 'not-found' });
    expect(fake.requests).toEqual([]);
  });
});
