import { describe, expect, it } from 'vitest';
import { assetResolver } from '../../../renderer/preview/assetUrls';
import { BlockLexer } from '../../../renderer/preview/blockLexer';
import { generatePost } from '../../bench/corpus';
import { chunksOf } from '../../../renderer/preview/chunks';
import type { BlockView } from '../../../renderer/preview/blockViews';
import { frameCsp, frameDocument } from '../../../renderer/preview/frameDocument';
import { linkAction } from '../../../renderer/preview/previewLinks';
import { shadowCss } from '../../../renderer/preview/previewCss';

describe('asset URLs', () => {
  const resolve = assetResolver('http://127.0.0.1:9/asset/tok/', 'posts/2024/hello world.md');
  it('resolve relative to the post, inside the workspace, encoded', () => {
    expect(resolve('hello%20world.assets/a%20b.png')).toBe('http://127.0.0.1:9/asset/tok/posts/2024/hello%20world.assets/a%20b.png');
    expect(resolve('../shared/logo.png?v=2#x')).toBe('http://127.0.0.1:9/asset/tok/posts/shared/logo.png');
    expect(resolve('/static/site.png')).toBe('http://127.0.0.1:9/asset/tok/static/site.png');
  });
  it('refuse paths that climb out of the workspace or cannot be decoded', () => {
    expect(resolve('../../../etc/passwd')).toBeNull();
    expect(resolve('/../x.png')).toBeNull();
    expect(resolve('%E0%A4%A.png')).toBeNull();
  });
});

describe('preview links', () => {
  it('route fragments, posts, allowed external links, and nothing else', () => {
    expect(linkAction('#footnote-1', 'posts/a.md')).toEqual({ kind: 'fragment', id: 'footnote-1' });
    expect(linkAction('../2023/old%20one.md#top', 'posts/2024/a.md')).toEqual({ kind: 'post', path: 'posts/2023/old one.md' });
    expect(linkAction('https://example.com/x', 'a.md')).toEqual({ kind: 'external', url: 'https://example.com/x' });
    expect(linkAction('mailto:me@example.com', 'a.md')).toEqual({ kind: 'external', url: 'mailto:me@example.com' });
    for (const href of ['javascript:alert(1)', 'file:///etc/passwd', 'chart.png', 'data:text/html,x']) expect(linkAction(href, 'a.md')).toEqual({ kind: 'none' });
  });
});

describe('preview CSS for the mirror', () => {
  it('moves :root and body rules onto the shadow host and width queries onto its container', () => {
    const css = shadowCss(
      ':root { --a: 1; }\n@media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) { --a: 2; } }\n:root[data-theme="dark"] { --a: 3; }\nhtml { x: 1; }\nbody { margin: 0; }\n.post-title { font-size: clamp(1rem, 4vw, 2rem); }\n@media (max-width: 40rem) { body { y: 1; } }',
    );
    expect(css).toContain(':host { --a: 1; }');
    expect(css).toContain(':host(:not([data-theme="light"])) { --a: 2; }');
    expect(css).toContain(':host([data-theme="dark"]) { --a: 3; }');
    expect(css).toContain(':host { x: 1; }');
    expect(css).toContain('.pw-body { margin: 0; }');
    expect(css).toContain('4cqw');
    expect(css).toContain('@container pw (max-width: 40rem) { .pw-body { y: 1; } }');
    expect(css).toContain('@media (prefers-color-scheme: dark)');
  });
});

describe('preview frames', () => {
  it('allow images only from the asset route (and https when the author allows remote images)', () => {
    const nonce = 'bm9uY2Utb2YtdGhlLXBhZ2UtMTI=';
    expect(frameCsp({ assetOrigin: 'postwright-asset://workspace', remoteImages: false, nonce })).toBe(
      `default-src 'none'; img-src postwright-asset://workspace data:; style-src 'nonce-${nonce}'; style-src-attr 'none'; base-uri 'none'; form-action 'none'`,
    );
    expect(frameCsp({ assetOrigin: 'http://127.0.0.1:1', remoteImages: true, nonce })).toContain('img-src http://127.0.0.1:1 data: https:;');
    const doc = frameDocument({ assetOrigin: 'http://127.0.0.1:1', remoteImages: false, theme: 'dark', nonce }, { header: null, body: '<p>x</p>', last: false });
    expect(doc).toContain('<html lang="en" data-theme="dark">');
    // Its one stylesheet carries the page's nonce: the page's policy, which the frame inherits, allows no other.
    expect(doc.match(/<style[^>]*>/g)).toEqual([`<style nonce="${nonce}">`]);
    expect(doc).toContain('content="default-src &#39;none&#39;; img-src http://127.0.0.1:1 data:;');
    expect(doc).toContain('<article class="post pw-continued pw-cut"><div class="post-body e-content"><p>x</p></div>');
  });

  it('chunk views by content, so an inserted block moves no boundary elsewhere', () => {
    let id = 0;
    const make = (text: string): BlockView => ({ id: ++id, key: text, nodes: [{} as Node], headings: [], refs: [], fixed: '', frameHtml: null });
    const lexer = new BlockLexer();
    const views = Array.from({ length: 6 }, (_, i) => lexer.lex(generatePost(i, new Set()).text))
      .flat()
      .map((block) => make(block.raw));
    const before = chunksOf(views);
    expect(before.length).toBeGreaterThan(10);
    expect(before.map((c) => c.end - c.start).reduce((a, b) => a + b)).toBe(views.length);
    const middle = views.length >> 1;
    const inserted = [...views.slice(0, middle), make('A new paragraph.\n'), ...views.slice(middle)];
    const after = new Set(chunksOf(inserted).map((c) => c.key));
    const kept = before.filter((c) => after.has(c.key)).length;
    expect(kept).toBeGreaterThanOrEqual(before.length - 2);
  });
});
