import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../../common/markdown/pipeline';
import { nodeMarkdown } from '../../helpers/markdown';
import { executableMarkup, hostileInputs } from '../../helpers/hostile';

const md = nodeMarkdown();

describe('markdown pipeline', () => {
  it('renders GFM: tables, task lists, strikethrough, autolinks', () => {
    const { html } = md.render('| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n~~gone~~ https://example.com\n');
    expect(html).toContain('<table>');
    expect(html).toMatch(/<input[^>]*checked[^>]*type="checkbox"|<input[^>]*type="checkbox"[^>]*checked/);
    expect(html).toContain('<del>gone</del>');
    expect(html).toContain('<a href="https://example.com">');
  });

  it('keeps task-list checkboxes through the sanitizer, disabled, and no other input', () => {
    const { html } = md.render('- [x] done\n- [ ] todo\n\n<input type="text" value="x"><input type="checkbox" checked>\n');
    expect(html.match(/<input[^>]*type="checkbox"[^>]*>/g)).toHaveLength(3);
    expect(html.match(/<input[^>]*>/g)!.every((tag) => tag.includes('disabled'))).toBe(true);
    expect(html).not.toContain('type="text"');
  });

  it('gives headings GitHub-style ids, de-duplicated, and lists them', () => {
    const { html, headings } = md.render('# Retries & backoff\n\n## Why\n\n## Why\n');
    expect(html).toContain('<h1 id="retries--backoff">');
    expect(headings.map((h) => h.id)).toEqual(['retries--backoff', 'why', 'why-1']);
    expect(headings[0]).toMatchObject({ level: 1, text: 'Retries & backoff' });
  });

  it('renders footnotes', () => {
    const { html } = md.render('A claim.[^1]\n\n[^1]: The source.\n');
    expect(html).toMatch(/<sup><a[^>]*href="#footnote-1"/);
    expect(html).toContain('The source.');
  });

  it('highlights known languages and escapes the rest', () => {
    const ts = md.render('```ts\nconst x: number = 1;\n```\n').html;
    expect(ts).toContain('class="hljs language-ts"');
    expect(ts).toContain('<span class="hljs-keyword">const</span>');
    const unknown = md.render('```nosuchlang\n<b>&</b>\n```\n').html;
    expect(unknown).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
  });

  it('renders the same input to the same output every time', () => {
    const text = '# A\n\n## A\n\ntext[^n]\n\n[^n]: note\n';
    expect(md.render(text).html).toBe(md.render(text).html);
  });

  it('passes relative URLs through resolveUrl, and only safe ones', () => {
    const seen: string[] = [];
    const resolving = nodeMarkdown({ resolveUrl: (url, kind) => (seen.push(`${kind}:${url}`), `/r/${url}`) });
    const { html } = resolving.render('![A chart](post.assets/chart.png) [next](other.md) [bad](javascript:alert(1))');
    // The first image loads at once (it is likely on the first screen); later ones are lazy.
    expect(html).toContain('<img src="/r/post.assets/chart.png" alt="A chart" decoding="async">');
    expect(html).toContain('<a href="/r/other.md">next</a>');
    expect(seen).toEqual(['image:post.assets/chart.png', 'link:other.md']);
    expect(resolving.render('![a](a.png)\n\n![b](b.png)').html).toContain('<img src="/r/b.png" alt="b" loading="lazy" decoding="async">');
  });
});

describe('markdown pipeline with hostile input', () => {
  // The pathological inputs run in test/common/markdown/pathological.test.ts, each in a child with a time bound.
  it.each(hostileInputs.filter((input) => !input.pathological).map((input) => [input.name, input] as const))('%s renders nothing executable', (_name, input) => {
    expect(executableMarkup(md.render(input.markdown).html)).toEqual([]);
  });

  it('finds executable markup when it is there (the check can fail)', () => {
    const raw = createMarkdown({ sanitize: (html) => html });
    const found = hostileInputs.filter((input) => !input.pathological && executableMarkup(raw.render(input.markdown).html).length > 0);
    expect(found.length).toBeGreaterThan(hostileInputs.length / 2);
  });

  it('finds every declarative invoker of the invokers input in its raw HTML, and none once sanitized', () => {
    const input = hostileInputs.find((i) => i.name === 'popover-command-invokers')!;
    const raw = executableMarkup(createMarkdown({ sanitize: (html) => html }).render(input.markdown).html).join(' ');
    for (const attribute of ['popover', 'popovertarget', 'popovertargetaction', 'command', 'commandfor', 'interestfor']) expect(raw).toContain(` ${attribute}=`);
    expect(executableMarkup(md.render(input.markdown).html)).toEqual([]);
  });

  it('drops file:// and UNC links and images', () => {
    const { html } = md.render('[a](file:///etc/passwd) ![b](\\\\server\\share\\x.png) <img src="\\\\evil\\x.png"> <a href="file:///etc/hosts">h</a>');
    expect(html).not.toMatch(/file:|\\\\/);
  });

  it('turns a YouTube player iframe into the click-to-load embed, and drops other iframes', () => {
    const { html } = md.render('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen></iframe>\n\n<iframe src="https://evil.example/"></iframe>');
    expect(html).toContain('<a class="video-embed-link" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"');
    expect(html).not.toContain('<iframe');
    expect(html).not.toContain('evil.example');
  });

  it('sanitizes a post with no raw HTML at all: one sanitizer for every render', () => {
    const seen: string[] = [];
    const watched = createMarkdown({ sanitize: (html) => (seen.push(html), html) });
    watched.render('Plain *markdown*, no HTML.\n');
    expect(seen).toEqual(['<p>Plain <em>markdown</em>, no HTML.</p>\n']);
    expect(md.render('<div style="color: red">hi</div>').html).not.toContain('style=');
  });

  it('escapes footnote labels in every attribute, even with no sanitizer after it', () => {
    // Upstream marked-footnote 1.4 writes the label raw into the back-reference's aria-label.
    const unsanitized = createMarkdown({ sanitize: (html) => html });
    const labels = [`x" onmouseover="alert(1)`, `x' onfocus='alert(2)`, `"><img src=x onerror=alert(3)>`, '`x` onclick=`y`'];
    const source = `${labels.map((label) => `Claim.[^${label}]`).join('\n\n')}\n\n${labels.map((label, i) => `[^${label}]: Note ${i}.`).join('\n')}\n`;
    const { document } = new JSDOM(unsanitized.render(source).html).window;
    const attributes = [...document.querySelectorAll('*')].flatMap((element) => element.getAttributeNames());
    expect(attributes.filter((name) => !['id', 'href', 'class', 'aria-describedby', 'aria-label', 'data-footnote-ref', 'data-footnotes', 'data-footnote-backref'].includes(name))).toEqual([]);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect([...document.querySelectorAll('[data-footnote-backref]')].map((a) => a.getAttribute('aria-label'))).toEqual(labels.map((label) => `Back to reference ${label}`));
  });

  it('keeps heading ids that name document properties, so #links and #title reach their headings', () => {
    expect(md.render('## Links\n\n## Title\n\n## Images\n').headings.map((h) => h.id)).toEqual(['links', 'title', 'images']);
    expect(md.render('## Links\n\n## Title\n\n## Images\n').html).toBe('<h2 id="links">Links</h2>\n<h2 id="title">Title</h2>\n<h2 id="images">Images</h2>\n');
  });
});
