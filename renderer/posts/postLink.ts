// The markdown link from one post to another: a path relative to the linking
// post's file, as `postwright check` and the preview resolve it, so the link
// keeps working in any other editor or generator that reads the folder.

/** `to` relative to the folder of `from`; both workspace-relative with forward slashes. */
export function relativePath(from: string, to: string): string {
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let same = 0;
  while (same < fromDirs.length && same < toParts.length - 1 && fromDirs[same] === toParts[same]) same++;
  return [...fromDirs.slice(same).map(() => '..'), ...toParts.slice(same)].join('/');
}

/** A URL path: each segment percent-encoded (parentheses too), so spaces and brackets cannot end the link early. */
function hrefOf(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment === '..' ? segment : encodeURIComponent(segment).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)))
    .join('/');
}

/** Brackets and backslashes in the text would close or escape the link's text. */
function linkText(text: string): string {
  return text.replace(/[\\[\]]/g, '\\$&');
}

/** The href of a link from the post at `from` to the post at `to`: `../other/post.md`, percent-encoded. */
export function postHref(from: string, to: string): string {
  return hrefOf(relativePath(from, to));
}

/** `[text](../other/post.md)` from the post at `from` to the post at `to`. */
export function postLinkMarkdown(text: string, from: string, to: string): string {
  return `[${linkText(text)}](${postHref(from, to)})`;
}
