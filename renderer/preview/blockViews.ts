// Renders a post block by block through the one markdown pipeline, keeping the
// rendering of every block whose source did not change.
//
// A block rendered alone would lose what the whole post gives it, so:
// - reference definitions and footnote definitions anywhere in the post are
//   put before each block that could use them (a "prelude" that renders to nothing);
// - footnote numbers, footnote back-reference ids and heading ids are global
//   (first reference is 1; a second "Why" heading is why-1), so they are fixed
//   up across all blocks after rendering, as the pipeline numbers them;
// - the footnotes section is rendered once, from every definition, in
//   reference order, and shown as the last block.
import type { Markdown } from '../../common/markdown/pipeline';
import type { Block } from './blockLexer';
import { transformBlock, type TransformOptions } from './blockDom';

export interface BlockView {
  /** Unique per rendering: a changed block, or changed ids in it, gets a new id. */
  id: number;
  /** The source it was rendered from (with the prelude's version when it used one). */
  key: string;
  /** Its top-level nodes, as shown in the mirror. */
  nodes: Node[];
  /** Headings, with the ids a lone render gave them. */
  headings: { element: Element; base: string }[];
  /** Footnote references, with their labels. */
  refs: { element: Element; label: string }[];
  /** The global ids and numbers now applied. */
  fixed: string;
  /** The HTML the sandboxed frame shows (links inert), made on first use. */
  frameHtml: string | null;
}

export interface ViewOptions extends TransformOptions {
  markdown: Markdown;
  /** The document that parses rendered HTML (never displayed). */
  document: Document;
}

let nextId = 1;

export class BlockViews {
  readonly #o: ViewOptions;
  #views: BlockView[] = [];
  #prelude = '';
  #preludeVersion = 0;
  #footnotes: BlockView | null = null;
  #footnotesKey = '';

  constructor(options: ViewOptions) {
    this.#o = options;
  }

  get views(): readonly BlockView[] {
    return this.#views;
  }

  /** The views of `blocks`, reusing every view whose source (and context) is unchanged. */
  update(blocks: readonly Block[]): readonly BlockView[] {
    this.#updatePrelude(blocks);
    const reusable = new Map<string, BlockView[]>();
    for (const view of this.#views) {
      const list = reusable.get(view.key);
      if (list) list.push(view);
      else reusable.set(view.key, [view]);
    }
    const views: BlockView[] = [];
    for (const block of blocks) {
      const key = this.#keyOf(block);
      views.push(reusable.get(key)?.shift() ?? this.#render(block, key));
    }
    const footnotes = this.#footnotesView(blocks, views);
    if (footnotes) views.push(footnotes);
    fixIds(views);
    this.#views = views;
    return views;
  }

  #updatePrelude(blocks: readonly Block[]): void {
    let stubs = '';
    let defs = '';
    for (const block of blocks) {
      if (block.type === 'footnote') stubs += `[^${block.label}]: .\n`;
      else if (block.type === 'def') defs += block.raw.endsWith('\n') ? block.raw : `${block.raw}\n`;
    }
    // A definition line ends the last footnote stub, so an indented block after it is not read as the note's text.
    const prelude = stubs || defs ? `${stubs}${defs || '[postwright-prelude-end]: #\n'}\n` : '';
    if (prelude !== this.#prelude) {
      this.#prelude = prelude;
      this.#preludeVersion++;
    }
  }

  #keyOf(block: Block): string {
    if (block.type === 'space' || block.type === 'def' || block.type === 'footnote') return `${block.type}\0${block.raw}`;
    return this.#prelude && block.raw.includes('[') ? `${this.#preludeVersion}\0${block.raw}` : block.raw;
  }

  #render(block: Block, key: string): BlockView {
    // Definitions render to nothing in place; spaces too.
    if (key.startsWith(`${block.type}\0`)) return view(key, []);
    const source = key === block.raw ? block.raw : this.#prelude + block.raw;
    return this.#viewOf(key, this.#o.markdown.render(source).html);
  }

  #viewOf(key: string, html: string): BlockView {
    const template = this.#o.document.createElement('template');
    template.innerHTML = html;
    const found = transformBlock(template.content, this.#o);
    return { ...view(key, [...template.content.childNodes]), ...found };
  }

  /** The footnotes section, rendered from every definition in the order the post first refers to them. */
  #footnotesView(blocks: readonly Block[], views: readonly BlockView[]): BlockView | null {
    const defined = blocks.filter((b) => b.type === 'footnote');
    if (defined.length === 0) return null;
    const refs = views.flatMap((v) => v.refs.map((r) => `[^${r.label}]`));
    const defs = blocks.filter((b) => b.type === 'footnote' || b.type === 'def').map((b) => (b.raw.endsWith('\n') ? b.raw : `${b.raw}\n`));
    const key = `${refs.join(' ')}\n\n${defs.join('')}`;
    if (key !== this.#footnotesKey || !this.#footnotes) {
      this.#footnotesKey = key;
      const template = this.#o.document.createElement('template');
      template.innerHTML = this.#o.markdown.render(key).html;
      const section = template.content.querySelector('section.footnotes');
      const fragment = this.#o.document.createDocumentFragment();
      if (section) {
        fragment.append(section);
        transformBlock(fragment, this.#o, true);
      }
      this.#footnotes = { ...view(`footnotes\0${key}`, [...fragment.childNodes]), fixed: 'footnotes' };
    }
    return this.#footnotes.nodes.length ? this.#footnotes : null;
  }
}

function view(key: string, nodes: Node[]): BlockView {
  return { id: nextId++, key, nodes, headings: [], refs: [], fixed: '', frameHtml: null };
}

/** Applies the post-wide heading ids and footnote numbers, renewing the id of every view they change. */
function fixIds(views: BlockView[]): void {
  const taken = new Map<string, number>();
  const order = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const v of views) {
    if (!v.headings.length && !v.refs.length) continue;
    const ids = v.headings.map(({ base }) => uniqueId(base, taken));
    const refs = v.refs.map(({ label }) => {
      if (!order.has(label)) order.set(label, order.size + 1);
      const n = seen.get(label) ?? 0;
      seen.set(label, n + 1);
      return { number: order.get(label)!, suffix: n > 0 ? `-${n + 1}` : '' };
    });
    const fixed = `${ids.join(' ')}|${refs.map((r) => r.number + r.suffix).join(' ')}`;
    if (fixed === v.fixed) continue;
    v.headings.forEach(({ element }, i) => element.setAttribute('id', ids[i]!));
    v.refs.forEach(({ element, label }, i) => {
      const encoded = encodeURIComponent(label);
      element.setAttribute('id', `footnote-ref-${encoded}${refs[i]!.suffix}`);
      element.textContent = String(refs[i]!.number);
    });
    v.fixed = fixed;
    v.id = nextId++;
    v.frameHtml = null;
  }
}

/** github-slugger's rule, which marked-gfm-heading-id uses: the second "why" is "why-1". */
function uniqueId(base: string, taken: Map<string, number>): string {
  let id = base;
  while (taken.has(id)) {
    const n = taken.get(base)! + 1;
    taken.set(base, n);
    id = `${base}-${n}`;
  }
  taken.set(id, 0);
  return id;
}
