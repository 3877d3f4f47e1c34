// Video embeds through the one pipeline and its sanitizer: a bare video URL
// alone in its paragraph, a linked thumbnail (what Insert video writes), Hugo's
// shortcodes and a raw player iframe all become the same click-to-load embed,
// which names no video host in any src; a URL inside a sentence stays a link.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { executableMarkup } from '../../helpers/hostile';
import { nodeMarkdown } from '../../helpers/markdown';

const md = nodeMarkdown();
const render = (markdown: string) => new JSDOM(md.render(markdown).html).window.document;
const videoHosts = /(?:^|\.)(?:youtube\.com|youtube-nocookie\.com|youtu\.be|ytimg\.com|vimeo\.com|vimeocdn\.com)$/;

/** Every element that would make the browser fetch from a video host as the page loads. */
function fetchesFromVideoHost(doc: Document): string[] {
  return [...doc.querySelectorAll('[src], [srcset], [poster], [data], iframe, object, embed')]
    .filter((element) => {
      const urls = ['src', 'poster', 'data'].map((name) => element.getAttribute(name) ?? '').concat((element.getAttribute('srcset') ?? '').split(/\s+/));
      return element.localName === 'iframe' || urls.some((url) => URL.canParse(url) && videoHosts.test(new URL(url).hostname));
    })
    .map((element) => element.outerHTML);
}

