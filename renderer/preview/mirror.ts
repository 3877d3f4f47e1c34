// The mirror: the rendered article laid out a second time, in a shadow root of
// the app page, at the width of the preview frames and with the same CSS.
//
// The sandboxed frames cannot tell the page anything (no script, opaque
// origin), so the page learns the layout from the mirror: where each block is
// (the source map for scroll sync and the frames' positions), how tall the
// article is, and which link is under a click. The mirror sits over the frames
// with its text transparent but selectable. Its content is the same sanitized
// HTML as the frames', and the page's CSP forbids inline script.
import type { BlockView } from './blockViews';
import { mirrorCss } from './previewCss';

export class Mirror {
  readonly host: HTMLElement;
  readonly #root: ShadowRoot;
  readonly #article: HTMLElement;
  readonly #body: HTMLElement;
  readonly #patches: HTMLElement;
  #header: Element | null = null;
  #views: readonly BlockView[] = [];

  constructor(document: Document) {
    this.host = document.createElement('div');
    this.host.className = 'preview-mirror';
    // Screen readers and the keyboard get the frames' copy; this one is for the pointer.
    this.host.setAttribute('aria-hidden', 'true');
    this.#root = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = mirrorCss;
    this.#patches = document.createElement('div');
    const page = document.createElement('div');
    page.className = 'pw-body';
    this.#article = document.createElement('article');
    this.#article.className = 'post';
    this.#body = document.createElement('div');
    this.#body.className = 'post-body e-content';
    this.#article.append(this.#body);
    page.append(this.#article);
    this.#root.append(style, this.#patches, page);
  }

  get root(): ShadowRoot {
    return this.#root;
  }

  setTheme(theme: 'light' | 'dark' | null): void {
    if (theme) this.host.dataset.theme = theme;
    else delete this.host.dataset.theme;
  }

  setHeader(html: string): void {
    const template = this.host.ownerDocument.createElement('template');
    template.innerHTML = html;
    const header = template.content.firstElementChild;
    if (!header) return;
    if (this.#header) this.#header.replaceWith(header);
    else this.#article.prepend(header);
    this.#header = header;
  }

  get header(): Element | null {
    return this.#header;
  }

  /** Shows `views`, moving only the nodes of views that are not where they were. */
  setViews(views: readonly BlockView[]): void {
    const old = this.#views;
    let head = 0;
    while (head < old.length && head < views.length && old[head] === views[head]) head++;
    let tail = 0;
    while (tail < old.length - head && tail < views.length - head && old[old.length - 1 - tail] === views[views.length - 1 - tail]) tail++;
    for (let i = head; i < old.length - tail; i++) for (const node of old[i]!.nodes) node.parentNode?.removeChild(node);
    let before: Node | null = null;
    for (let i = views.length - tail; i < views.length && !before; i++) before = views[i]!.nodes[0] ?? null;
    const fragment = this.host.ownerDocument.createDocumentFragment();
    for (let i = head; i < views.length - tail; i++) fragment.append(...views[i]!.nodes);
    // The mirror is for the pointer: Tab must not walk into its (aria-hidden) links.
    for (const link of fragment.querySelectorAll('a[href]')) link.setAttribute('tabindex', '-1');
    this.#body.insertBefore(fragment, before);
    this.#views = views;
  }

  /** Top of an element relative to the mirror, in CSS pixels. */
  offsetOf(element: Element, hostTop = this.host.getBoundingClientRect().top): number {
    return element.getBoundingClientRect().top - hostTop;
  }

  get height(): number {
    return this.host.getBoundingClientRect().height;
  }

  /** A patch of page background behind a live chunk, so the stale frame under it does not show through. */
  setPatches(rects: readonly { top: number; height: number }[]): void {
    const doc = this.host.ownerDocument;
    while (this.#patches.children.length > rects.length) this.#patches.lastElementChild!.remove();
    while (this.#patches.children.length < rects.length) {
      const patch = doc.createElement('div');
      patch.className = 'pw-patch';
      this.#patches.append(patch);
    }
    rects.forEach((rect, i) => {
      const patch = this.#patches.children[i] as HTMLElement;
      patch.style.top = `${rect.top}px`;
      patch.style.height = `${rect.height}px`;
    });
  }

  /** The element with this id (a footnote or heading target). */
  byId(id: string): Element | null {
    return this.#root.getElementById(id);
  }
}

/** Marks a view's elements as shown by the frame (ghost) or by the mirror (live). */
export function setGhost(nodes: readonly Node[], ghost: boolean): void {
  for (const node of nodes) if (node.nodeType === 1) (node as Element).classList.toggle('pw-ghost', ghost);
}

/** A view's first element, the one whose top is the view's top. */
export function firstElement(view: BlockView): Element | null {
  for (const node of view.nodes) if (node.nodeType === 1) return node as Element;
  return null;
}
