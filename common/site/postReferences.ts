// Links from one post to another, written as the generators let authors write
// them: a relative path to the other post's file (`[x](../2019-07-02-name.md)`,
// what the link picker inserts), Jekyll's `{% post_url 2019-07-02-name %}` and
// `{% link _posts/2019-07-02-name.md %}`, Hugo's `{{< ref "name" >}}` and
// `{{< relref "name" >}}`. Each names a file; the site needs the URL that
// file is published at, which is known only once the site model has placed
// every post. So a rendered body carries a marker where the URL goes
// (referenceMarker), filled in when its page is written (fillReferences); the
// preview, which opens files rather than URLs, resolves the same reference to
// the file (referencedFile) and links to it.
//
// Rules: jekyllrb.com/docs/liquid/tags/#linking-to-posts and #link,
// gohugo.io/content-management/cross-references/ ("Paths without a leading /
// are first resolved relative to the current page, then to the remainder of
// the site"; `index.md` by its folder too; extension optional).
import { isUnder } from '../blog/layout';
import { isRelativeUrl } from '../markdown/urls';

export type ReferenceKind = 'file' | 'post_url' | 'link' | 'ref' | 'relref';

export interface PostReference {
  kind: ReferenceKind;
  /** As written: an href for 'file', the tag's argument otherwise. */
  target: string;
}

const MARKDOWN = /\.(?:md|markdown)$/i;

/** The path of the marker: a site path no page is ever written to (dot-folders are never published). */
const MARKER_PATH = '/.postwright-ref/';
/** A marker, its kind and its percent-encoded target; the encoding leaves none of `"'<>&` and no space, so it reads the same in text and attributes. */
const MARKER = /\/\.postwright-ref\/(file|post_url|link|ref|relref)\/([\w.~%-]*)/g;

const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The site path standing for a reference until the site model places its target. */
export function referenceMarker(reference: PostReference): string {
  return `${MARKER_PATH}${reference.kind}/${encode(reference.target)}`;
}

/** Whether a URL is a marker already (a `{% link %}` marker ends in ".md" too, and is no link to a file). */
export const isReferenceMarker = (url: string): boolean => url.startsWith(MARKER_PATH);

/** The references whose markers a rendered body carries, each once, in order. */
export function referencesIn(html: string): PostReference[] {
  const seen = new Set<string>();
  const found: PostReference[] = [];
  for (const m of html.matchAll(MARKER)) {
    if (seen.has(m[0])) continue;
    seen.add(m[0]);
    const target = decode(m[2]!);
    if (target !== null) found.push({ kind: m[1] as ReferenceKind, target });
  }
  return found;
}

/**
 * `html` with each marker replaced by what `url` gives for its reference. A
 * link to a file the site does not publish (missing, a draft) stays as
 * written, as the preview shows it and any generator would leave it; a
 * template tag nothing answers for has no URL to fall back on, and its link
 * keeps only its words. `check` reports both.
 */
export function fillReferences(html: string, url: (reference: PostReference) => string | null): string {
  if (!html.includes(MARKER_PATH)) return html;
  const urlOf = (kind: string, encoded: string): string | null => {
    const target = decode(encoded);
    if (target === null) return null;
    return url({ kind: kind as ReferenceKind, target }) ?? (kind === 'file' ? target : null);
  };
  // In an href first, where an unresolved reference takes the attribute with it; then anywhere (a bare {% post_url %} is text).
  const linked = html.replace(/ href="\/\.postwright-ref\/(file|post_url|link|ref|relref)\/([\w.~%-]*)([^"]*)"/g, (_, kind: string, encoded: string, rest: string) => {
    const found = urlOf(kind, encoded);
    return found === null ? '' : ` href="${escapeAttribute(withFragment(found, rest))}"`;
  });
  return linked.replace(MARKER, (_, kind: string, encoded: string) => escapeAttribute(urlOf(kind, encoded) ?? ''));
}

