// The preview on screen: sandboxed frames, one per chunk of the article, laid
// out at the offsets of the chunks' boxes in the mirror, inside a scroller the
// page owns.
//
// A chunk whose content changed is shown by the mirror at once ("live"); its
// frame is given the new document just after that frame is painted, and when
// it has loaded, the mirror's copy turns transparent again. So typing shows in
// the next frame, and the resting preview is always the sandboxed one.
//
// Nothing here reads layout while the page is being changed. The mirror is
// written in the animation frame; a ResizeObserver, whose callbacks run after
// layout and before paint, reads the boxes' positions (layout is clean then,
// so the reads cost nothing) and places the frames. It also reads where each
// block sits in a box that was laid out anew, so the source map never reads
// inside a box the browser skips.
import type { BlockView } from './blockViews';
import { chunksOf, type Chunk } from './chunks';
import { frameDocument, type FrameOptions } from './frameDocument';
import { Mirror, setGhost } from './mirror';

interface Frame {
  iframe: HTMLIFrameElement;
  /** The frame key of the chunk it shows, or is about to show. */
  key: string;
  /** True once that document has loaded. */
  loaded: boolean;
  /** Its document is still to be given (after the next paint). */
  due: boolean;
  /** Where it was last placed, in px. */
  top: number;
  height: number;
}

export interface SurfaceState {
  views: readonly BlockView[];
  /** The article's header markup, and a version that changes with it. */
  header: { html: string; version: number };
}

export class PreviewSurface {
  readonly canvas: HTMLElement;
  readonly mirror: Mirror;
  readonly #frameLayer: HTMLElement;
  #frames: Frame[] = [];
  #chunks: Chunk[] = [];
  #views: readonly BlockView[] = [];
  #options: FrameOptions;
  #header = { html: '', version: -1 };
  #revision = 0;
  /** Each frame's top, and each box's top, in the mirror, as last measured. */
  #tops: number[] = [];
  #boxTops: number[] = [];
  #height = 0;
  #width = 0;
  /** Each box's views' tops from the box's top (null: nothing on screen), measured when it was last laid out. */
  readonly #inBox = new WeakMap<Element, (number | null)[]>();
  #viewTops: (number | null)[] | null = null;
  readonly #resize: ResizeObserver;
  /** Boxes laid out in full once, to be made skippable on the next frame. */
  #measuredFresh: HTMLElement[] = [];
  readonly #afterPaint = new MessageChannel();
  #loadsQueued = false;
  /** Called after the layout changed (content, width, images), for scroll sync. */
  onLayout: () => void = () => {};