describe('video embeds', () => {
  it('embeds a bare YouTube URL on its own line: a link to the video, a placeholder, a play mark, an accessible name', () => {
    const doc = render('Before.\n\nhttps://youtu.be/dQw4w9WgXcQ?t=90\n\nAfter.\n');
    const figure = doc.querySelector('figure.video-embed')!;
    expect(figure).not.toBeNull();
    // Not inside a paragraph: a figure cannot be in one.
    expect(figure.parentElement!.localName).toBe('body');
    const link = figure.querySelector('a.video-embed-link')!;
    expect(link.getAttribute('href')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s');
    expect(link.getAttribute('aria-label')).toBe('Play the video on YouTube from 1:30');
    expect(link.querySelector('.video-embed-placeholder')!.textContent).toBe('youtube.com/watch?v=dQw4w9WgXcQ&t=90s');
    expect(link.querySelector('.video-embed-play')!.getAttribute('aria-hidden')).toBe('true');
    expect(figure.querySelector('figcaption')!.textContent).toBe('YouTube video from 1:30');
    expect(fetchesFromVideoHost(doc)).toEqual([]);
  });

  it('embeds a bare Vimeo URL, and an autolink in <…>, the same way', () => {
    for (const markdown of ['https://vimeo.com/76979871\n', '<https://vimeo.com/76979871>\n']) {
      const link = render(markdown).querySelector('figure.video-embed a.video-embed-link');
      expect(link?.getAttribute('href'), markdown).toBe('https://vimeo.com/76979871');
    }
  });

  it('leaves a video URL inside a sentence, or a named link, as a link', () => {
    for (const markdown of ['Watch https://youtu.be/dQw4w9WgXcQ today.\n', '[My talk](https://youtu.be/dQw4w9WgXcQ)\n', 'https://youtu.be/dQw4w9WgXcQ\nand a second line\n']) {
      const doc = render(markdown);
      expect(doc.querySelector('figure'), markdown).toBeNull();
      expect(doc.querySelector('p > a')!.getAttribute('href'), markdown).toBe('https://youtu.be/dQw4w9WgXcQ');
    }
  });

  it('shows a linked thumbnail stored with the post, titled by its alt text', () => {
    const doc = render('[![Retries, explained](post.assets/youtube-dqw4w9wgxcq.jpg)](https://www.youtube.com/watch?v=dQw4w9WgXcQ)\n');
    const img = doc.querySelector('figure.video-embed a.video-embed-link > img')!;
    expect(img.getAttribute('src')).toBe('post.assets/youtube-dqw4w9wgxcq.jpg');
    // The link is named; the picture adds nothing to say.
    expect(img.getAttribute('alt')).toBe('');
    expect(doc.querySelector('a.video-embed-link')!.getAttribute('aria-label')).toBe('Play “Retries, explained” on YouTube');
    expect(doc.querySelector('figcaption')!.textContent).toBe('Retries, explained · YouTube');
    expect(doc.querySelector('.video-embed-placeholder')).toBeNull();
  });

  it('never shows a thumbnail from the video host (that would be a request to it): the placeholder instead', () => {
    const doc = render('[![Talk](https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg)](https://www.youtube.com/watch?v=dQw4w9WgXcQ)\n');
    expect(doc.querySelector('figure.video-embed .video-embed-placeholder')).not.toBeNull();
    expect(fetchesFromVideoHost(doc)).toEqual([]);
  });

  it('renders Hugo’s youtube and vimeo shortcodes, and a raw player iframe, as the same embed', () => {
    const bare = md.render('https://www.youtube.com/watch?v=w7Ft2ymGmfc\n').html;
    expect(md.render('{{< youtube w7Ft2ymGmfc >}}\n').html).toBe(bare);
    expect(md.render('{{< youtube id="w7Ft2ymGmfc" >}}\n').html).toBe(bare);
    expect(md.render('<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc" title="YouTube video player" allowfullscreen></iframe>\n').html.trim()).toBe(bare.trim());
    expect(md.render('{{< vimeo 146022717 >}}\n').html).toBe(md.render('https://vimeo.com/146022717\n').html);
    // A title the shortcode gives is the caption.
    expect(render('{{< youtube id="w7Ft2ymGmfc" title="Keynote" >}}\n').querySelector('figcaption')!.textContent).toBe('Keynote · YouTube');
    // Inside a sentence the shortcode is a link (a figure cannot sit in a paragraph).
    const inline = render('See {{< youtube w7Ft2ymGmfc >}} first.\n');
    expect(inline.querySelector('figure')).toBeNull();
    expect(inline.querySelector('p > a')!.getAttribute('href')).toBe('https://www.youtube.com/watch?v=w7Ft2ymGmfc');
  });

  it('escapes and sanitizes hostile titles, ids and thumbnails', () => {
    const hostile = [
      '[![<img src=x onerror=alert(1)>"\' <script>alert(2)</script>](post.assets/a.jpg)](https://www.youtube.com/watch?v=dQw4w9WgXcQ)',
      '{{< youtube id="dQw4w9WgXcQ" title="<img src=x onerror=alert(3)> & \'co\'" >}}',
      '{{< youtube "dQw4w9WgXcQ\\"><script>alert(4)</script>" >}}',
      '{{< vimeo "1\' onmouseover=alert(5) x=\'" >}}',
      '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="&quot;><img src=x onerror=alert(6)>"></iframe>',
      '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?start=1" srcdoc="<script>alert(7)</script>"></iframe>',
      '[![t](javascript:alert(8))](https://www.youtube.com/watch?v=dQw4w9WgXcQ)',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1%22%3E%3Cscript%3Ealert(9)%3C/script%3E',
    ].join('\n\n');
    const { html } = md.render(hostile);
    expect(executableMarkup(html)).toEqual([]);
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelectorAll('script, img[src="x"]')).toHaveLength(0);
    expect([...doc.querySelectorAll('*')].flatMap((element) => element.getAttributeNames()).filter((name) => name.startsWith('on'))).toEqual([]);
    expect(html).not.toContain('javascript:');
    expect(fetchesFromVideoHost(doc)).toEqual([]);
    // The hostile title is text, shown as written.
    expect([...doc.querySelectorAll('figcaption')].map((caption) => caption.textContent)).toContain("<img src=x onerror=alert(3)> & 'co' · YouTube");
    // An id that is not one embeds nothing.
    expect(doc.querySelectorAll('figure.video-embed')).toHaveLength(6);
  });
});
