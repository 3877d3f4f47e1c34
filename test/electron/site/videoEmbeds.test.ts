// The built site asks no video host for anything until a reader clicks: every
// way a post embeds a video (a bare URL, a linked thumbnail as Insert video
// writes it, Hugo's shortcodes, a raw player iframe) is a link over a picture
// published with the site, in the page and in the feeds.
import path from 'node:path';
import { JSDOM } from 'jsdom';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { brokenLinks, build, readTree } from '../../helpers/site';
import { tempDir, writeTree } from '../../helpers/tmp';

const videoHosts = /(?:^|\.)(?:youtube\.com|youtube-nocookie\.com|youtu\.be|ytimg\.com|googlevideo\.com|vimeo\.com|vimeocdn\.com)$/i;

/** Elements whose own URL attributes a browser fetches as the page loads, pointing at a video host. */
function videoHostFetches(html: string, page: string): string[] {
  const { document } = new JSDOM(html, { url: page }).window;
  const found: string[] = [];
  for (const element of document.querySelectorAll('[src], [srcset], [poster], [data], link[href]:not([rel="canonical"]):not([rel="alternate"])')) {
    for (const name of ['src', 'srcset', 'poster', 'data', 'href']) {
      if (name === 'href' && element.localName !== 'link') continue;
      for (const candidate of (element.getAttribute(name) ?? '').split(/,\s*/)) {
        const url = candidate.trim().split(/\s+/)[0] ?? '';
        if (url && URL.canParse(url, page) && videoHosts.test(new URL(url, page).hostname)) found.push(`<${element.localName} ${name}="${url}">`);
      }
    }
  }
  for (const frame of document.querySelectorAll('iframe, object, embed')) found.push(`<${frame.localName}>`);
  return found;
}

describe('video embeds on the built site', () => {
  it('link to the video over a thumbnail published with the site, and no element fetches from a video host', async () => {
    const root = await tempDir();
    const thumbnail = await sharp({ create: { width: 480, height: 360, channels: 3, background: { r: 30, g: 90, b: 160 } } }).jpeg().toBuffer();
    await writeTree(root, {
      'postwright.json': JSON.stringify({ title: 'Videos', baseUrl: 'https://blog.example.org/' }),
      'posts/talks.md': [
        '---\ntitle: Talks\ndate: 2024-05-01\n---\n',
        'The keynote:\n',
        '[![The keynote](talks.assets/youtube-dqw4w9wgxcq.jpg)](https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s)\n',
        'https://vimeo.com/76979871\n',
        '{{< youtube w7Ft2ymGmfc >}}\n',
        '<iframe width="560" height="315" src="https://www.youtube.com/embed/PUv66718DII" title="YouTube video player" allowfullscreen></iframe>\n',
        'And a link in a sentence: https://youtu.be/dQw4w9WgXcQ is the same talk.\n',
      ].join('\n'),
      'posts/talks.assets/youtube-dqw4w9wgxcq.jpg': thumbnail,
    });
    const out = path.join(await tempDir(), 'site');
    await build(root, out, { cacheDir: await tempDir() });
    const files = await readTree(out);
    const page = files.get('posts/talks/index.html')!.toString();
    const { document } = new JSDOM(page).window;

    expect([...document.querySelectorAll('figure.video-embed a.video-embed-link')].map((a) => a.getAttribute('href'))).toEqual([
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s',
      'https://vimeo.com/76979871',
      'https://www.youtube.com/watch?v=w7Ft2ymGmfc',
      'https://www.youtube.com/watch?v=PUv66718DII',
    ]);
    // The stored thumbnail is published (resized, as every image), and shown in the first embed.
    const thumb = document.querySelector('figure.video-embed img')!;
    expect(thumb.getAttribute('src')).toMatch(/^\/posts\/talks\.assets\/youtube-dqw4w9wgxcq\.[0-9a-f]{10}-480\.jpg$/);
    expect(files.has(thumb.getAttribute('src')!.slice(1))).toBe(true);
    expect(await brokenLinks(out, 'https://blog.example.org/')).toEqual([]);
    // The sentence keeps its link.
    expect(document.querySelector('p > a[href="https://youtu.be/dQw4w9WgXcQ"]')).not.toBeNull();

    for (const [file, bytes] of files) {
      if (!/\.(?:html|xml|json)$/.test(file)) continue;
      const text = bytes.toString();
      // Feeds carry the post as escaped HTML: read it back out.
      const htmls = file.endsWith('.html') ? [text] : file.endsWith('.json') ? JSON.parse(text).items?.map((item: { content_html: string }) => item.content_html) ?? [] : [...new JSDOM(text, { contentType: 'application/xml' }).window.document.querySelectorAll('content, encoded')].map((e) => e.textContent ?? '');
      for (const html of htmls) expect(videoHostFetches(html, 'https://blog.example.org/'), file).toEqual([]);
    }
  });
});