  constructor(document: Document, options: FrameOptions) {
    this.#options = options;
    this.canvas = document.createElement('div');
    this.canvas.className = 'preview-canvas';
    this.#frameLayer = document.createElement('div');
    this.#frameLayer.className = 'preview-frames';
    this.mirror = new Mirror(document, options.nonce);
    this.mirror.setTheme(options.theme);
    this.canvas.append(this.#frameLayer, this.mirror.host);
    this.#resize = new ResizeObserver((entries) => this.#layout(entries));
    this.#resize.observe(this.mirror.host);
    this.#afterPaint.port1.onmessage = () => this.#loadDue();
  }

  /** New frame options (theme, remote images): every frame reloads. */
  setOptions(options: FrameOptions): void {
    this.#options = options;
    this.mirror.setTheme(options.theme);
    for (const frame of this.#frames) frame.key = '';
  }

  /** Shows new content: the mirror now, the frames of changed chunks as they load. */
  update({ views, header }: SurfaceState): void {
    if (header.version !== this.#header.version) {
      if (this.mirror.header) this.#resize.unobserve(this.mirror.header);
      this.mirror.setHeader(header.html);
      if (this.mirror.header) this.#resize.observe(this.mirror.header);
    }
    this.#header = header;
    this.#views = views;
    this.#chunks = chunksOf(views);
    const { made, dropped } = this.mirror.setChunks(this.#chunks, views);
    for (const box of dropped) this.#resize.unobserve(box.element);
    for (const box of made) this.#resize.observe(box.element);
    // Observing anew is answered after this frame's layout even when no size changed: the frames are placed then.
    this.#resize.unobserve(this.mirror.host);
    this.#resize.observe(this.mirror.host);
    this.#assignFrames();
    this.#applyGhosts();
    this.#revision++;
    this.canvas.dataset.revision = String(this.#revision);
    this.#settle();
    this.#viewTops = null;
  }

  /** The key a chunk's frame document is known by: the first chunk's carries the header too. */
  #frameKey(index: number): string {
    const key = this.#chunks[index]!.key;
    return index === 0 ? `h${this.#header.version}|${key}` : key;
  }

  /** Gives each chunk a frame: one already showing it, else a frame to reload after the next paint. */
  #assignFrames(): void {
    const keys = this.#chunks.map((_, i) => this.#frameKey(i));
    const byKey = new Map(this.#frames.map((f) => [f.key, f]));
    const next = keys.map((key) => {
      const frame = byKey.get(key);
      if (frame) byKey.delete(key);
      return frame ?? null;
    });
    const spare = [...byKey.values()];
    this.#frames = next.map((frame, i) => {
      if (frame) return frame;
      const reused = spare.shift() ?? this.#newFrame();
      reused.key = keys[i]!;
      reused.loaded = false;
      reused.due = true;
      return reused;
    });
    for (const frame of spare) frame.iframe.remove();
    let previous: Element | null = null;
    for (const { iframe } of this.#frames) {
      const next: ChildNode | null = previous ? previous.nextSibling : this.#frameLayer.firstChild;
      if (next !== iframe) this.#frameLayer.insertBefore(iframe, next);
      previous = iframe;
    }
    if (!this.#loadsQueued && this.#frames.some((f) => f.due)) {
      this.#loadsQueued = true;
      // A message posted now is handled after this frame's paint: the edit shows first.
      this.#afterPaint.port2.postMessage(null);
    }
  }

  #newFrame(): Frame {
    const iframe = this.canvas.ownerDocument.createElement('iframe');
    // No allow-scripts, no allow-same-origin: the frame runs nothing and is no origin of ours.
    iframe.setAttribute('sandbox', '');
    iframe.setAttribute('tabindex', '-1');
    iframe.setAttribute('title', 'Preview');
    iframe.className = 'preview-frame';
    const frame: Frame = { iframe, key: '', loaded: false, due: false, top: NaN, height: NaN };
    iframe.addEventListener('load', () => {
      if (!iframe.srcdoc || frame.due) return;
      frame.loaded = true;
      this.#applyGhosts();
      this.#placePatches();
      this.#settle();
    });
    return frame;
  }

