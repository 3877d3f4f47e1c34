// Template syntax in posts written for Jekyll (Liquid) and Hugo (shortcodes).
// Postwright never runs a template: the built-ins blogs actually use are
// rendered here as the markdown they stand for, through the one pipeline and
// its sanitizer; every other tag is left out of the page (and so out of its
// description and the feeds), shown as a placeholder in the preview, and
// reported by `postwright check` at its line (findTemplateTags).
//
// Syntax follows shopify.github.io/liquid and jekyllrb.com/docs/liquid/tags/
// (highlight, raw, post_url, link) and gohugo.io/content-management/shortcodes/
// (youtube, vimeo, figure, highlight, gist, ref, relref, param).
// Links to other posts (post_url, link, ref, relref) become whatever URL the
// caller's `reference` gives: the build's marker for the target's address, the
// preview's link to the target's file (see common/site/postReferences.ts).
import type { MarkedExtension, Tokens } from 'marked';
import type { PostReference, ReferenceKind } from '../site/postReferences';
import { parseVideoUrl, type Video } from '../videoUrl';
import type { VideoToken } from './videoEmbed';

export interface TemplateOptions {
  /** Show unsupported tags as a visible placeholder (the preview) instead of leaving them out (the site). */
  placeholders: boolean;
  /** `{{ site.url }}`, `{{ site.baseurl }}` and other site variables Liquid posts use, by name. */
  site?: Readonly<Record<string, string>>;
  /** The URL a link to another post leads to; null when it names no post (the tag is then unrendered). */
  reference?: (reference: PostReference) => string | null;
  /** `{{< param name >}}`: the post's front matter, then the site's params; undefined when neither has it. */
  param?: (name: string) => string | undefined;
}

/**
 * Liquid's `site` as Jekyll fills it: the _config.yml values, and `url` and `baseurl` as the site publishes
 * (`https://example.org/blog/` → `https://example.org` and `/blog`). The build and the preview use the same.
 */
export function liquidSite(siteVariables: Readonly<Record<string, string>>, baseUrl: string): Record<string, string> {
  const base = new URL(baseUrl);
  return { ...siteVariables, url: base.origin, baseurl: base.pathname.replace(/\/$/, '') };
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => escapes[c]!);

