// The feeds' items are kept across builds in the cache folder (feedItemCache.ts).
// Whatever changes, a feed built with them is byte-identical to a clean build's:
// after an edit to a post in the feed, to one outside it, to an image a feed post
// shows, and to the settings. And the items really are reused: one the cache holds
// is not rendered again.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEEDS } from '../../../common/theme/site';
import { build } from '../../helpers/site';
import { tempDir } from '../../helpers/tmp';

const FEED_LENGTH = 3;
const POSTS = 8;
/** A PNG of 1×1 pixel (red), and another (blue): the same name, other bytes. */
const RED = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');
const BLUE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC', 'base64');

/** Post i, dated i days into 2024: the highest numbers are the newest, so the feed's. */
const postFile = (i: number) => `posts/post-${i}.md`;

async function blog(): Promise<string> {
  const root = await tempDir();
  const settings = { title: 'Feeds', baseUrl: 'https://example.com/', author: 'A. Writer', output: '_site', feedLength: FEED_LENGTH };
  await writeFile(path.join(root, 'postwright.json'), JSON.stringify(settings));
  await mkdir(path.join(root, 'posts', 'post-8'), { recursive: true });
  await writeFile(path.join(root, 'posts', 'post-8', 'dot.png'), RED);
  for (let i = 1; i <= POSTS; i++) {
    const date = new Date(Date.UTC(2024, 0, i)).toISOString().slice(0, 10);
    const image = i === POSTS ? '\n![A dot](post-8/dot.png)\n' : '';
    const body = `Post ${i} links [the first](post-1.md) and [a site](https://example.org/page). A [relative page](../about/).\n${image}\n## Section\n\nText.\n`;
    await writeFile(path.join(root, postFile(i)), `---\ntitle: Post ${i}\ndate: ${date}\n---\n\n${body}`);
  }
  return root;
}

async function feeds(out: string): Promise<string[]> {
  return Promise.all(Object.values(FEEDS).map((file) => readFile(path.join(out, file), 'utf8')));
}

async function expectFeedsAsClean(root: string, out: string): Promise<void> {
  const clean = path.join(await tempDir(), 'clean');
  await build(root, clean, { cacheDir: await tempDir() });
  expect(await feeds(out)).toEqual(await feeds(clean));
}

/** The cache folder's feed-item file (one per workspace and output folder). */
async function itemsFile(cacheDir: string): Promise<string> {
  const files = (await readdir(path.join(cacheDir, 'site'))).filter((file) => file.endsWith('.feed-items.json'));
  expect(files).toHaveLength(1);
  return path.join(cacheDir, 'site', files[0]!);
}

const append = async (root: string, file: string, text: string) => writeFile(path.join(root, file), `${await readFile(path.join(root, file), 'utf8')}\n${text}\n`);

describe('feed items kept across builds', () => {
  it('give feeds byte-identical to a clean build after edits in and out of the feed, an image replaced, and a settings change', { timeout: 120_000 }, async () => {
    const root = await blog();
    const cacheDir = await tempDir();
    const out = path.join(await tempDir(), 'site');
    await build(root, out, { cacheDir });
    const items = JSON.parse(await readFile(await itemsFile(cacheDir), 'utf8')) as { items: Record<string, string> };
    expect(Object.keys(items.items)).toHaveLength(FEED_LENGTH);

    await append(root, postFile(POSTS), 'An edit to the newest post, which the feed carries.');
    await build(root, out, { cacheDir });
    expect((await feeds(out))[0]).toContain('An edit to the newest post');
    await expectFeedsAsClean(root, out);

    await append(root, postFile(1), 'An edit to the oldest post, which no feed carries.');
    await build(root, out, { cacheDir });
    await expectFeedsAsClean(root, out);

    await writeFile(path.join(root, 'posts', 'post-8', 'dot.png'), BLUE);
    await build(root, out, { cacheDir });
    await expectFeedsAsClean(root, out);

    // Another address and permalink move every URL the items hold.
    const settings = JSON.parse(await readFile(path.join(root, 'postwright.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(path.join(root, 'postwright.json'), JSON.stringify({ ...settings, baseUrl: 'https://blog.example.net/words/', permalink: '/:year/:slug/' }));
    await build(root, out, { cacheDir });
    expect((await feeds(out))[0]).toContain('https://blog.example.net/words/');
    await expectFeedsAsClean(root, out);
  });

  it('reuses a kept item instead of rendering the post again', { timeout: 120_000 }, async () => {
    const root = await blog();
    const cacheDir = await tempDir();
    const out = path.join(await tempDir(), 'site');
    await build(root, out, { cacheDir });
    // Mark every kept item, then edit one feed post: the others come from the cache, marks and all.
    const file = await itemsFile(cacheDir);
    const data = JSON.parse(await readFile(file, 'utf8')) as { items: Record<string, string> };
    for (const key of Object.keys(data.items)) data.items[key] = `<p>kept ${key}</p>`;
    await writeFile(file, JSON.stringify(data));
    await append(root, postFile(POSTS), 'Edited.');
    await build(root, out, { cacheDir });
    const json = JSON.parse((await feeds(out))[2]!) as { items: { content_html: string }[] };
    expect(json.items.map((item) => item.content_html.startsWith('<p>kept '))).toEqual([false, true, true]);
    expect(json.items[0]!.content_html).toContain('Edited.');
  });
});
