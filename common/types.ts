// The data the contract carries. Plain, serialisable objects only.
import type { FirstChange } from './firstChange';

/** What the post list shows for one post. */
export interface PostSummary {
  /** Opaque and stable while the file keeps its path. */
  id: string;
  /** Path relative to the workspace root, with forward slashes. Display only. */
  path: string;
  title: string;
  /** As written in front matter (or a Jekyll file name), normalised to YYYY-MM-DD[THH:MM...]; null if none. */
  date: string | null;
  tags: string[];
  draft: boolean;
  slug: string;
  description: string;
  /** The post's own `author:`; absent when the site's author wrote it. */
  author?: string;
  /** `image:` (or `cover:`): the picture link previews show, as written (a URL or a path beside the post). */
  image?: string;
  /** `updated:` (or `lastmod:`), normalised as `date` is. */
  updated?: string;
  words: number;
  /** Modification time, milliseconds since the epoch. */
  modified: number;
  /** Set when the front matter could not be read; the post is still listed. */
  error?: FrontMatterError;
  /** A page (about, now, 404): its own layout, never in the index or feeds. Absent for posts. */
  kind?: 'page';
  /** `categories`/`category` (Jekyll, Hugo); absent when none. */
  categories?: string[];
  /** Its own address, from `permalink` (Jekyll, Eleventy) or `url` (Hugo); absent when none. */
  permalink?: string;
  /** When it stops being published (Hugo's `expiryDate`); absent when never. */
  expires?: string;
  /** Old addresses that redirect to it: `aliases` (Hugo), `redirect_from` (Jekyll). */
  aliases?: string[];
  /** Set when `slug` comes from the file name, the front matter having none (Hugo's `:slug` then uses the title). */
  fileSlug?: true;
  /** What the front matter says about the site's navigation (see common/site/nav.ts); absent when nothing. */
  nav?: NavClaim;
}

/** A page's front-matter fields that place it in the site's navigation, each absent when unset. */
export interface NavClaim {
  /** The front matter gives no title (Jekyll's minima and Postwright list only titled pages). */
  untitled?: true;
  /** Hugo's `menu`/`menus` naming "main", with the entry's own `name` and `weight` when it gives them. */
  main?: { name?: string; weight?: number };
  /** Eleventy's top-level `eleventyNavigation` (one with a `parent` is a sub-entry, not in the header). */
  eleventy?: { title: string; order?: number };
  /** The page's `weight` (Hugo, Postwright) or `order`. */
  weight?: number;
  /** Hugo's `linkTitle`: the name a menu gives the page. */
  linkTitle?: string;
}

export interface FrontMatterError {
  message: string;
  /** 1-based line in the file. */
  line: number;
}

/** A post opened for editing. */
export interface PostDocument {
  post: PostSummary;
  /** The text without BOM, with LF line endings; the file's own are restored on save. */
  text: string;
  /** Content hash of the bytes on disk; pass it back to save. */
  version: string;
}

export type SaveResult =
  | { status: 'saved'; version: string; post: PostSummary }
  /** The file changed on disk since `version` was read; nothing was written. */
  | { status: 'conflict'; disk: { text: string; version: string } | null };

export interface WorkspaceInfo {
  name: string;
  /** Absolute folder, shown to the author (e.g. in the title bar tooltip). */
  root: string;
  /** Folder the site is built into, relative to the root; left out of the post list. */
  outputDir: string;
  /** What template tags in posts read, for the preview to show what the site shows. */
  templates: TemplateValues;
}

/** The values a blog's template tags read: Liquid's `{{ site.x }}` and Hugo's site `[params]`. */
export interface TemplateValues {
  /** `{{ site.title }}`, `{{ site.url }}`… as the build fills them (see liquidSite). */
  site: Record<string, string>;
  /** The site's `[params]`, where `{{< param >}}` looks after the post's front matter. */
  params: Record<string, string>;
}

/** A version of a post kept by the local history (the text a save replaced). */
export interface HistoryVersion {
  /** Opaque; pass it to history.read. */
  id: string;
  /** When this text was saved, milliseconds since the epoch. */
  time: number;
  /** Bytes of the text. */
  size: number;
  words: number;
  /** Words compared with the next older kept version; null for the oldest. */
  wordsChange: number | null;
  /** Characters compared with the next older kept version; null for the oldest. */
  charsChange: number | null;
  /** The first line that differs from the next older kept version; null for the oldest, or when only line endings changed. */
  firstChange: FirstChange | null;
}

/** What the export makes of a workspace image, for the preview to show the same markup: its img size and srcset widths. */
export interface PreviewImage {
  width: number;
  height: number;
  /** srcset widths, narrowest first, each served by the asset route with `?w=`; empty when the export gives it no srcset. */
  widths: number[];
}
