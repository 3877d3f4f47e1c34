// Keeps the preview in step with the editor: on each frame after an edit it
// re-splits only the edited part of the body, renders only blocks whose
// source changed, and hands the result to the surface. It reads the editor's
// text in slices (never the whole post per keystroke), and the front matter
// from the editor state's front-matter field, which parses it only when it
// changes, so the header follows the title and YAML as they are typed.
import type { ChangeSet, EditorState, Text } from '@codemirror/state';
import { createMarkdown } from '../../common/markdown/pipeline';
import { createSanitizer } from '../../common/markdown/sanitize';
import { countWords } from '../../common/post';
import { IMAGE_SIZES } from '../../common/theme/site';
import type { PreviewImage, TemplateValues } from '../../common/types';
import { referencedFile, type ReferenceScope } from '../../common/site/postReferences';
import { fieldOf } from '../../common/frontMatter/keys';
import { paramText } from '../../common/markdown/templateTags';
import { postHref } from '../posts/postLink';
import { readingMinutes } from '../../common/words';
import { frontMatterField, type FrontMatter } from '../frontMatter/frontMatterField';
import { headerFields, headerHtml, type HeaderFields } from './articleHeader';
import { assetPathResolver, assetResolver, assetRouteUrl } from './assetUrls';
import type { ImageMarkup } from './blockDom';
import { BlockLexer, type Block, type BodyEdit } from './blockLexer';
import { BlockViews } from './blockViews';
import { PreviewSurface } from './previewSurface';

export interface PreviewConfig {
  /** Prefix of the asset route, ending in '/'. */
  assetBase: string;
  /** The asset route's origin, for the frames' CSP. */
  assetOrigin: string;
  theme: 'light' | 'dark' | null;
  remoteImages: boolean;
  /** The page's CSP nonce, for the mirror's and the frames' stylesheets. */
  nonce: string;
}

