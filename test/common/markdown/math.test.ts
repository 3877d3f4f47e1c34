// Math typeset at render time as MathML: no script in the page, sanitized.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../../common/markdown/pipeline';
import { createSanitizer } from '../../../common/markdown/sanitize';

const markdown = createMarkdown({ sanitize: createSanitizer(new JSDOM('').window as unknown as Window & typeof globalThis) });

describe('math', () => {
  it('typesets $$ blocks and \\( \\) inline as MathML, with no script', () => {
    const { html } = markdown.render('Energy \\(E = mc^2\\) here.\n\n$$\n\\int_0^1 x\\,dx\n$$\n');
    expect(html).toContain('<math');
    expect(html).toContain('<mi>E</mi>');
    expect(html).toContain('display="block"');
    expect(html).not.toMatch(/<script|\\\(/);
  });

  it('shows a formula KaTeX cannot parse as its source, and never trusts \\href', () => {
    const broken = markdown.render('\\(\\frac{1}{\\)').html;
    expect(broken).toContain('\\frac{1}{');
    const link = markdown.render('\\(\\href{javascript:alert(1)}{x}\\)').html;
    expect(link).not.toMatch(/href="javascript/); // shown as source text, never a link
  });
});
