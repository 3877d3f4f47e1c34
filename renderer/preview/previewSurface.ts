// The preview on screen: sandboxed frames, one per chunk of the article, laid
// out at the offsets the mirror measures, inside a scroller the page owns.
//
// A chunk whose content changed is shown by the mirror at once ("live") while
// its frame loads the new document; when the frame has loaded, the mirror's
// copy turns transparent again. So typing shows in the next frame, and the
// resting preview is always the sandboxed one.
import type { BlockView } from './blockViews';
import { chunksOf, type Chunk } from './chunks';
import { frameDocument, type FrameOptions } from './frameDocument';
import { firstElement, Mirror, setGhost } from './mirror';

interface Frame {
  iframe: HTMLIFrameElement;
  /** The chunk key whose document was last given to the frame. */
  key: string;
  /** True once that document has loaded. */
  loaded: boolean;
  /** The ghost state last applied to the chunk's nodes, with the key it was applied for. */
  applied: string;
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
  #headerVersion = -1;
  #revision = 0;
  #tops: number[] = [];
  #viewTops: (number | null)[] | null = null;
  readonly #resize: ResizeObserver;
  #measureQueued = false;
  /** Called after the layout changed (content, width, images), for scroll sync. */
  onLayout: () => void = () => {};

  constructor(document: Document, options: FrameOptions) {
    this.#options = options;
    this.canvas = document.createElement('div');
    this.canvas.className = 'preview-canvas';
    this.#frameLayer = document.createElement('div');
    this.#frameLayer.className = 'preview-frames';
    this.mirror = new Mirror(document);
    this.mirror.setTheme(options.theme);
    this.canvas.append(this.#frameLayer, this.mirror.host);
    this.#resize = new ResizeObserver(() => this.#queueMeasure());
    this.#resize.observe(this.mirror.host);
    // Images change heights as they load; capture, because load does not bubble.
    this.mirror.root.addEventListener('load', () => this.#queueMeasure(), true);
  }

  /** New frame options (theme, remote images): every frame reloads. */
  setOptions(options: FrameOptions): void {
    this.#options = options;
    this.mirror.setTheme(options.theme);
    for (const frame of this.#frames) frame.key = '';
  }

  /** Shows new content: the mirror now, the frames of changed chunks as they load. */
  update({ views, header }: SurfaceState): void {
    if (header.version !== this.#headerVersion) {
      this.#headerVersion = header.version;
      this.mirror.setHeader(header.html);
    }
    this.mirror.setViews(views);
    this.#views = views;
    const chunks = chunksOf(views);
    if (chunks.length) chunks[0]!.key = `h${header.version}|${chunks[0]!.key}`;
    this.#chunks = chunks;
    this.#assignFrames(header.html);
    this.#revision++;
    this.canvas.dataset.revision = String(this.#revision);
    this.#measure();
  }

  /** Gives each chunk a frame: one already showing it, else a frame to reload. */
  #assignFrames(header: string): void {
    const byKey = new Map(this.#frames.map((f) => [f.key, f]));
    const next: (Frame | null)[] = this.#chunks.map((chunk) => {
      const frame = byKey.get(chunk.key);
      if (frame) byKey.delete(chunk.key);
      return frame ?? null;
    });
    const spare = [...byKey.values()];
    this.#frames = next.map((frame, i) => {
      if (frame) return frame;
      const reused = spare.shift() ?? this.#newFrame();
      this.#load(reused, i, header);
      return reused;
    });
    for (const frame of spare) frame.iframe.remove();
    this.#frames.forEach((frame, i) => this.#frameLayer.children[i] !== frame.iframe && this.#frameLayer.insertBefore(frame.iframe, this.#frameLayer.children[i] ?? null));
  }

