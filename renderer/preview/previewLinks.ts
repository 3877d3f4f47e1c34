// Clicks on links in the preview. The frames never navigate (their links have
// no href, and they take no pointer events); the mirror above them receives
// the click and decides: a #fragment scrolls the preview, a link to another
// post opens it, an http(s)/mailto link goes to the OS browser through the
// external-URL allowlist, and anything else does nothing.
import { isExternalUrlAllowed } from '../../common/links';
import { isRelativeUrl } from '../../common/markdown/urls';
import { linkedFile } from '../../common/site/postReferences';

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
    // The file the build links to the published address of (common/site/postReferences.ts).
    const linked = linkedFile(href, postPath);
    return linked ? { kind: 'post', path: linked.path } : { kind: 'none' };
  }
  // As the parser reads it: the OS browser gets https://host/ for "https:host" or "HTTPS:\\host", never a spelling it might read otherwise.
  return isExternalUrlAllowed(href) ? { kind: 'external', url: new URL(href).href } : { kind: 'none' };
}

/**
 * Routes clicks on the mirror's links; returns a function that stops listening.
 * The middle button too: its click (auxclick) would otherwise open the
 * link in a new tab of the page itself. <area> is a link too (the preview
 * drops image maps, so this is the second line).
 */
export function handleLinks(root: ShadowRoot, postPath: () => string, act: (action: LinkAction) => void): () => void {
  const onClick = (event: Event) => {
    const link = (event.target as Element | null)?.closest?.('a, area');
    if (!link) return;
    // The default would navigate the app page itself, or open a tab.
    event.preventDefault();
    // A drag that selected text inside a link is a selection, not a click.
    if (root.ownerDocument.getSelection()?.isCollapsed === false) return;
    const href = link.getAttribute('href');
    if (href !== null) act(linkAction(href, postPath()));
  };
  // The right button's auxclick opens a context menu, not the link.
  const onAuxClick = (event: Event) => (event as MouseEvent).button === 1 && onClick(event);
  root.addEventListener('click', onClick);
  root.addEventListener('auxclick', onAuxClick);
  return () => {
    root.removeEventListener('click', onClick);
    root.removeEventListener('auxclick', onAuxClick);
  };
}
