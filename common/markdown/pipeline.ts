// The one markdown pipeline: the live preview and the static export both
// render through createMarkdown(), so what the author previews is what gets
// published. One configured Marked instance per pipeline; never the global.
//
// Every render goes through the sanitizer, whatever the post holds. Markdown
// syntax alone is not enough to trust: an extension can put the author's text
// into an attribute (marked-footnote did, see footnotes.ts), and the next one
// might too.
import { Marked, type Token, type Tokens } from 'marked';
import markedFootnote from 'marked-footnote';
import { gfmHeadingId, getHeadingList } from 'marked-gfm-heading-id';
import { escapeHtml } from './escape';
import { escapedFootnotes } from './footnotes';
import { fenceLanguage, highlightCode } from './highlight';
import type { Sanitizer } from './sanitize';
import { math } from './math';
import { templateTags, type TemplateOptions } from './templateTags';
import { safeUrl, type UrlKind } from './urls';

export interface MarkdownOptions {
  /** Cleans every rendered post (see sanitize.ts). */
  sanitize: Sanitizer;
  /** Rewrites a safe URL, e.g. a relative image to the preview's asset route. */
  resolveUrl?: (url: string, kind: UrlKind) => string;
  /** Liquid and Hugo template syntax (see templateTags.ts); by default unsupported tags are left out. */
  templates?: TemplateOptions;
}

export interface Heading {
  level: number;
  /** Plain text. */
  text: string;
  id: string;
}

export interface Rendered {
  html: string;
  headings: Heading[];
}

export interface Markdown {
  /** Renders a post body (front matter already removed). */
  render(body: string): Rendered;
  /**
   * The tokens `render` would see, with the same extensions (footnotes are not
   * mistaken for link definitions). For tools that read a post's structure.
   */
  lex(body: string): Token[];
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
/** The text of inline HTML that marked produced (its own escapes only). */
const htmlText = (html: string): string => html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => entities[name]!);

/** The footnotes section's heading (read by screen readers). */
const FOOTNOTES = 'Notes';

export function createMarkdown(options: MarkdownOptions): Markdown {
  const { sanitize, resolveUrl = (url: string) => url } = options;

  const checked = (token: Tokens.Link | Tokens.Image, kind: UrlKind): string | null => {
    const url = safeUrl(token.href, kind);
    return url === null ? null : resolveUrl(url, kind);
  };

  const marked = new Marked(
    { gfm: true, breaks: false, async: false },
    gfmHeadingId(),
    markedFootnote({ description: FOOTNOTES }),
    escapedFootnotes(FOOTNOTES),
    templateTags(options.templates ?? { placeholders: false }),
    math(),
    {
      renderer: {
        code({ text, lang }: Tokens.Code) {
          const language = fenceLanguage(lang);
          const highlighted = highlightCode(text, language);
          const className = language ? ` class="hljs language-${escapeHtml(language)}"` : ' class="hljs"';
          return `<pre><code${className}>${highlighted ?? escapeHtml(text)}</code></pre>\n`;
        },
        link(token: Tokens.Link) {
          const href = checked(token, 'link');
          // An unsafe link keeps its words and loses the link.
          if (href === null) return this.parser.parseInline(token.tokens);
          token.href = href;
          return false;
        },
        image(token: Tokens.Image) {
          const src = checked(token, 'image');
          if (src === null) return escapeHtml(token.text);
          const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
          return `<img src="${escapeHtml(src)}" alt="${escapeHtml(token.text)}"${title} loading="lazy">`;
        },
      },
    },
  );

  return {
    render(body) {
      const html = sanitize(marked.parse(body) as string);
      const headings = getHeadingList().map(({ level, text, id }) => ({ level, text: htmlText(text), id }));
      return { html, headings };
    },
    lex(body) {
      const tokens = marked.lexer(body);
      // As parse() does: the extensions' walkTokens reset their per-document state (marked-footnote's).
      const { walkTokens } = marked.defaults;
      if (walkTokens) marked.walkTokens(tokens, walkTokens);
      return tokens;
    },
  };
}
