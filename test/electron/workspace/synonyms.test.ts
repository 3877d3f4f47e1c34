// The generators' names for the same fields, read into one summary: Jekyll's
// categories, excerpt and redirect_from; Hugo's Title case, publishDate,
// expiryDate, url and aliases.
import { describe, expect, it } from 'vitest';
import { siteModel } from '../../../common/site/model';
import { summarize } from '../../../electron/workspace/summary';

describe('front-matter synonyms', () => {
  it("maps Jekyll's fields", () => {
    const post = summarize('1', '_posts/2015-05-21-name.md', '---\ncategories: jekyll update\nexcerpt: Short one.\nredirect_from: /old/\npermalink: /name/\n---\nBody\n', 0);
    expect(post).toMatchObject({ categories: ['jekyll', 'update'], description: 'Short one.', aliases: ['/old/'], permalink: '/name/', date: '2015-05-21' });
  });

  it("maps Hugo's fields, and an expired post is not published", () => {
    const text = '+++\nTitle = "T"\npublishDate = 2020-01-02\nexpiryDate = 2021-01-01\nsummary = "S"\nurl = "/t/"\naliases = ["/a/", "/b/"]\n+++\n';
    const post = summarize('1', 'content/posts/t.md', text, 0);
    expect(post).toMatchObject({ title: 'T', date: '2020-01-02', expires: '2021-01-01', description: 'S', permalink: '/t/', aliases: ['/a/', '/b/'] });
    const at = (now: number) => siteModel([post], { permalink: '/posts/:slug/' }, { drafts: false, future: false, now }).posts.length;
    expect(at(Date.UTC(2020, 6, 1))).toBe(1);
    expect(at(Date.UTC(2021, 6, 1))).toBe(0);
  });
});