/** The reference's own `#fragment` (a ref's "name#anchor") joined with what followed the marker in the href. */
function withFragment(url: string, rest: string): string {
  return rest === '' || url.includes('#') ? url : url + rest;
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function decode(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/** The workspace path a relative link names from the post at `from`, with its `?query#fragment` apart; null when it is not a link to a markdown file. */
export function linkedFile(href: string, from: string): { path: string; suffix: string } | null {
  if (!isRelativeUrl(href)) return null;
  const cut = href.search(/[?#]/);
  const pathPart = cut < 0 ? href : href.slice(0, cut);
  if (!MARKDOWN.test(pathPart)) return null;
  let decoded: string;
  try {
    decoded = decodeURI(pathPart);
  } catch {
    return null;
  }
  const path = joinPath(decoded.startsWith('/') ? '' : dirname(from), decoded);
  return path === null ? null : { path, suffix: cut < 0 ? '' : href.slice(cut) };
}

/** What the resolver needs to know of the workspace. */
export interface ReferenceScope {
  /** Every post and page file, workspace-relative. */
  files: ReadonlySet<string>;
  /** Hugo's content folder ('' elsewhere): where a ref's absolute path starts. */
  contentRoot: string;
}

/** The file a reference from the post at `from` names, and the `#fragment` (or `?query#fragment`) it adds; null when it names none. */
export function referencedFile(reference: PostReference, from: string, scope: ReferenceScope): { path: string; fragment: string } | null {
  if (reference.kind === 'file') {
    const linked = linkedFile(reference.target, from);
    return linked && scope.files.has(linked.path) ? { path: linked.path, fragment: linked.suffix } : null;
  }
  const hash = reference.target.indexOf('#');
  const name = (hash < 0 ? reference.target : reference.target.slice(0, hash)).trim();
  const fragment = hash < 0 ? '' : reference.target.slice(hash);
  let path: string | null;
  switch (reference.kind) {
    case 'post_url':
      path = postUrlTarget(name, scope);
      break;
    case 'link':
      // Jekyll's {% link %} names the file from the site root, extension and all.
      path = joinPath('', name);
      if (path !== null && !scope.files.has(path)) path = null;
      break;
    case 'ref':
    case 'relref':
      // "#anchor" alone is this page.
      path = name === '' ? from : hugoRefTarget(name, from, scope);
      break;
  }
  return path === null ? null : { path, fragment };
}

/** `2010-07-21-name` or `subdir/2010-07-21-name`: the post in a `_posts` folder with that name (and subfolder). */
function postUrlTarget(name: string, scope: ReferenceScope): string | null {
  const wanted = name.replace(/^\/+/, '');
  if (wanted === '') return null;
  const slash = wanted.lastIndexOf('/');
  const stem = wanted.slice(slash + 1);
  const folder = slash < 0 ? '' : wanted.slice(0, slash);
  for (const file of scope.files) {
    const parts = file.split('/');
    const at = parts.indexOf('_posts');
    if (at < 0 || parts.at(-1)!.replace(MARKDOWN, '') !== stem) continue;
    // The subfolder is inside _posts (`_posts/subdir/`) or a category above it (`subdir/_posts/`).
    const inside = parts.slice(at + 1, -1).join('/');
    const above = parts.slice(0, at).join('/');
    if (folder === '' ? inside === '' : inside === folder || above === folder) return file;
  }
  return null;
}

/** Hugo: relative to the page first, then from the content root, then anywhere; with or without the extension, a bundle by its folder. */
function hugoRefTarget(name: string, from: string, scope: ReferenceScope): string | null {
  const candidates = (base: string) => {
    const path = joinPath(base, name.replace(/^\/+/, ''));
    if (path === null) return [];
    return MARKDOWN.test(path) ? [path] : [`${path}.md`, `${path}.markdown`, `${path}/index.md`, `${path}/index.markdown`];
  };
  const found = (paths: string[]) => paths.find((path) => scope.files.has(path)) ?? null;
  const near = (name.startsWith('/') ? null : found(candidates(dirname(from)))) ?? found(candidates(scope.contentRoot));
  if (near) return near;
  // "The remainder of the site": any content file whose path ends with the name (and an absolute path
  // where the content folder is not known, as in the preview).
  const tails = candidates('').map((tail) => `/${tail}`);
  for (const file of scope.files) if (isUnder(file, scope.contentRoot) && tails.some((tail) => `/${file}`.endsWith(tail))) return file;
  return null;
}

const dirname = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/** `relative` from the folder `base`, `..` and `.` applied; null when it climbs out of the workspace. */
function joinPath(base: string, relative: string): string | null {
  const parts = base === '' ? [] : base.split('/');
  for (const part of relative.split('/')) {
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else if (part !== '' && part !== '.') parts.push(part);
  }
  return parts.length === 0 ? null : parts.join('/');
}
