import { describe, expect, it } from 'vitest';
import { PostForPage } from '../../../electron/desktop/postForPage';
import { FakeWebContents } from '../fakeElectron';

const contents = () => new FakeWebContents();

describe('PostForPage', () => {
  it('holds a post while the page loads and sends it once, when the load finishes', () => {
    const page = contents();
    const posts = new PostForPage();
    posts.pageLoading();
    posts.show('hello-world', page);
    expect(page.sent).toEqual([]);
    posts.pageLoaded(page);
    posts.pageLoaded(page);
    expect(page.sent).toEqual([['app.openPost', { id: 'hello-world' }]]);
  });

  it('sends at once to a page that has loaded', () => {
    const page = contents();
    const posts = new PostForPage();
    posts.pageLoaded(page);
    posts.show('hello-world', page);
    expect(page.sent).toEqual([['app.openPost', { id: 'hello-world' }]]);
  });

  it('drops the post meant for another workspace when the page stays', () => {
    const page = contents();
    const posts = new PostForPage();
    posts.pageLoaded(page);
    posts.pageLoading();
    posts.show('in-the-other-blog', page);
    posts.pageStayed();
    posts.pageLoaded(page);
    expect(page.sent).toEqual([]);
  });
});
