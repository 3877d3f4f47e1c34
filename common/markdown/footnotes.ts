// The footnotes section, rendered over marked-footnote's own renderer of it.
// marked-footnote 1.4 writes each note's label raw into its back-reference's
// `aria-label` ("Back to reference {0}"), so a label holding a quote closes the
// attribute and adds one of the author's own: `[^x" onmouseover="…]`. This
// renders the same markup with every piece of author text escaped, so the
// theme's CSS and the preview's block views read it unchanged.
import type { MarkedExtension } from 'marked';
import type { Footnotes } from 'marked-footnote';
import { escapeHtml } from './escape';

/** Must match the options given to marked-footnote in pipeline.ts. */
const prefix = 'footnote-';

export function escapedFootnotes(description: string): MarkedExtension {
  return {
    extensions: [
      {
        name: 'footnotes',
        renderer(token) {
          const { items } = token as unknown as Footnotes;
          if (items.length === 0) return '';
          const notes = items.map(({ label, content, refs }) => {
            const id = encodeURIComponent(label);
            const body = this.parser.parse(content).trimEnd();
            const inParagraph = body.endsWith('</p>');
            const backRefs = refs.map((_ref, i) => {
              const [mark, suffix] = i > 0 ? [`↩<sup>${i + 1}</sup>`, `-${i + 1}`] : ['↩', ''];
              return ` <a href="#${prefix}ref-${id}${suffix}" data-footnote-backref aria-label="${escapeHtml(`Back to reference ${label}`)}">${mark}</a>`;
            });
            const text = inParagraph ? body.replace(/<\/p>$/, '') : body;
            return `<li id="${prefix}${id}">\n${text}${backRefs.join('')}${inParagraph ? '</p>' : ''}\n</li>\n`;
          });
          return `<section class="footnotes" data-footnotes>\n<h2 id="${prefix}label" class="sr-only">${escapeHtml(description)}</h2>\n<ol>\n${notes.join('')}</ol>\n</section>\n`;
        },
      },
    ],
  };
}
