// Math: `$$…$$` blocks and `\(…\)` inline, typeset by KaTeX when the page is
// rendered (the preview and the build), as MathML: browsers draw it natively,
// so the page needs no script and no KaTeX stylesheet. The MathML goes through
// the sanitizer like any raw HTML; a formula KaTeX cannot parse is shown as
// its source in red (KaTeX's throwOnError: false), never dropped.
import katex from 'katex';
import type { MarkedExtension, Tokens } from 'marked';

const BLOCK = /^\$\$([\s\S]+?)\$\$[ \t]*(?:\n|$)/;
const INLINE = /^\\\(([\s\S]+?)\\\)/;

function typeset(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex.trim(), { displayMode, output: 'mathml', throwOnError: false, trust: false, maxSize: 50, maxExpand: 1000 });
}

export function math(): MarkedExtension {
  const token = (raw: string, html: string): Tokens.HTML => ({ type: 'html', raw, block: false, pre: false, text: html });
  return {
    extensions: [
      {
        name: 'mathBlock',
        level: 'block',
        start: (src) => src.match(/\$\$/)?.index,
        tokenizer(src) {
          const m = BLOCK.exec(src);
          return m ? { ...token(m[0], `${typeset(m[1]!, true)}\n`), block: true } : undefined;
        },
      },
      {
        name: 'mathInline',
        level: 'inline',
        start: (src) => src.match(/\\\(/)?.index,
        tokenizer(src) {
          const m = INLINE.exec(src);
          return m ? token(m[0], typeset(m[1]!, false)) : undefined;
        },
      },
    ],
  };
}
