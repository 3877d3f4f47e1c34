// What Postwright knows of a blog folder built by another generator: which one,
// what its config says about the site, which files are posts, which are pages,
// which are neither, and which folders are published as they are. Plain data
// (it crosses to the render workers); the generators' config readers fill it
// (jekyll.ts, hugo.ts, eleventy.ts) and classify.ts applies it to a path.

export type Generator = 'jekyll' | 'hugo' | 'eleventy' | 'postwright';

/** A folder whose files are published as they are: `static/` → `/`, `assets/` → `/assets/`. */
export interface StaticFolder {
  /** Workspace-relative, no trailing slash. */
  source: string;
  /** Site path it is published under: '' for the root, else "assets/". */
  target: string;
}

export interface BlogLayout {
  generator: Generator;
  /** The config file read, workspace-relative; null when there is none. */
  configFile: string | null;
  /** Site settings the config gives, as postwright.json keys (title, description, author, baseUrl, language, permalink). */
  settings: Record<string, unknown>;
  /** Where content lives: Hugo's `content`, Eleventy's input folder; '' for the root. */
  contentRoot: string;
  /** Folders (workspace-relative) whose markdown files are posts. */
  postFolders: string[];
  /** Folders whose posts are drafts (Jekyll's `_drafts`). */
  draftFolders: string[];
  /** Folders whose files are pages wherever they are (Jekyll collections with `output: true`), each at its permalink in `permalinks`. */
  pageFolders: string[];
  /** Folders that hold no content (layouts, themes, data, archetypes, static files). */
  ignoredFolders: string[];
  staticFolders: StaticFolder[];
  /** Permalink patterns by post folder (Jekyll collections, Hugo sections); `permalink` in settings is the default. */
  permalinks: Record<string, string>;
  /** The pattern pages follow when they set no permalink of their own. */
  pagePermalink: string;
  /** Eleventy directory data: tags a folder gives every file in it. */
  folderTags: Record<string, string[]>;
  /** Languages other than the default, whose `name.<lang>.md` files are translations. */
  languages: string[];
  /** The site's params (Hugo's `[params]`) that are plain values, for `{{< param >}}`. */
  params: Record<string, string>;
  /** Liquid's `{{ site.name }}`: every plain top-level value of Jekyll's _config.yml, by key. */
  siteVariables: Record<string, string>;
  /** The site's menu as its config gives it (Hugo's `menus.main`, Jekyll's `header_pages`); null when the config names none. */
  menu: ConfigMenuEntry[] | null;
  /** Problems reading the config, each naming its file; the rest of the layout still applies. */
  warnings: string[];
}

/** One entry of a config's menu: a page of the blog (`page`), or a link (`url`). */
export interface ConfigMenuEntry {
  /** The text shown; a page's entry without one shows the page's title. */
  name?: string;
  /** A content file: Hugo's `pageRef` ("/about", "about.md"), a Jekyll `header_pages` path ("about.md"). */
  page?: string;
  /** A URL as written: a path on the site or a web address. */
  url?: string;
  weight?: number;
  /** Hugo's `identifier`, the last tie-breaker of its menu order. */
  identifier?: string;
}

export function emptyLayout(generator: Generator): BlogLayout {
  return {
    generator,
    configFile: null,
    settings: {},
    contentRoot: '',
    postFolders: [],
    draftFolders: [],
    pageFolders: [],
    ignoredFolders: [],
    staticFolders: [],
    permalinks: {},
    pagePermalink: '/:path/',
    folderTags: {},
    languages: [],
    params: {},
    siteVariables: {},
    menu: null,
    warnings: [],
  };
}

/** What the folder holds, for people: "Hugo site: 124 posts, 45 pages, static/ → /". */
export function describeLayout(layout: BlogLayout, posts: number, pages: number): string {
  const name = { jekyll: 'Jekyll', hugo: 'Hugo', eleventy: 'Eleventy', postwright: 'Postwright' }[layout.generator];
  const count = (n: number, one: string) => `${n.toLocaleString('en')} ${n === 1 ? one : `${one}s`}`;
  const statics = layout.staticFolders.map((s) => `${s.source}/ → /${s.target}`);
  return [`${name} site: ${count(posts, 'post')}`, count(pages, 'page'), ...statics].join(', ');
}

/** Whether `relative` is `folder` or inside it ('' holds everything). */
export function isUnder(relative: string, folder: string): boolean {
  return folder === '' || relative === folder || relative.startsWith(`${folder}/`);
}

/** Where a new page goes: the content folder's root for the generators, `pages/` in a plain Postwright folder. */
export function pageFolderOf(layout: BlogLayout): string {
  return layout.generator === 'postwright' ? 'pages' : layout.contentRoot;
}
