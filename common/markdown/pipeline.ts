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
import { conflictBlocks } from './conflictBlocks';
import { escapedFootnotes } from './footnotes';
import { fenceLanguage, highlightCode } from './highlight';
import { rewriteHtmlUrls } from './htmlUrls';
import type { Sanitizer } from './sanitize';
import { math } from './math';
import { templateTags, type TemplateOptions } from './templateTags';
import { safeUrl, type UrlKind } from './urls';
import { videoEmbeds } from './videoEmbed';

export interface MarkdownOptions {
  /** Cleans every rendered post (see sanitize.ts). */
  sanitize: Sanitizer;
  /** Rewrites a safe URL, e.g. a relative image to the preview's asset route. */
  resolveUrl?: (url: string, kind: UrlKind) => string;
  /** Liquid and Hugo template syntax (see templateTags.ts); by default unsupported tags are left out. */
  templates?: TemplateOptions;
  /** More attributes for an image, by its resolved src: size and responsive sources (the export's resized images). */
  imageAttributes?: (src: string) => ImageAttributes | undefined;
}

/** What the export knows of a local image it resized. */
export interface ImageAttributes {
  width: number;
  height: number;
  srcset?: string;
  sizes?: string;
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
  const { sanitize, resolveUrl = (url: string) => url, imageAttributes } = options;
  /** Images rendered so far in this document: the first one loads at once, later ones when scrolled near. */
  let images = 0;

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
    videoEmbeds(),
    conflictBlocks(),
    {
      renderer: {
        code({ text, lang }: Tokens.Code) {
          const language = fenceLanguage(lang);
          const highlighted = highlightCode(text, language);
          const className = language ? ` class="hljs language-${escapeHtml(language)}"` : ' class="hljs"';
          // A long line scrolls the block sideways: focusable, so a keyboard can scroll it too, and named, since it is then a stop.
          const label = language ? `${escapeHtml(language)} code` : 'Code';
          return `<pre tabindex="0" role="group" aria-label="${label}"><code${className}>${highlighted ?? escapeHtml(text)}</code></pre>\n`;
        },
        // A wide table scrolls inside its own focusable region, so the table keeps its semantics (no display:block)
        // and the page never scrolls sideways. Alignment is a class: HTML's align attribute is obsolete.
        table(token: Tokens.Table) {
          const row = (cells: Tokens.TableCell[]) => `<tr>\n${cells.map((cell) => this.tablecell(cell)).join('')}</tr>\n`;
          const body = token.rows.map(row).join('');
          const table = `<table>\n<thead>\n${row(token.header)}</thead>\n${body ? `<tbody>\n${body}</tbody>\n` : ''}</table>`;
          return `<div class="table-scroll" role="region" tabindex="0" aria-label="Table">\n${table}\n</div>\n`;
        },
        tablecell(token: Tokens.TableCell) {
          const tag = token.header ? 'th' : 'td';
          const align = token.align ? ` class="align-${token.align}"` : '';
          return `<${tag}${align}>${this.parser.parseInline(token.tokens)}</${tag}>\n`;
        },
        // Raw HTML's files (an <img> in a caption <div>) are resolved as markdown's are; the sanitizer still judges the rest.
        html(token: Tokens.HTML | Tokens.Tag) {
          return rewriteHtmlUrls(token.text, (url, kind) => {
            const safe = safeUrl(url, kind);
            return safe === null ? url : resolveUrl(safe, kind);
          });
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
          const more = imageAttributes?.(src);
          const sized = more ? ` width="${more.width}" height="${more.height}"` : '';
          const responsive = more?.srcset ? ` srcset="${escapeHtml(more.srcset)}" sizes="${escapeHtml(more.sizes ?? '100vw')}"` : '';
          const loading = images++ === 0 ? '' : ' loading="lazy"';
          return `<img src="${escapeHtml(src)}"${responsive}${sized} alt="${escapeHtml(token.text)}"${title}${loading} decoding="async">`;
        },
      },
    },
  );

  return {
    render(body) {
      images = 0;
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
