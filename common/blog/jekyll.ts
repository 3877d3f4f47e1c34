// A Jekyll site as its _config.yml describes it (jekyllrb.com/docs/configuration/,
// /docs/permalinks/, /docs/collections/): posts in `_posts` (also inside
// category folders), drafts in `_drafts`, pages anywhere else outside
// underscore folders, every other file published where it is.
import { jekyllMenu } from './configMenu';
import { emptyLayout, type BlogLayout } from './layout';
import { folderOf, listOf, objectOf, parseConfig, textOf, type BlogFiles } from './files';

/** Jekyll's built-in permalink styles (jekyllrb.com/docs/permalinks/#built-in-formats). */
const STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** Folders Jekyll never reads as content, besides underscore ones (its default `exclude`). */
const EXCLUDED = ['node_modules', 'vendor', 'gemfiles'];

/** A collection's documents are published at `/:collection/:path:output_ext` unless it says otherwise. */
const COLLECTION_PERMALINK = '/:collection/:path:output_ext';

/**
 * Collections other than posts (jekyllrb.com/docs/collections/): those with
 * `output: true` are published, one page per document, in `_name/` (inside
 * `collections_dir` when set); the others are data that renders nothing.
 */
function readCollections(config: Record<string, unknown>, layout: BlogLayout): void {
  const collections = config.collections;
  if (typeof collections !== 'object' || collections === null || Array.isArray(collections)) return;
  const base = folderOf(textOf(config.collections_dir) ?? '') ?? '';
  for (const [name, value] of Object.entries(collections)) {
    if (name === 'posts' || typeof value !== 'object' || value === null || (value as Record<string, unknown>).output !== true) continue;
    const folder = folderOf(`${base}/_${name}`);
    if (folder === null || folder === '') continue;
    const permalink = textOf((value as Record<string, unknown>).permalink);
    layout.pageFolders.push(folder);
    layout.permalinks[folder] = permalink ? (STYLES[permalink] ?? permalink) : COLLECTION_PERMALINK;
  }
}

export function readJekyll(files: BlogFiles): BlogLayout {
  const layout = emptyLayout('jekyll');
  const configFile = ['_config.yml', '_config.yaml', '_config.toml'].find((name) => files.read(name) !== null) ?? null;
  let config: Record<string, unknown> = {};
  if (configFile) {
    layout.configFile = configFile;
    try {
      config = parseConfig(files.read(configFile)!, configFile.endsWith('.toml') ? 'toml' : 'yaml');
    } catch (error) {
      layout.warnings.push(`${configFile} could not be read (${(error as Error).message.split('\n')[0]}); Jekyll's defaults apply.`);
    }
  }
  // Every config value is `site.<key>` in Liquid (jekyllrb.com/docs/variables/#site-variables): a post's
  // `{{ site.repository }}` is filled from it. Tables and lists print as Ruby objects there; they are left out.
  for (const [key, value] of Object.entries(config)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') layout.siteVariables[key] = String(value);
  }
  const settings: Record<string, unknown> = {};
  // `name` is the title jekyll-seo-tag and many themes fall back on (jekyllrb.com's own config has no `title`).
  const title = textOf(config.title) ?? textOf(config.name);
  if (title) settings.title = title;
  const description = textOf(config.description);
  if (description) settings.description = description;
  const author = textOf(config.author);
  if (author) settings.author = author;
  const url = textOf(config.url);
  if (url) settings.baseUrl = `${url.replace(/\/+$/, '')}/${(textOf(config.baseurl) ?? '').replace(/^\/+|\/+$/g, '')}`;
  const language = textOf(config.lang) ?? textOf(config.locale);
  if (language) settings.language = language.replace('_', '-');
  const style = textOf(config.permalink) ?? 'date';
  // `collections: posts: permalink:` overrides the site's style for posts (jekyllrb.com/docs/collections/#permalinks).
  const postsPermalink = textOf(objectOf(objectOf(config.collections).posts).permalink);
  settings.permalink = postsPermalink ? (STYLES[postsPermalink] ?? postsPermalink) : (STYLES[style] ?? style);
  layout.settings = settings;
  layout.pagePermalink = style === 'pretty' ? '/:path/' : '/:path:output_ext';

  layout.postFolders = ['_posts'];
  layout.draftFolders = ['_drafts'];
  readCollections(config, layout);
  layout.menu = jekyllMenu(config);
  const excluded = listOf(config.exclude).map(folderOf).filter((f): f is string => f !== null && f !== '');
  layout.ignoredFolders = [...EXCLUDED, ...excluded];
  // Every other top-level folder is published as it is (its markdown files are pages).
  layout.staticFolders = files
    .list('')
    .filter((entry) => entry.endsWith('/') && !/^[._]/.test(entry))
    .map((entry) => entry.slice(0, -1))
    .filter((folder) => !layout.ignoredFolders.includes(folder))
    .map((folder) => ({ source: folder, target: `${folder}/` }));
  return layout;
}