  #newFrame(): Frame {
    const iframe = this.canvas.ownerDocument.createElement('iframe');
    // No allow-scripts, no allow-same-origin: the frame runs nothing and is no origin of ours.
    iframe.setAttribute('sandbox', '');
    iframe.setAttribute('tabindex', '-1');
    iframe.setAttribute('title', 'Preview');
    iframe.className = 'preview-frame';
    const frame: Frame = { iframe, key: '', loaded: false, applied: '' };
    iframe.addEventListener('load', () => {
      if (!iframe.srcdoc) return;
      frame.loaded = true;
      this.#applyGhosts();
      this.#placePatches();
      if (this.#frames.every((f) => f.loaded)) this.canvas.dataset.settled = String(this.#revision);
    });
    return frame;
  }

  #load(frame: Frame, index: number, header: string): void {
    const chunk = this.#chunks[index]!;
    const body = this.#views
      .slice(chunk.start, chunk.end)
      .map((v) => (v.frameHtml ??= frameHtml(v)))
      .join('');
    frame.key = chunk.key;
    frame.loaded = false;
    frame.iframe.srcdoc = frameDocument(this.#options, { header: index === 0 ? header : null, body, last: index === this.#chunks.length - 1 });
  }

  #queueMeasure(): void {
    if (this.#measureQueued) return;
    this.#measureQueued = true;
    requestAnimationFrame(() => {
      this.#measureQueued = false;
      this.#measure();
    });
  }

  /** Places each frame at its chunk's offset in the mirror; one layout read for all. */
  #measure(): void {
    this.#applyGhosts();
    const hostTop = this.mirror.host.getBoundingClientRect().top;
    const height = this.mirror.height;
    this.#tops = this.#chunks.map((chunk, i) => {
      if (i === 0) return 0;
      for (let v = chunk.start; v < chunk.end; v++) {
        const element = firstElement(this.#views[v]!);
        if (element) return this.mirror.offsetOf(element, hostTop);
      }
      return height;
    });
    this.#frames.forEach((frame, i) => {
      const top = `${this.#tops[i]!}px`;
      const size = `${Math.max(0, (this.#tops[i + 1] ?? height) - this.#tops[i]!)}px`;
      // Unchanged geometry is not written: every write would restyle the frame.
      if (frame.iframe.style.top !== top) frame.iframe.style.top = top;
      if (frame.iframe.style.height !== size) frame.iframe.style.height = size;
    });
    this.#placePatches();
    this.#viewTops = null;
    this.onLayout();
  }

  #applyGhosts(): void {
    this.#chunks.forEach((chunk, i) => {
      const frame = this.#frames[i]!;
      const state = `${chunk.key}|${frame.loaded}`;
      if (frame.applied === state) return;
      frame.applied = state;
      for (let v = chunk.start; v < chunk.end; v++) setGhost(this.#views[v]!.nodes, frame.loaded);
      if (i === 0 && this.mirror.header) setGhost([this.mirror.header], frame.loaded);
    });
    if (!this.#chunks.length && this.mirror.header) setGhost([this.mirror.header], false);
  }

  #placePatches(): void {
    const height = this.mirror.height;
    const rects = this.#frames.flatMap((frame, i) =>
      frame.loaded ? [] : [{ top: this.#tops[i] ?? 0, height: (this.#tops[i + 1] ?? height) - (this.#tops[i] ?? 0) }],
    );
    this.mirror.setPatches(rects);
  }

  get revision(): number {
    return this.#revision;
  }

  /** The top of each view in the mirror (null for views with nothing on screen); cached until the layout changes. */
  viewTops(): readonly (number | null)[] {
    if (this.#viewTops) return this.#viewTops;
    const hostTop = this.mirror.host.getBoundingClientRect().top;
    this.#viewTops = this.#views.map((view) => {
      const element = firstElement(view);
      return element ? this.mirror.offsetOf(element, hostTop) : null;
    });
    return this.#viewTops;
  }

  destroy(): void {
    this.#resize.disconnect();
    this.canvas.remove();
  }
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
    copy.classList.remove('pw-ghost');
    if (copy.classList.length === 0) copy.removeAttribute('class');
    html += copy.outerHTML;
  }
  return html;
}

const escapeText = (text: string): string => text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
