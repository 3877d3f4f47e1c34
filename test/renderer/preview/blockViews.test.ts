import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { BlockLexer } from '../../../renderer/preview/blockLexer';
import { BlockViews, type BlockView } from '../../../renderer/preview/blockViews';
import { nodeMarkdown } from '../../helpers/markdown';

const { document } = new JSDOM('').window;
const markdown = nodeMarkdown();
const lexer = new BlockLexer();

function viewsFor(options: Partial<ConstructorParameters<typeof BlockViews>[0]> = {}) {
  return new BlockViews({ markdown, document, remoteImages: true, assetUrl: (url) => url, ...options });
}
const html = (views: readonly BlockView[]) =>
  views
    .flatMap((v) => v.nodes)
    .map((n) => (n.nodeType === 1 ? (n as Element).outerHTML : (n.textContent ?? '')))
    .join('');
const normal = (s: string) => s.replace(/>\s+</g, '><').trim();

const post = [
  '# Why',
  'First[^b] claim, and a [reference][r] link.',
  '## Why',
  'Second[^a] claim, citing [^b] again.',
  '- [ ] todo',
  '- [x] done',
  '```ts\nconst answer = 42;\n```',
  '[r]: https://example.com "Example"',
  '[^a]: Note A, see [reference][r].',
  '[^b]: Note B.',
  '## Why',
].join('\n\n');

describe('block views', () => {
  it('render block by block to what the pipeline renders for the whole post', () => {
    const views = viewsFor().update(lexer.lex(post));
    expect(normal(html(views))).toBe(normal(markdown.render(post).html));
  });

  it('re-render only the blocks whose source changed, and renumber footnotes across blocks', () => {
    const blockViews = viewsFor();
    const idOf = (views: readonly BlockView[], text: string) => views.find((v) => v.nodes.some((n) => n.textContent?.includes(text)))!.id;
    const before = blockViews.update(lexer.lex(post));
    const [second, code] = [idOf(before, 'Second'), idOf(before, 'answer')];
    const edited = post.replace('First[^b] claim', 'First claim');
    const after = blockViews.update(lexer.lex(edited));
    expect(normal(html(after))).toBe(normal(markdown.render(edited).html));
    // The second paragraph's footnotes are now numbered from 1: its id changed, the code block's did not.
    expect(idOf(after, 'Second')).not.toBe(second);
    expect(idOf(after, 'answer')).toBe(code);
  });

  it('keep a remote image out unless allowed, and point relative images at the asset route', () => {
    const body = '![chart](chart.png) ![far](https://tracker.example/pixel.png)\n\n<img src="raw.png" srcset="big.png 2x">\n';
    // The asset route is itself http on the bridge: its images are not "remote".
    const blocked = html(viewsFor({ remoteImages: false, assetUrl: (url) => `http://127.0.0.1:1/asset/t/${url}` }).update(lexer.lex(body)));
    expect(blocked).toContain('src="http://127.0.0.1:1/asset/t/chart.png"');
    expect(blocked).toContain('src="http://127.0.0.1:1/asset/t/raw.png"');
    expect(blocked).not.toContain('srcset');
    expect(blocked).not.toContain('src="https://tracker.example');
    expect(blocked).toContain('class="pw-blocked-image"');
    expect(html(viewsFor({ remoteImages: true }).update(lexer.lex(body)))).toContain('src="https://tracker.example/pixel.png"');
    const outside = html(viewsFor({ assetUrl: () => null }).update(lexer.lex('![x](../../etc/passwd)\n')));
    expect(outside).not.toContain('src=');
  });

  it('keep out every spelling of a remote URL the browser accepts, posters, srcset and image maps', () => {
    const forms = ['https:\\\\tracker.example\\a.png', 'https:/tracker.example/b.png', 'https:tracker.example/c.png', 'HtTpS://tracker.example/d.png', '\\\\tracker.example\\e.png', '//tracker.example/f.png'];
    const body = [
      ...forms.map((src) => `<img src="${src}" alt="form">`),
      '<video poster="https:tracker.example/p.png" src="HTTPS:/tracker.example/v.mp4"></video>',
      '<img src="m.png" usemap="#m"><map name="m"><area href="https://tracker.example/area" coords="0,0,1,1"></map>',
    ].join('\n\n');
    const shown = html(viewsFor({ remoteImages: false, assetUrl: (url) => `http://127.0.0.1:1/asset/t/${url}` }).update(lexer.lex(`${body}\n`)));
    expect(shown).not.toMatch(/(?:src|srcset|poster|href)="[^"]*tracker|<area|<map|usemap|poster=/);
    expect(shown.match(/class="pw-blocked-image"/g)?.length ?? 0).toBeGreaterThanOrEqual(4);
    expect(shown).toContain('src="http://127.0.0.1:1/asset/t/m.png"');
  });
});
