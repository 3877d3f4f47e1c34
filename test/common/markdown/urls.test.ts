import { describe, expect, it } from 'vitest';
import { isRelativeUrl, placeOf, safeUrl } from '../../../common/markdown/urls';
import { svgValueStaysHome } from '../../../common/markdown/svgAttributes';
import { nodeMarkdown } from '../../helpers/markdown';

describe('placeOf: where a URL leads, as the URL parser reads it', () => {
  it.each([
    'https://tracker.example/x.png',
    'https:\\\\tracker.example\\x.png',
    'https:/tracker.example/x.png',
    'https:tracker.example/x.png',
    'HtTpS://tracker.example/x.png',
    'ht\ttps://tracker.example/x.png',
    ' https:\\/tracker.example/x.png',
    '//tracker.example/x.png',
    '\\\\tracker.example\\x.png',
    '/\\tracker.example/x.png',
    'http:tracker.example',
  ])('%j is remote, on tracker.example', (url) => {
    const place = placeOf(url);
    expect(place?.place).toBe('remote');
    expect(place?.place === 'remote' && place.url.hostname).toBe('tracker.example');
  });

  it('tells local paths, fragments and other schemes apart', () => {
    expect(['chart.png', './a/b.png', '../up.png', '/posts/x/', '?page=2', 'page', 'a:b/c'.replace('a:', './a:')].map((u) => placeOf(u)?.place)).toEqual(Array(7).fill('local'));
    expect(['#notes', '', '#'].map((u) => placeOf(u)?.place)).toEqual(['fragment', 'fragment', 'fragment']);
    expect(['mailto:me@example.com', 'data:image/png;base64,AA==', 'java\tscript:alert(1)', 'C:\\x.png'].map((u) => placeOf(u))).toEqual([
      { place: 'scheme', protocol: 'mailto:' },
      { place: 'scheme', protocol: 'data:' },
      { place: 'scheme', protocol: 'javascript:' },
      { place: 'scheme', protocol: 'c:' },
    ]);
    expect(isRelativeUrl('https:tracker.example/x')).toBe(false);
    expect(isRelativeUrl('notes/x.md')).toBe(true);
  });

  it('safeUrl keeps remote and local URLs and drops scripts and UNC paths however spelt', () => {
    expect(safeUrl('https:tracker.example/x.png', 'image')).toBe('https:tracker.example/x.png');
    expect(safeUrl('\\\\server\\share\\x.png', 'image')).toBeNull();
    expect(safeUrl('JaVa\nScRiPt:alert(1)', 'link')).toBeNull();
    expect(safeUrl('data:image/png;base64,AA==', 'image')).toBe('data:image/png;base64,AA==');
    expect(safeUrl('data:text/html;base64,AA==', 'image')).toBeNull();
  });
});

describe('SVG presentation attributes', () => {
  it('keep values that fetch nothing, or only from the same document', () => {
    for (const value of ['red', 'url(#grad)', "url('#grad')", 'rotate(10) translate(1 2)', 'rgb(1, 2, 3)', 'none']) expect(svgValueStaysHome(value), value).toBe(true);
  });

  it('lose url() and image functions that point anywhere else, however spelt', () => {
    const values = ['url(https://tracker.example/f.svg#p)', "url('https:tracker.example/s.svg#s')", 'URL(https://t.example/x#k)', 'url(//tracker.example/c.svg#c)', 'url(x.svg#local-file)', '\\75 rl(https://t.example/e#p)', "image-set('https://t.example/i.png' 1x)", 'url(https://t.example/c.png), auto', 'url(#a) url(https://t.example/b)'];
    for (const value of values) expect(svgValueStaysHome(value), value).toBe(false);
  });

  it('are stripped by the sanitizer on every SVG element, kept when they stay home', () => {
    const { html } = nodeMarkdown().render('<svg><rect fill="url(https:tracker.example/f#p)" mask="url(#m)" stroke="url(//t.example/s#s)"/><path marker-end="url(HTTPS:\\\\t.example\\m#k)" d="M0 0"/></svg>\n');
    expect(html).not.toMatch(/example/);
    expect(html).toContain('mask="url(#m)"');
  });

  it('the sanitizer drops popover and command attributes', () => {
    const { html } = nodeMarkdown().render('<div popover id="p">x</div><span popovertarget="p" popovertargetaction="show" commandfor="p" command="show-popover">y</span>\n');
    expect(html).not.toMatch(/popover|command/);
  });
});