  /** Gives each frame whose chunk changed its new document. */
  #loadDue(): void {
    this.#loadsQueued = false;
    const last = this.#chunks.length - 1;
    this.#frames.forEach((frame, i) => {
      if (!frame.due) return;
      frame.due = false;
      const chunk = this.#chunks[i]!;
      const body = this.#views
        .slice(chunk.start, chunk.end)
        .map((v) => (v.frameHtml ??= frameHtml(v)))
        .join('');
      frame.iframe.srcdoc = frameDocument(this.#options, { header: i === 0 ? this.#header.html : null, body, last: i === last });
    });
  }

  #settle(): void {
    if (this.#frames.every((f) => f.loaded)) this.canvas.dataset.settled = String(this.#revision);
  }

  /** Reads where the boxes are (layout is clean in a ResizeObserver callback), then places the frames. */
  #layout(entries: readonly ResizeObserverEntry[]): void {
    // A wrong guess at a new box's margins is put right before anything is read (then one more layout runs, now).
    this.mirror.settleMargins();
    const boxes = this.mirror.boxes;
    const host = this.mirror.host.getBoundingClientRect();
    if (host.width !== this.#width) {
      // A new width reflows every box, but skipped ones would keep their old size: lay them all out once more.
      this.#width = host.width;
      for (const box of boxes) box.element.classList.add('pw-fresh');
    }
    const boxTops = new Array<number>(boxes.length);
    const firstTops = new Array<number>(boxes.length);
    for (let i = boxes.length - 1; i >= 0; i--) {
      const box = boxes[i]!;
      // An empty box is hidden: its chunk starts where the next one does.
      boxTops[i] = box.element.hidden ? (firstTops[i + 1] ?? host.height) : box.element.getBoundingClientRect().top - host.top;
      firstTops[i] = box.element.hidden ? boxTops[i]! : boxTops[i]! + box.marginTop;
    }
    // The first frame holds the header too.
    const tops = firstTops.map((top, i) => (i === 0 ? 0 : top));
    const moved = this.#measureInside(entries) || host.height !== this.#height || !sameNumbers(boxTops, this.#boxTops);
    this.#height = host.height;
    this.#boxTops = boxTops;
    this.#tops = tops;
    for (const box of boxes) if (box.element.classList.contains('pw-fresh')) this.#measuredFresh.push(box.element);
    if (this.#measuredFresh.length) requestAnimationFrame(() => this.#unfreshen());
    this.#frames.forEach((frame, i) => {
      const top = this.#tops[i] ?? 0;
      const height = Math.max(0, (this.#tops[i + 1] ?? this.#height) - top);
      // Unchanged geometry is not written: every write would restyle the frame.
      if (frame.top !== top) frame.iframe.style.top = `${top}px`;
      if (frame.height !== height) frame.iframe.style.height = `${height}px`;
      frame.top = top;
      frame.height = height;
    });
    this.#placePatches();
    // Most keystrokes move nothing: then scroll sync has nothing to catch up with.
    if (!moved && this.#viewTops?.length === this.#views.length) return;
    this.#viewTops = null;
    this.onLayout();
  }

  /**
   * Where the views sit in each box that was just laid out (new, or
   * resized): the only boxes it is cheap to read inside. True when that
   * differs from what the box it replaced had.
   */
  #measureInside(entries: readonly ResizeObserverEntry[]): boolean {
    const resized = new Set(entries.map((e) => e.target));
    let moved = false;
    this.mirror.boxes.forEach((box, i) => {
      if (!resized.has(box.element) || box.element.hidden) return;
      const top = box.element.getBoundingClientRect().top;
      const chunk = this.#chunks[i]!;
      const inside: (number | null)[] = [];
      for (let v = chunk.start; v < chunk.end; v++) {
        const element = firstElement(this.#views[v]!);
        inside.push(element ? element.getBoundingClientRect().top - top : null);
      }
      const before = this.#viewTops?.slice(chunk.start, chunk.end).map((t) => (t === null ? null : t - (this.#boxTops[i] ?? NaN)));
      moved ||= !before || !sameNumbers(before, inside);
      this.#inBox.set(box.element, inside);
    });
    return moved;
  }

  /** Boxes measured in full may now be skipped while off screen: they keep the size just measured. */
  #unfreshen(): void {
    for (const element of this.#measuredFresh) element.classList.remove('pw-fresh');
    this.#measuredFresh = [];
  }

  #applyGhosts(): void {
    const boxes = this.mirror.boxes;
    this.#frames.forEach((frame, i) => setGhost(boxes[i]!.element, frame.loaded));
    if (this.mirror.header) setGhost(this.mirror.header, this.#frames[0]?.loaded ?? false);
  }

  #placePatches(): void {
    const rects = this.#frames.flatMap((frame, i) => {
      if (frame.loaded) return [];
      const top = this.#tops[i] ?? 0;
      return [{ top, height: (this.#tops[i + 1] ?? this.#height) - top }];
    });
    this.mirror.setPatches(rects);
  }

  get revision(): number {
    return this.#revision;
  }

  /** The top of each view in the mirror (null for views with nothing on screen), as last measured. */
  viewTops(): readonly (number | null)[] {
    if (this.#viewTops) return this.#viewTops;
    const tops = new Array<number | null>(this.#views.length).fill(null);
    const boxes = this.mirror.boxes;
    this.#chunks.forEach((chunk, i) => {
      const inside = this.#inBox.get(boxes[i]!.element);
      const top = this.#boxTops[i];
      if (!inside || top === undefined) return;
      inside.forEach((offset, v) => (tops[chunk.start + v] = offset === null ? null : top + offset));
    });
    this.#viewTops = tops;
    return tops;
  }

  destroy(): void {
    this.#resize.disconnect();
    this.#afterPaint.port1.close();
    this.canvas.remove();
  }
}

function sameNumbers(a: readonly (number | null)[], b: readonly (number | null)[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A view's first element, the one whose top is the view's top. */
function firstElement(view: BlockView): Element | null {
  for (const node of view.nodes) if (node.nodeType === 1) return node as Element;
  return null;
}

/** A view's HTML for a frame: the same nodes, with links made inert (the frame must never navigate). */
function frameHtml(view: BlockView): string {
  let html = '';
  for (const node of view.nodes) {
    if (node.nodeType !== 1) {
      html += node.nodeType === 3 ? escapeText(node.textContent ?? '') : '';
      continue;
    }
    const copy = (node as Element).cloneNode(true) as Element;
    const links = copy.matches('a[href]') ? [copy, ...copy.querySelectorAll('a[href]')] : copy.querySelectorAll('a[href]');
    for (const link of links) {
      link.removeAttribute('href');
      link.removeAttribute('tabindex');
    }
    html += copy.outerHTML;
  }
  return html;
}

const escapeText = (text: string): string => text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
