// A Hugo site as its config describes it (gohugo.io/getting-started/configuration/,
// /content-management/sections/, /content-management/urls/#permalinks): content
// in `contentDir`, posts in the main sections, every other content file a page,
// `_index.md` a list page, `staticDir` published at the root. Config keys are
// case-insensitive in Hugo (baseURL, baseurl), and so are they here.
import { fieldOf } from '../frontMatter/keys';
import { hugoMenu } from './configMenu';
import { emptyLayout, type BlogLayout } from './layout';
import { countMarkdown, folderOf, formatOf, listOf, objectOf, parseConfig, textOf, type BlogFiles } from './files';

/** Where Hugo looks for its config, in its order (hugo.* first since 0.110). */
export const HUGO_CONFIGS = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'].flatMap((name) => [
  name,
  `config/_default/${name}`,
]);

export function readHugo(files: BlogFiles): BlogLayout {
  const layout = emptyLayout('hugo');
  const configFile = HUGO_CONFIGS.find((name) => files.read(name) !== null) ?? null;
  let config: Record<string, unknown> = {};
  if (configFile) {
    layout.configFile = configFile;
    try {
      config = parseConfig(files.read(configFile)!, formatOf(configFile));
    } catch (error) {
      layout.warnings.push(`${configFile} could not be read (${(error as Error).message.split('\n')[0]}); Hugo's defaults apply.`);
    }
  }
  const get = (key: string) => fieldOf(config, key);
  const params = objectOf(get('params'));
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') layout.params[key] = String(value);
  }
  const settings: Record<string, unknown> = {};
  const title = textOf(get('title'));
  if (title) settings.title = title;
  const description = textOf(fieldOf(params, 'description'));
  if (description) settings.description = description;
  const author = textOf(fieldOf(params, 'author')) ?? textOf(get('author'));
  if (author) settings.author = author;
  const baseUrl = textOf(get('baseURL'));
  if (baseUrl) settings.baseUrl = baseUrl;
  const defaultLanguage = (textOf(get('defaultContentLanguage')) ?? 'en').toLowerCase();
  settings.language = textOf(get('languageCode')) ?? defaultLanguage;
  layout.languages = Object.keys(objectOf(get('languages')))
    .map((code) => code.toLowerCase())
    .filter((code) => code !== defaultLanguage);

  const content = folderOf(textOf(get('contentDir')) ?? 'content') ?? 'content';
  layout.contentRoot = content;
  const sections = files
    .list(content)
    .filter((entry) => entry.endsWith('/') && !entry.startsWith('.'))
    .map((entry) => entry.slice(0, -1));
  // mainSections: the config's, else the section with the most pages (Hugo's own default).
  let main = listOf(fieldOf(params, 'mainSections'));
  if (main.length === 0 && sections.length > 0) {
    const sizes = sections.map((section) => [section, countMarkdown(files, `${content}/${section}`)] as const);
    const largest = sizes.reduce((a, b) => (b[1] > a[1] ? b : a));
    if (largest[1] > 0) main = [largest[0]];
  }
  layout.postFolders = main.map((section) => `${content}/${section}`);

  // Permalinks by section: `[permalinks] posts = "/:year/:month/:title/"`, or (0.112+) under `page`.
  const permalinks = objectOf(get('permalinks'));
  const perSection = { ...permalinks, ...objectOf(fieldOf(permalinks, 'page')) };
  // Without a pattern Hugo publishes a page at its path, the last segment replaced by a front-matter slug.
  settings.permalink = '/:section/:slugorfilename/';
  for (const section of main) {
    const pattern = textOf(fieldOf(perSection, section));
    if (pattern) layout.permalinks[`${content}/${section}`] = pattern;
  }
  layout.settings = settings;
  layout.pagePermalink = '/:path/';

  const statics = listOf(get('staticDir'));
  layout.staticFolders = (statics.length > 0 ? statics : ['static'])
    .map(folderOf)
    .filter((folder): folder is string => folder !== null && folder !== '' && files.list(folder).length > 0)
    .map((source) => ({ source, target: '' }));
  layout.menu = hugoMenu(config);
  layout.ignoredFolders = ['archetypes', 'layouts', 'themes', 'resources', 'public', 'data', 'i18n', 'assets', 'node_modules'];
  return layout;
}
