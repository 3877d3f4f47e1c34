// Conflict blocks through the real pipeline (marked, then DOMPurify): the two
// versions under their labels, never a setext heading or a quotation.
import { describe, expect, it } from 'vitest';
import { BlockLexer } from '../../../renderer/preview/blockLexer';
import { nodeMarkdown } from '../../helpers/markdown';

const md = nodeMarkdown();
const post = 'Intro paragraph\n<<<<<<< Your version\nMy *opening*.\n=======\nTheir opening.\n>>>>>>> Disk version\n\nOutro.\n';

describe('conflict blocks in the pipeline', () => {
  it('renders both versions as markdown under their labels', () => {
    const { html, headings } = md.render(post);
    expect(headings).toEqual([]);
    expect(html).not.toContain('<blockquote');
    expect(html).toContain('<p>Intro paragraph</p>');
    expect(html).toContain('<div class="conflict" role="group" aria-label="Unfinished merge">');
    expect(html).toMatch(/<div class="conflict-side conflict-mine"><p class="conflict-label">Your version<\/p>\s*<p>My <em>opening<\/em>\.<\/p>/);
    expect(html).toMatch(/<div class="conflict-side conflict-theirs"><p class="conflict-label">Disk version<\/p>\s*<p>Their opening\.<\/p>/);
    expect(html).toContain('<p>Outro.</p>');
  });

  it('escapes a label, and leaves marks in fenced code as code', () => {
    expect(md.render('<<<<<<< <img src=x onerror=alert(1)>\na\n=======\nb\n>>>>>>> x\n').html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const fenced = md.render('```\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> x\n```\n').html;
    expect(fenced).not.toContain('class="conflict"');
  });

  it('is one block in the preview, split where the pipeline splits it', () => {
    const blocks = new BlockLexer().lex(post);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'conflict', 'paragraph']);
    expect(blocks.map((b) => b.raw).join('')).toBe(post);
  });
});
