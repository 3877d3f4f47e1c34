// Clicks on links in the preview. The frames never navigate (their links have
// no href, and they take no pointer events); the mirror above them receives
// the click and decides: a #fragment scrolls the preview, a link to another
// post opens it, an http(s)/mailto link goes to the OS browser through the
// external-URL allowlist, and anything else does nothing.
import { isExternalUrlAllowed } from '../../common/links';
import { isRelativeUrl } from '../../common/markdown/urls';

export type LinkAction =
  | { kind: 'fragment'; id: string }
  | { kind: 'external'; url: string }
  | { kind: 'post'; path: string }
  | { kind: 'none' };

/** What a click on a link with this href should do, for the post at `postPath`. */
export function linkAction(href: string, postPath: string): LinkAction {
  if (href.startsWith('#')) {
    try {
      return { kind: 'fragment', id: decodeURIComponent(href.slice(1)) };
    } catch {
      return { kind: 'none' };
    }
  }
  if (isRelativeUrl(href)) {
    const path = href.replace(/[?#].*$/, '');
    if (!/\.(?:md|markdown)$/i.test(path)) return { kind: 'none' };
    const folder = postPath.includes('/') ? postPath.slice(0, postPath.lastIndexOf('/')).split('/') : [];
    const parts = path.startsWith('/') ? [] : folder;
    for (const part of path.split('/')) {
      if (part === '..') parts.pop();
      else if (part && part !== '.') parts.push(part);
    }
    try {
      return { kind: 'post', path: decodeURI(parts.join('/')) };
    } catch {
      return { kind: 'none' };
    }
  }
  return isExternalUrlAllowed(href) ? { kind: 'external', url: href } : { kind: 'none' };
}

/** Routes clicks on the mirror's links; returns a function that stops listening. */
export function handleLinks(root: ShadowRoot, postPath: () => string, act: (action: LinkAction) => void): () => void {
  const onClick = (event: Event) => {
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link) return;
    // The default would navigate the app page itself.
    event.preventDefault();
    // A drag that selected text inside a link is a selection, not a click.
    if (root.ownerDocument.getSelection()?.isCollapsed === false) return;
    const href = link.getAttribute('href');
    if (href !== null) act(linkAction(href, postPath()));
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}
