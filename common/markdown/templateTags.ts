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
import type { MarkedExtension, Tokens } from 'marked';
import { parseVideoUrl, type Video } from '../videoUrl';
import type { VideoToken } from './videoEmbed';

export interface TemplateOptions {
  /** Show unsupported tags as a visible placeholder (the preview) instead of leaving them out (the site). */
  placeholders: boolean;
  /** `{{ site.url }}`, `{{ site.baseurl }}` and other site variables Liquid posts use, by name. */
  site?: Readonly<Record<string, string>>;
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

function shortcode(name: string, args: string): Rendering | null {
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
    case 'ref':
    case 'relref':
      return positional[0] ? { kind: 'text', text: positional[0] } : null;
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
      // Site variables are filled in first, so that they work inside link and image URLs too.
      preprocess: (markdown: string) => fillSiteVariables(markdown, site),
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
          if (code) return render(code[0], code[2]!.startsWith('/') ? null : shortcode(code[2]!, code[3]!));
          const tag = LIQUID.exec(src);
          if (tag) return render(tag[0], tag[1] ? liquid(tag[1], tag[2]!, site) : liquid(tag[3]!.split(/[\s|]/)[0]!, '', site));
          return undefined;
        },
      },
    ],
  };
}

/** A tag in a post body that the site will not show: reported by `postwright check`. */
export interface UnrenderedTag {
  /** 0-based offset in the body. */
  offset: number;
  tag: string;
}

/** Template tags outside code that render as nothing in the site, in body order. */
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
        const before = line.slice(0, m.index);
        if ((before.match(/`/g)?.length ?? 0) % 2 === 1) continue; // inside inline code
        if (!isRendered(m[0], site)) found.push({ offset: start + m.index, tag: m[0] });
      }
    }
    start = end + 1;
  }
  return found;
}

function isRendered(tag: string, site: Readonly<Record<string, string>>): boolean {
  if (/^\{%-?\s*(?:end)?(?:highlight|raw)\b/.test(tag)) return true;
  const code = SHORTCODE.exec(tag);
  if (code) return /^\/?highlight$/.test(code[2]!) || (!code[2]!.startsWith('/') && shortcode(code[2]!, code[3]!) !== null);
  const liquidTag = LIQUID.exec(tag);
  if (!liquidTag) return false;
  return liquidTag[1] ? liquid(liquidTag[1], liquidTag[2]!, site) !== null : liquid(liquidTag[3]!.split(/[\s|]/)[0]!, '', site) !== null;
}

/** `{{ site.baseurl }}` → its value, on every line outside fenced code. */
function fillSiteVariables(markdown: string, site: Readonly<Record<string, string>>): string {
  if (!markdown.includes('{{')) return markdown;
  let fence: string | null = null;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence === null ? marker : null;
      if (fence !== null || marker) return line;
      return line.replace(/\{\{-?\s*site\.(\w+)\s*-?\}\}/g, (tag, name: string) => site[name] ?? tag);
    })
    .join('\n');
}