/** `{% highlight ruby linenos %}…{% endhighlight %}` and `{{< highlight go "linenos=table" >}}…{{< /highlight >}}`. */
const HIGHLIGHT =
  /^(?:\{%-?\s*highlight\s+([\w+#.-]+)[^%\n]*-?%\}|\{\{[<%]\s*highlight\s+([\w+#.-]+)[^\n]*?[>%]\}\})[ \t]*\n?([\s\S]*?)\n?(?:\{%-?\s*endhighlight\s*-?%\}|\{\{[<%]\s*\/highlight\s*[>%]\}\})[ \t]*(?:\n|$)/;
/** `{% raw %}…{% endraw %}`: shown exactly as written. */
const RAW = /^\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/;
/** One Hugo shortcode: `{{< name args >}}` or `{{% name args %}}`. */
const SHORTCODE = /^\{\{([<%])\s*(\/?[\w.-]+)([^\n]*?)\s*[>%]\}\}/;
/** One Liquid tag or output: `{% name args %}`, `{{ expression }}`. */
const LIQUID = /^(?:\{%-?\s*([\w.-]+)([^\n]*?)-?%\}|\{\{-?\s*([^}\n]*?)\s*-?\}\})/;

/** Shortcode arguments: positional (`"id"`, `id`) and named (`src="x"`). */
function argumentsOf(text: string): { positional: string[]; named: Record<string, string> } {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  for (const m of text.matchAll(/(?:([\w-]+)=)?(?:"([^"]*)"|'([^']*)'|`([^`]*)`|([^\s"'`]+))/g)) {
    const value = m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    if (m[1]) named[m[1]] = value;
    else positional.push(value);
  }
  return { positional, named };
}

/** What a tag becomes: markdown-level tokens, or null when it is not one we render. */
type Rendering = { kind: 'video'; video: Video; title: string } | { kind: 'image'; src: string; alt: string; title: string } | { kind: 'link'; href: string; text: string } | { kind: 'text'; text: string };

function shortcode(name: string, args: string, options: Pick<TemplateOptions, 'param'> = {}): Rendering | null {
  const { positional, named } = argumentsOf(args);
  const id = named.id ?? positional[0] ?? '';
  switch (name) {
    case 'youtube':
    case 'vimeo': {
      // The id is read as the player's address would carry it, so one parser (videoUrl.ts) vouches for it.
      const player = name === 'youtube' ? `https://www.youtube-nocookie.com/embed/${encodeURIComponent(id)}?start=${encodeURIComponent(named.start ?? '')}` : `https://player.vimeo.com/video/${encodeURIComponent(id)}`;
      const video = parseVideoUrl(player);
      return video ? { kind: 'video', video, title: named.title ?? '' } : null;
    }
    case 'figure':
      return named.src ? { kind: 'image', src: named.src, alt: named.alt ?? named.caption ?? '', title: named.caption ?? named.title ?? '' } : null;
    case 'gist': {
      // No script: a link to the gist, which is what a reader without JavaScript gets from GitHub too.
      const [user, gist] = positional;
      return user && gist && /^[\w-]+$/.test(user) && /^[\da-f]+$/i.test(gist) ? { kind: 'link', href: `https://gist.github.com/${user}/${gist}`, text: `Gist ${user}/${gist}` } : null;
    }
    case 'param': {
      // Written `{{< param name >}}` or `{{< param "name" >}}`; Hugo matches the key case-insensitively.
      const value = positional[0] ? options.param?.(positional[0]) : undefined;
      return value === undefined ? null : { kind: 'text', text: value };
    }
    default:
      return null;
  }
}

function liquid(name: string, args: string, site: Readonly<Record<string, string>>): Rendering | null {
  if (name === 'site') return null;
  const variable = /^site\.(\w+)$/.exec(`${name}${args}`.trim());
  if (variable && site[variable[1]!] !== undefined) return { kind: 'text', text: site[variable[1]!]! };
  return null;
}

export function templateTags(options: TemplateOptions): MarkedExtension {
  const site = options.site ?? {};
  const placeholder = (raw: string): Tokens.HTML | Tokens.Text =>
    options.placeholders
      ? { type: 'html', raw, block: false, pre: false, text: `<code class="template-tag" title="Template syntax Postwright does not run">${escape(raw)}</code>` }
      : { type: 'text', raw, text: '' };
  const render = (raw: string, rendering: Rendering | null): Tokens.Generic => {
    if (!rendering) return placeholder(raw);
    switch (rendering.kind) {
      case 'video':
        // A click-to-load embed (videoEmbed.ts), never the player itself.
        return { type: 'videoEmbed', raw, video: rendering.video, title: rendering.title } satisfies VideoToken;
      case 'image':
        return { type: 'image', raw, href: rendering.src, title: rendering.title || null, text: rendering.alt, tokens: [] };
      case 'link':
        return { type: 'link', raw, href: rendering.href, title: null, text: rendering.text, tokens: [{ type: 'text', raw: rendering.text, text: rendering.text }] };
      case 'text':
        return { type: 'text', raw, text: escape(rendering.text) };
    }
  };
  return {
    hooks: {
      // Links to posts and site variables are filled in first, so that they work inside link and image URLs too.
      preprocess: (markdown: string) => fillSiteVariables(options.reference ? fillPostReferences(markdown, options.reference) : markdown, site),
    },
    extensions: [
      {
        name: 'templateHighlight',
        level: 'block',
        start: (src) => src.match(/\{%-?\s*highlight\b|\{\{[<%]\s*highlight\b/)?.index,
        tokenizer(src) {
          const m = HIGHLIGHT.exec(src);
          if (!m) return undefined;
          return { type: 'code', raw: m[0], lang: m[1] ?? m[2] ?? '', text: m[3] ?? '' };
        },
      },
      {
        name: 'templateTag',
        level: 'inline',
        start: (src) => src.match(/\{[{%]/)?.index,
        tokenizer(src) {
          const raw = RAW.exec(src);
          if (raw) return { type: 'text', raw: raw[0], text: escape(raw[1]!) };
          const code = SHORTCODE.exec(src);
          if (code) return render(code[0], code[2]!.startsWith('/') ? null : shortcode(code[2]!, code[3]!, options));
          const tag = LIQUID.exec(src);
          if (tag) return render(tag[0], tag[1] ? liquid(tag[1], tag[2]!, site) : liquid(tag[3]!.split(/[\s|]/)[0]!, '', site));
          return undefined;
        },
      },
    ],
  };
}

/** A front-matter or config value as `{{< param >}}` prints it: a string, number or boolean. */
export function paramText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** A tag in a post body that the site will not show: reported by `postwright check`. */
export interface UnrenderedTag {
  /** 0-based offset in the body. */
  offset: number;
  tag: string;
  /** A link to another post (post_url, link, ref, relref): rendered when it names one, which only the whole site knows. */
  reference?: PostReference;
  /** `{{< param name >}}`: rendered when the front matter or the site's params have it. */
  param?: string;
  /** `{{ site.name }}`: rendered when the site's config has it. */
  variable?: string;
  /** `{{ "/path/" | relative_url }}`: always rendered, as a link to this site path, which the check follows. */
  link?: string;
}

/** Template tags outside code that render as nothing in the site as far as the body alone tells, in body order. */
export function findTemplateTags(body: string, site: Readonly<Record<string, string>> = {}): UnrenderedTag[] {
  const found: UnrenderedTag[] = [];
  let fence: string | null = null;
  /** Inside {% raw %} or a highlight tag: shown as written, never a tag. */
  let verbatim: RegExp | null = null;
  for (let start = 0; start < body.length; ) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    const line = body.slice(start, end);
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (verbatim) {
      if (verbatim.test(line)) verbatim = null;
    } else if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence === null ? marker : null;
    else if (/\{%-?\s*raw\s*-?%\}/.test(line) && !/\{%-?\s*endraw/.test(line)) verbatim = /\{%-?\s*endraw/;
    else if (/\{%-?\s*highlight\b/.test(line) && !/endhighlight/.test(line)) verbatim = /\{%-?\s*endhighlight/;
    else if (/\{\{[<%]\s*highlight\b/.test(line) && !/\/highlight/.test(line)) verbatim = /\{\{[<%]\s*\/highlight/;
    else if (fence === null) {
      for (const m of line.matchAll(/\{\{[<%][^\n]*?[>%]\}\}|\{%-?[^\n]*?-?%\}|\{\{[^}\n]*\}\}/g)) {
        if (insideCodeSpan(line, m.index)) continue;
        const offset = start + m.index;
        const reference = referenceOf(m[0]);
        if (reference) found.push({ offset, tag: m[0], reference });
        else if (PARAM.test(m[0])) found.push({ offset, tag: m[0], param: argumentsOf(PARAM.exec(m[0])![1]!).positional[0] ?? '' });
        else if (SITE_VARIABLE.test(m[0]) && site[SITE_VARIABLE.exec(m[0])![1]!] === undefined) found.push({ offset, tag: m[0], variable: SITE_VARIABLE.exec(m[0])![1]! });
        else if (urlFilterTarget(m[0]) !== null) found.push({ offset, tag: m[0], link: urlFilterTarget(m[0])! });
        else if (!isRendered(m[0], site)) found.push({ offset, tag: m[0] });
      }
    }
    start = end + 1;
  }
  return found;
}

/** An odd number of backticks before `at` on the line: inside inline code. */
const insideCodeSpan = (line: string, at: number): boolean => (line.slice(0, at).match(/`/g)?.length ?? 0) % 2 === 1;

function isRendered(tag: string, site: Readonly<Record<string, string>>): boolean {
  if (/^\{%-?\s*(?:end)?(?:highlight|raw)\b/.test(tag)) return true;
  const code = SHORTCODE.exec(tag);
  if (code) return /^\/?highlight$/.test(code[2]!) || (!code[2]!.startsWith('/') && shortcode(code[2]!, code[3]!) !== null);
  const liquidTag = LIQUID.exec(tag);
  if (!liquidTag) return false;
  return liquidTag[1] ? liquid(liquidTag[1], liquidTag[2]!, site) !== null : liquid(liquidTag[3]!.split(/[\s|]/)[0]!, '', site) !== null;
}

/** `{{ site.name }}` as a whole tag. */
const SITE_VARIABLE = /^\{\{-?\s*site\.(\w+)\s*-?\}\}$/;
/** `{{ "/path/" | relative_url }}` and `| absolute_url` on a quoted path (jekyllrb.com/docs/liquid/filters/). */
const URL_FILTER = /\{\{-?\s*(["'])([^"'\n{}]*)\1\s*\|\s*(relative_url|absolute_url)\s*-?\}\}/g;
/** The site path a whole `{{ "/x/" | relative_url }}` tag links to; null for any other tag. */
function urlFilterTarget(tag: string): string | null {
  URL_FILTER.lastIndex = 0;
  const m = URL_FILTER.exec(tag);
  return m && m[0] === tag ? (m[2]!.startsWith('/') ? m[2]! : `/${m[2]!}`) : null;
}

/** `{{< param name >}}`. */
const PARAM = /^\{\{[<%]\s*param\s+([^\n]*?)\s*[>%]\}\}$/;
/** `{{ site.baseurl }}{% post_url name %}` (the base is part of the URL the reference gives) and `{% link path %}`. */
const LIQUID_REFERENCE = /(?:\{\{-?\s*site\.baseurl\s*-?\}\})?\{%-?\s*(post_url|link)\s+("[^"\n]*"|'[^'\n]*'|[^\s%]+)\s*-?%\}/g;
/** `{{< ref "name" >}}`, `{{< relref "name" >}}` (or with `%`). */
const HUGO_REFERENCE = /\{\{[<%]\s*(ref|relref)\s+("[^"\n]*"|'[^'\n]*'|[^\s>%]+)\s*[>%]\}\}/g;

const unquoted = (text: string) => text.replace(/^(["'])(.*)\1$/, '$2');

/** The post a whole tag links to, if it is a reference tag. */
function referenceOf(tag: string): PostReference | null {
  for (const pattern of [LIQUID_REFERENCE, HUGO_REFERENCE]) {
    pattern.lastIndex = 0;
    const m = pattern.exec(tag);
    if (m && m.index === 0 && m[0].length === tag.length) return { kind: m[1] as ReferenceKind, target: unquoted(m[2]!) };
  }
  return null;
}

/** Each reference tag that leads somewhere, replaced by its URL, on every line outside code. */
function fillPostReferences(markdown: string, reference: (reference: PostReference) => string | null): string {
  if (!markdown.includes('{%') && !markdown.includes('{{')) return markdown;
  const fill = (line: string, pattern: RegExp) =>
    line.replace(pattern, (tag: string, kind: string, target: string, at: number) => {
      if (insideCodeSpan(line, at)) return tag;
      return reference({ kind: kind as ReferenceKind, target: unquoted(target) }) ?? tag;
    });
  return outsideFences(markdown, (line) => fill(fill(line, LIQUID_REFERENCE), HUGO_REFERENCE));
}

/**
 * `{{ site.baseurl }}` → its value, and `{{ "/x/" | relative_url }}` → baseurl + "/x/" (`absolute_url`: with
 * url first), on every line outside fenced code. The filters need the site's url and baseurl: without them
 * (no site given) the tag stays, unrendered.
 */
function fillSiteVariables(markdown: string, site: Readonly<Record<string, string>>): string {
  if (!markdown.includes('{{')) return markdown;
  const { url, baseurl } = site;
  const filter = (tag: string, _quote: string, target: string, name: string) =>
    url === undefined || baseurl === undefined ? tag : `${name === 'absolute_url' ? url : ''}${baseurl}${target.startsWith('/') || target === '' ? '' : '/'}${target}`;
  return outsideFences(markdown, (line) => line.replace(/\{\{-?\s*site\.(\w+)\s*-?\}\}/g, (tag, name: string) => site[name] ?? tag).replace(URL_FILTER, filter));
}

/** Each line outside fenced code, through `edit`. */
function outsideFences(markdown: string, edit: (line: string) => string): string {
  let fence: string | null = null;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence === null ? marker : null;
      if (fence !== null || marker) return line;
      return edit(line);
    })
    .join('\n');
}
