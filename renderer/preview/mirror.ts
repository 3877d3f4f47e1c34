// The mirror: the rendered article laid out a second time, in a shadow root of
// the app page, at the width of the preview frames and with the same CSS.
//
// The sandboxed frames cannot tell the page anything (no script, opaque
// origin), so the page learns the layout from the mirror: where each chunk is
// (the frames' positions, and the source map for scroll sync), how tall the
// article is, and which link is under a click. The mirror sits over the frames
// with its text transparent but selectable. Its content is the same sanitized
// HTML as the frames', and the page's CSP forbids inline script, and any
// <style> or style attribute but our own: the mirror's one <style> carries the
// page's nonce, set as a property so that it never shows in the DOM.
//
// Each chunk's blocks sit in a box of their own with `content-visibility:
// auto`, so an edit lays out and paints only the boxes on screen; the others
// keep their last size. A box contains its blocks' margins (it is a layout
// container), so its own margin is set to undo that where two boxes meet:
// the gap between them is then the collapsed margin the published page has.
import type { BlockView } from './blockViews';
import type { Chunk } from './chunks';
import { mirrorCss } from './previewCss';

/** A chunk's box in the mirror. */
export interface ChunkBox {
  element: HTMLElement;
  /** The chunk key it shows (its views' ids). */
  key: string;
  /** Its first block's top margin and its last block's bottom margin, in px. */
  marginTop: number;
  marginBottom: number;
  /** Whether those were read from its blocks yet (until then they are the replaced box's, a good guess). */
  measured: boolean;
  /** The top margin set on the box, in px. */
  applied: number;
}

export class Mirror {
  readonly host: HTMLElement;
  readonly #root: ShadowRoot;
  readonly #article: HTMLElement;
  readonly #body: HTMLElement;
  readonly #patches: HTMLElement;
  #header: Element | null = null;
  #boxes: ChunkBox[] = [];

  /** `nonce`: the page's CSP nonce (see cspNonce.ts), without which the mirror's stylesheet would be refused. */
  constructor(document: Document, nonce: string) {
    this.host = document.createElement('div');
    this.host.className = 'preview-mirror';
    // Screen readers and the keyboard get the frames' copy; this one is for the pointer.
    this.host.setAttribute('aria-hidden', 'true');
    this.#root = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.nonce = nonce;
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

  get boxes(): readonly ChunkBox[] {
    return this.#boxes;
  }

  /**
   * Shows `chunks` of `views`: a chunk shown before keeps its box untouched;
   * a new one gets a fresh box, laid out in full once (`pw-fresh`) so that
   * its size is known before it may be skipped. Returns the boxes made and
   * the boxes dropped.
   */
  setChunks(chunks: readonly Chunk[], views: readonly BlockView[]): { made: ChunkBox[]; dropped: ChunkBox[] } {
    const doc = this.host.ownerDocument;
    const before = this.#boxes;
    const old = new Map(before.map((box) => [box.key, box]));
    const made: ChunkBox[] = [];
    this.#boxes = chunks.map((chunk, i) => {
      const kept = old.get(chunk.key);
      if (kept) {
        old.delete(chunk.key);
        return kept;
      }
      const element = doc.createElement('div');
      element.className = 'pw-chunk pw-fresh';
      for (let v = chunk.start; v < chunk.end; v++) element.append(...views[v]!.nodes);
      // The mirror is for the pointer: Tab must not walk into its (aria-hidden) links.
      for (const link of element.querySelectorAll('a[href]')) link.setAttribute('tabindex', '-1');
      // A box with nothing to show must not keep the blocks around it from collapsing their margins.
      element.hidden = !element.firstElementChild;
      const guess = before[i];
      const box = { element, key: chunk.key, marginTop: guess?.marginTop ?? 0, marginBottom: guess?.marginBottom ?? 0, measured: false, applied: 0 };
      made.push(box);
      return box;
    });
    for (const box of old.values()) box.element.remove();
    let previous: Element | null = null;
    for (const { element } of this.#boxes) {
      const next: ChildNode | null = previous ? previous.nextSibling : this.#body.firstChild;
      if (next !== element) this.#body.insertBefore(element, next);
      previous = element;
    }
    this.#collapseMargins();
    return { made, dropped: [...old.values()] };
  }

  /**
   * Reads the margins of new boxes' first and last blocks, and corrects the
   * boxes' spacing if the guess was wrong. Call when style is up to date
   * (after layout), where reading computed style costs nothing. True when the
   * spacing changed.
   */
  settleMargins(): boolean {
    const view = this.host.ownerDocument.defaultView!;
    let changed = false;
    for (const box of this.#boxes) {
      if (box.measured) continue;
      box.measured = true;
      const first = box.element.firstElementChild;
      const last = box.element.lastElementChild;
      const top = first ? parseFloat(view.getComputedStyle(first).marginTop) || 0 : 0;
      const bottom = last ? parseFloat(view.getComputedStyle(last).marginBottom) || 0 : 0;
      changed ||= top !== box.marginTop || bottom !== box.marginBottom;
      box.marginTop = top;
      box.marginBottom = bottom;
    }
    if (changed) this.#collapseMargins();
    return changed;
  }

  /** Sets each box's top margin so that, with the margins it contains, two boxes are as far apart as their blocks would be. */
  #collapseMargins(): void {
    let above: number | null = null;
    for (const box of this.#boxes) {
      if (box.element.hidden) continue;
      // The body's first block has no top margin (the theme's `.post-body > :first-child`).
      const margin = -(above === null ? box.marginTop : Math.min(above, box.marginTop));
      if (box.applied !== margin) box.element.style.marginTop = `${margin}px`;
      box.applied = margin;
      above = box.marginBottom;
    }
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
      const key = `${rect.top} ${rect.height}`;
      if (patch.dataset.at === key) return;
      patch.dataset.at = key;
      patch.style.top = `${rect.top}px`;
      patch.style.height = `${rect.height}px`;
    });
  }

  /** The element with this id (a footnote or heading target). */
  byId(id: string): Element | null {
    return this.#root.getElementById(id);
  }
}

/** Marks an element as shown by its frame (ghost) or by the mirror (live). */
export function setGhost(element: Element, ghost: boolean): void {
  element.classList.toggle('pw-ghost', ghost);
}
