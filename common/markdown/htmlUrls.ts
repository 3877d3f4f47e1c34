// URLs in the raw HTML a post holds: `<img src>` inside a caption `<div>`,
// `<video poster>`, `<source src>`, `<a href>` to a PDF. Markdown links and
// images go through the pipeline's link and image renderers; these do not,
// so they are found here with a real HTML parser (parse5, with source
// locations), for the build to publish the files they name and rewrite them,
// the preview to show them, and the check to report those that won't resolve.
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { escapeHtml } from './escape';
import type { UrlKind } from './urls';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Which attributes of which elements name a file, and what kind of URL each is. */
const URL_ATTRIBUTES: Readonly<Record<string, readonly (readonly [attribute: string, kind: UrlKind])[]>> = {
  img: [['src', 'image']],
  source: [['src', 'image']],
  video: [['src', 'image'], ['poster', 'image']],
  audio: [['src', 'image']],
  a: [['href', 'link']],
};

export interface HtmlUrl {
  /** The element's name, lower-case. */
  tag: string;
  attribute: string;
  kind: UrlKind;
  /** As written, entities decoded. */
  url: string;
  /** Where the whole attribute (`src="…"`) is in the HTML. */
  start: number;
  end: number;
  /** The element's `alt`, for images. */
  alt?: string;
}

/** Every URL attribute in `html`, in source order. */
export function htmlUrls(html: string): HtmlUrl[] {
  if (!html.includes('<')) return [];
  const found: HtmlUrl[] = [];
  const visit = (node: Node) => {
    if ('tagName' in node) collect(node, found);
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
    // A <template>'s children live in its content fragment.
    if ('content' in node && node.content) visit(node.content);
  };
  visit(parseFragment(html, { sourceCodeLocationInfo: true }));
  return found.sort((a, b) => a.start - b.start);
}

function collect(element: Element, found: HtmlUrl[]): void {
  const wanted = URL_ATTRIBUTES[element.tagName];
  const locations = element.sourceCodeLocation?.attrs;
  if (!wanted || !locations) return;
  for (const [attribute, kind] of wanted) {
    const value = element.attrs.find((attr) => attr.name === attribute && !attr.prefix)?.value;
    const at = locations[attribute];
    if (value === undefined || !at) continue;
    const url: HtmlUrl = { tag: element.tagName, attribute, kind, url: value, start: at.startOffset, end: at.endOffset };
    if (element.tagName === 'img') url.alt = element.attrs.find((attr) => attr.name === 'alt')?.value ?? '';
    found.push(url);
  }
}

/** `html` with each URL attribute replaced by what `rewrite` gives (the same URL keeps the attribute as written). */
export function rewriteHtmlUrls(html: string, rewrite: (url: string, kind: UrlKind) => string): string {
  let out = '';
  let at = 0;
  for (const { attribute, kind, url, start, end } of htmlUrls(html)) {
    const next = rewrite(url, kind);
    if (next === url) continue;
    out += `${html.slice(at, start)}${attribute}="${escapeHtml(next)}"`;
    at = end;
  }
  return at === 0 ? html : out + html.slice(at);
}