/** What the export makes of workspace images (api.assets.sizes). */
export type ImageSizes = (paths: string[]) => Promise<(PreviewImage | null)[]>;

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
  #state: EditorState | null = null;
  #blocks: Block[] = [];
  #bodyStart = 0;
  #docLength = 0;
  #frontMatter: FrontMatter | null = null;
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
  readonly #imageSizes: ImageSizes | null;
  /** What the export makes of each workspace image asked about so far (null: shown as it is). */
  #images = new Map<string, PreviewImage | null>();
  /** Images to ask about on the next microtask, all in one call. */
  #toAsk = new Set<string>();
  #pathOf: (url: string) => string | null = () => null;
  /** The workspace's posts and pages, which links to other posts (post_url, ref…) name. */
  #scope: ReferenceScope = { files: new Set(), contentRoot: '' };
  #templates: TemplateValues = { site: {}, params: {} };

  constructor(window: Window & typeof globalThis, config: PreviewConfig, imageSizes: ImageSizes | null = null) {
    this.#window = window;
    this.#config = config;
    this.#imageSizes = imageSizes;
    this.#sanitize = createSanitizer(window);
    this.surface = new PreviewSurface(window.document, this.#frameOptions());
  }

  /** The blocks as last shown, with where the body starts in the text. */
  get blocks(): { blocks: readonly Block[]; bodyStart: number; doc: Text | null } {
    return { blocks: this.#blocks, bodyStart: this.#bodyStart, doc: this.#state?.doc ?? null };
  }

  configure(config: PreviewConfig): void {
    const rebuild = config.remoteImages !== this.#config.remoteImages || config.assetBase !== this.#config.assetBase;
    this.#config = config;
    this.surface.setOptions(this.#frameOptions());
    if (rebuild) this.#newViews();
    this.#invalidate();
  }

  /** The workspace's post and page files changed: links to them are resolved again. */
  setPosts(paths: readonly string[]): void {
    const files = new Set(paths);
    if (files.size === this.#scope.files.size && paths.every((path) => this.#scope.files.has(path))) return;
    this.#scope = { files, contentRoot: '' };
    this.#newViews();
    this.#invalidate();
  }

  /** The blog's template values (Liquid's `site`, Hugo's `[params]`): tags that read them show what the site shows. */
  setTemplates(values: TemplateValues): void {
    this.#templates = values;
    this.#newViews();
    this.#invalidate();
  }

  /** A post was opened (or closed, with null): everything is rendered afresh. The state must hold `frontMatterField`. */
  open(post: PreviewPost | null, state: EditorState): void {
    this.#post = post;
    this.#state = state;
    this.#frontMatter = null;
    // An image may have been replaced since: ask again.
    this.#images = new Map();
    this.#countNow = true;
    this.#newViews();
    this.#invalidate();
  }

  /** The editor's text changed by `changes`, giving `state`. */
  changed(changes: ChangeSet, state: EditorState): void {
    this.#state = state;
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
    const { assetOrigin, remoteImages, theme, nonce } = this.#config;
    return { assetOrigin, remoteImages, theme, nonce };
  }

  #newViews(): void {
    this.#pathOf = assetPathResolver(this.#post?.path ?? '');
    this.#views = new BlockViews({
      markdown: createMarkdown({
        sanitize: this.#sanitize,
        templates: {
          placeholders: true,
          // As the build resolves it, to the file instead of its URL: a click on the link opens that post.
          reference: (reference) => {
            const from = this.#post?.path ?? '';
            const target = referencedFile(reference, from, this.#scope);
            return target && postHref(from, target.path) + target.fragment;
          },
          site: this.#templates.site,
          // The post's front matter first, then the site's [params], as the build looks.
          param: (name) => paramText(fieldOf(this.#frontMatter?.data ?? {}, name)) ?? paramText(fieldOf(this.#templates.params, name)),
        },
      }),
      document: this.#window.document,
      remoteImages: this.#config.remoteImages,
      assetUrl: assetResolver(this.#config.assetBase, this.#post?.path ?? ''),
      imageMarkup: (url) => this.#imageMarkup(url),
    });
  }

  /** The export's markup for a workspace image; null until the backend has said (then the views are made again). */
  #imageMarkup(url: string): ImageMarkup | null {
    const relative = this.#pathOf(url);
    if (relative === null || !this.#imageSizes) return null;
    const image = this.#images.get(relative);
    if (image === undefined) {
      this.#ask(relative);
      return null;
    }
    if (image === null) return null;
    const route = (width: number) => assetRouteUrl(this.#config.assetBase, relative, width);
    const srcset = image.widths.map((width) => `${route(width)} ${width}w`).join(', ');
    return { width: image.width, height: image.height, ...(srcset && { srcset, sizes: IMAGE_SIZES }) };
  }

  #ask(relative: string): void {
    if (this.#toAsk.size === 0) queueMicrotask(() => void this.#askNow());
    this.#toAsk.add(relative);
  }

  async #askNow(): Promise<void> {
    const paths = [...this.#toAsk];
    this.#toAsk = new Set();
    const images = this.#images;
    // Asked once: an answer that does not come (or fails) leaves the image as written, without a retry loop.
    for (const path of paths) images.set(path, null);
    const answers = await this.#imageSizes!(paths).catch(() => paths.map(() => null));
    if (images !== this.#images) return; // another post was opened meanwhile
    paths.forEach((path, i) => images.set(path, answers[i] ?? null));
    if (answers.some((answer) => answer)) {
      this.#newViews();
      this.#invalidate();
    }
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
    const state = this.#state;
    if (!state || (!this.#stale && !this.#pending)) return;
    const doc = state.doc;
    const frontMatter = state.field(frontMatterField);
    const bodyStart = frontMatter.block.bodyStart;
    const edit = this.#stale ? null : this.#pending && bodyEdit(this.#pending, this.#bodyStart, bodyStart, doc.length - this.#docLength);
    if (edit === null) this.#blocks = this.#lexer.lex(doc.sliceString(bodyStart));
    else if (edit !== 'unchanged') {
      const body = { length: doc.length - bodyStart, slice: (from: number, to: number) => doc.sliceString(bodyStart + from, bodyStart + to) };
      this.#blocks = this.#lexer.relex(this.#blocks, body, edit);
    }
    this.#stale = false;
    this.#pending = null;
    this.#bodyStart = bodyStart;
    this.#docLength = doc.length;
    this.#updateHeader(frontMatter, doc);
    this.surface.update({ views: this.#views.update(this.#blocks), header: this.#header });
  }

  #updateHeader(frontMatter: FrontMatter, doc: Text): void {
    // The field keeps its value object while the front matter is unchanged (and the last readable data while it is broken).
    const fresh = frontMatter !== this.#frontMatter;
    if (fresh) {
      this.#frontMatter = frontMatter;
      this.#fields = headerFields(frontMatter.data, { title: this.#post?.title ?? '', date: this.#post?.date ?? null });
    }
    const minutes = () => readingMinutes(countWords(doc.sliceString(this.#bodyStart)));
    if (this.#countNow) {
      this.#countNow = false;
      this.#minutes = minutes();
      this.#renderHeader();
      return;
    }
    clearTimeout(this.#wordsTimer);
    this.#wordsTimer = setTimeout(() => {
      const now = minutes();
      if (now === this.#minutes) return;
      this.#minutes = now;
      this.#renderHeader();
      this.surface.update({ views: this.#views.views, header: this.#header });
    }, WORDS_PAUSE_MS);
    if (fresh) this.#renderHeader();
  }

  #renderHeader(): void {
    this.#header = { html: headerHtml(this.#fields, this.#minutes), version: this.#header.version + 1 };
  }
}

/**
 * The edit `changes` made to the body, in body offsets: 'unchanged' when they
 * touched only the front matter, null when the body must be read afresh (its
 * start moved under an edit that reached it).
 */
export function bodyEdit(changes: ChangeSet, oldStart: number, newStart: number, lengthDelta: number): BodyEdit | 'unchanged' | null {
  let from = Infinity;
  let toOld = 0;
  let toNew = 0;
  changes.iterChangedRanges((fromA, toA, _fromB, toB) => {
    from = Math.min(from, fromA);
    toOld = Math.max(toOld, toA);
    toNew = Math.max(toNew, toB);
  });
  if (from === Infinity) return 'unchanged';
  if (toOld < oldStart && newStart - oldStart === lengthDelta) return 'unchanged';
  if (from < oldStart || newStart !== oldStart) return null;
  return { from: from - oldStart, toOld: toOld - oldStart, toNew: toNew - oldStart };
}
