// Keeps the preview in step with the editor: on each frame after an edit it
// re-splits only the edited part of the body, renders only blocks whose
// source changed, and hands the result to the surface.
import type { ChangeSet, Text } from '@codemirror/state';
import { createMarkdown } from '../../common/markdown/pipeline';
import { createSanitizer } from '../../common/markdown/sanitize';
import { countWords, findFrontMatter } from '../../common/post';
import { readingMinutes } from '../../common/words';
import { headerFields, headerHtml, type HeaderFields } from './articleHeader';
import { assetResolver } from './assetUrls';
import { BlockLexer, type Block } from './blockLexer';
import { BlockViews } from './blockViews';
import { PreviewSurface } from './previewSurface';

export interface PreviewConfig {
  /** Prefix of the asset route, ending in '/'. */
  assetBase: string;
  /** The asset route's origin, for the frames' CSP. */
  assetOrigin: string;
  theme: 'light' | 'dark' | null;
  remoteImages: boolean;
}

export interface PreviewPost {
  /** Workspace-relative path, to resolve relative image URLs. */
  path: string;
  /** The title and date to show when the front matter has none (as the post list has them). */
  title: string;
  date: string | null;
}

/** Counting words walks the whole post: the header's reading time waits for a pause. */
const WORDS_PAUSE_MS = 600;

export class PreviewController {
  readonly surface: PreviewSurface;
  readonly #window: Window & typeof globalThis;
  readonly #lexer = new BlockLexer();
  readonly #sanitize;
  #config: PreviewConfig;
  #views!: BlockViews;
  #post: PreviewPost | null = null;
  #doc: Text | null = null;
  #blocks: Block[] = [];
  #body = '';
  #bodyStart = 0;
  #frontMatter = '';
  #fields: HeaderFields = { title: '', date: null, tags: [] };
  #minutes = 0;
  #header = { html: '', version: 0 };
  /** Edits since the last frame, composed; null when the whole text must be read again. */
  #pending: ChangeSet | null = null;
  #stale = false;
  #frame = 0;
  #wordsTimer: ReturnType<typeof setTimeout> | undefined;
  #visible = true;
  /** A post was just opened: its reading time is counted at once. */
  #countNow = true;

  constructor(window: Window & typeof globalThis, config: PreviewConfig) {
    this.#window = window;
    this.#config = config;
    this.#sanitize = createSanitizer(window);
    this.surface = new PreviewSurface(window.document, this.#frameOptions());
  }

  /** The blocks as last shown, with where the body starts in the text. */
  get blocks(): { blocks: readonly Block[]; bodyStart: number; doc: Text | null } {
    return { blocks: this.#blocks, bodyStart: this.#bodyStart, doc: this.#doc };
  }

  configure(config: PreviewConfig): void {
    const rebuild = config.remoteImages !== this.#config.remoteImages || config.assetBase !== this.#config.assetBase;
    this.#config = config;
    this.surface.setOptions(this.#frameOptions());
    if (rebuild) this.#newViews();
    this.#invalidate();
  }

  /** A post was opened (or closed, with null): everything is rendered afresh. */
  open(post: PreviewPost | null, doc: Text): void {
    this.#post = post;
    this.#doc = doc;
    this.#frontMatter = '\0';
    this.#countNow = true;
    this.#newViews();
    this.#invalidate();
  }

  /** The editor's text changed by `changes`, to `doc`. */
  changed(changes: ChangeSet, doc: Text): void {
    this.#doc = doc;
    if (!this.#stale) this.#pending = this.#pending ? this.#pending.compose(changes) : changes;
    this.#schedule();
  }

  /** The preview is shown or hidden (view mode): hidden, it does no work. */
  setVisible(visible: boolean): void {
    this.#visible = visible;
    if (visible) this.#schedule();
  }

  destroy(): void {
    this.#window.cancelAnimationFrame(this.#frame);
    clearTimeout(this.#wordsTimer);
    this.surface.destroy();
  }

  #frameOptions() {
    return { assetOrigin: this.#config.assetOrigin, remoteImages: this.#config.remoteImages, theme: this.#config.theme };
  }

  #newViews(): void {
    this.#views = new BlockViews({
      markdown: createMarkdown({ sanitize: this.#sanitize, alwaysSanitize: true }),
      document: this.#window.document,
      remoteImages: this.#config.remoteImages,
      assetUrl: assetResolver(this.#config.assetBase, this.#post?.path ?? ''),
    });
  }

  #invalidate(): void {
    this.#stale = true;
    this.#pending = null;
    this.#schedule();
  }

  #schedule(): void {
    if (this.#frame || !this.#visible) return;
    this.#frame = this.#window.requestAnimationFrame(() => {
      this.#frame = 0;
      this.flush();
    });
  }

  /** Brings the preview up to date now (normally on the next animation frame). */
  flush(): void {
    if (!this.#doc || (!this.#stale && !this.#pending)) return;
    const text = this.#doc.toString();
    const bodyStart = findFrontMatter(text).bodyStart;
    const body = text.slice(bodyStart);
    const edit = this.#pending;
    if (this.#stale || !edit || bodyStart !== this.#bodyStart) {
      this.#blocks = this.#lexer.lex(body);
    } else if (body !== this.#body) {
      let from = Infinity;
      let toOld = 0;
      let toNew = 0;
      edit.iterChangedRanges((fromA, toA, _fromB, toB) => {
        from = Math.min(from, fromA);
        toOld = Math.max(toOld, toA);
        toNew = Math.max(toNew, toB);
      });
      this.#blocks =
        from < bodyStart
          ? this.#lexer.lex(body)
          : this.#lexer.relex(this.#blocks, body, { from: from - bodyStart, toOld: toOld - bodyStart, toNew: toNew - bodyStart });
    }
    this.#stale = false;
    this.#pending = null;
    this.#body = body;
    this.#bodyStart = bodyStart;
    this.#updateHeader(text.slice(0, bodyStart));
    this.surface.update({ views: this.#views.update(this.#blocks), header: this.#header });
  }

  #updateHeader(frontMatter: string): void {
    const fresh = frontMatter !== this.#frontMatter;
    if (fresh) {
      this.#frontMatter = frontMatter;
      this.#fields = headerFields(frontMatter, { title: this.#post?.title ?? '', date: this.#post?.date ?? null });
    }
    if (this.#countNow) {
      this.#countNow = false;
      this.#minutes = readingMinutes(countWords(this.#body));
      this.#renderHeader();
      return;
    }
    clearTimeout(this.#wordsTimer);
    this.#wordsTimer = setTimeout(() => {
      const minutes = readingMinutes(countWords(this.#body));
      if (minutes === this.#minutes) return;
      this.#minutes = minutes;
      this.#renderHeader();
      this.surface.update({ views: this.#views.views, header: this.#header });
    }, WORDS_PAUSE_MS);
    if (fresh) this.#renderHeader();
  }

  #renderHeader(): void {
    this.#header = { html: headerHtml(this.#fields, this.#minutes), version: this.#header.version + 1 };
  }
}
