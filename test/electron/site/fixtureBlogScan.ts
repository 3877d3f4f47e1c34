// What the fixture-blog test reads in a post's source and in the built site,
// with patterns of its own (not the product's parsers, which it checks):
// the images a post references, the images a page shows, and template syntax
// left in the text of a page, its description or a feed.

/** A local image a post references, at its 1-based line in the file. */
export interface SourceImage {
  line: number;
  src: string;
}

const IMAGE_PATTERNS = [
  /!\[[^\]]*\]\(\s*<?([^)\s>]+)/g, // markdown ![alt](src)
  /<(?:img|source|video)\b[^>]*?\s(?:src|poster)\s*=\s*["']([^"']+)["']/gi, // HTML
  /\{\{[<%]\s*figure\b[^\n]*?\bsrc\s*=\s*"([^"]+)"/g, // Hugo's figure shortcode
  /\{%-?\s*image\s+["']([^"']+)["']/g, // the image shortcode Eleventy sites define
];

/**
 * Every local image in a post's body: outside front matter, fenced code and
 * code spans; web and data: URLs are not the site's to publish.
 */
export function imagesInSource(text: string): SourceImage[] {
  const lines = text.split('\n');
  const found: SourceImage[] = [];
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const fence = lines[i]?.trim();
  if (fence === '---' || fence === '+++') {
    i++;
    while (i < lines.length && lines[i]!.trim() !== fence) i++;
    i++;
  }
  let code: string | null = null;
  for (; i < lines.length; i++) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(lines[i]!)?.[1];
    if (marker && (code === null || marker.startsWith(code))) {
      code = code === null ? marker : null;
      continue;
    }
    if (code !== null) continue;
    const line = lines[i]!.replace(/`[^`]*`/g, '');
    for (const pattern of IMAGE_PATTERNS) {
      for (const m of line.matchAll(pattern)) {
        const src = m[1]!;
        if (!/^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(src)) found.push({ line: i + 1, src });
      }
    }
  }
  return found;
}

/** The site files (relative to the base URL) that a page's `<img>`, `<source>` and `<video>` elements load. */
export function imagesIn(html: string, page: URL, baseUrl: string): string[] {
  const base = new URL(baseUrl);
  const files: string[] = [];
  for (const element of html.matchAll(/<(?:img|source|video)\b[^>]*>/gi)) {
    for (const attribute of element[0].matchAll(/\s(src|srcset|poster)="([^"]*)"/g)) {
      const urls = attribute[1] === 'srcset' ? attribute[2]!.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!) : [attribute[2]!];
      for (const raw of urls) {
        const url = new URL(raw.replace(/&amp;/g, '&'), page);
        if (url.origin === base.origin && url.pathname.startsWith(base.pathname)) files.push(decodeURIComponent(url.pathname.slice(base.pathname.length)));
      }
    }
  }
  return files;
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&amp;': '&' };

/**
 * Template tags (`{% … %}`, `{{ … }}`, `{{< … >}}`, `{{% … %}}`, or an opening
 * left alone) in a built file's text outside `<pre>` and `<code>`. Feeds carry
 * posts' HTML escaped (XML) or as strings (JSON), so it is unescaped first.
 */
export function templateSyntaxIn(file: string, text: string): string[] {
  let readable = text;
  if (file.endsWith('.json')) readable = stringsIn(JSON.parse(text) as unknown).join('\n');
  if (!file.endsWith('.html')) readable = readable.replace(/&(?:lt|gt|quot|#39|#x27|amp);/g, (entity) => ENTITIES[entity]!);
  const outsideCode = readable.replace(/<pre\b[\s\S]*?<\/pre>/gi, '').replace(/<code\b[\s\S]*?<\/code>/gi, '');
  return [...outsideCode.matchAll(/\{\{[<%]?[^\n]*?[>%]?\}\}|\{%[^\n]*?%\}|\{\{|\{%/g)].map((m) => m[0]);
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}
