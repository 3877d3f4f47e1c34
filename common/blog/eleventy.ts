// An Eleventy site (11ty.dev/docs/config/, /docs/data-template-dir/,
// /docs/permalinks/, /docs/copy/). Its config is JavaScript, which Postwright
// never runs: the input and output folders and passthrough copies are read from
// the config's text when they are written as plain string literals, and
// otherwise Eleventy's defaults apply. Site data comes from `_data/*.json`,
// tags and permalinks from directory data files (`posts/posts.json`).
import { emptyLayout, isUnder, type BlogLayout } from './layout';
import { folderOf, listOf, parseConfig, textOf, type BlogFiles } from './files';

export const ELEVENTY_CONFIGS = ['eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', 'eleventy.config.ts', '.eleventy.js'];

/** `input: "src"` as written in a config's `dir` object; never evaluated. */
const literal = (text: string, key: string) => new RegExp(`\\b${key}\\s*:\\s*["'\`]([^"'\`\\n]+)["'\`]`).exec(text)?.[1];

export function readEleventy(files: BlogFiles): BlogLayout {
  const layout = emptyLayout('eleventy');
  const configFile = ELEVENTY_CONFIGS.find((name) => files.read(name) !== null) ?? null;
  const config = configFile ? files.read(configFile)! : '';
  layout.configFile = configFile;
  const input = folderOf(literal(config, 'input') ?? '.') ?? '';
  const output = folderOf(literal(config, 'output') ?? '_site') ?? '_site';
  const within = (folder: string) => (input ? `${input}/${folder}` : folder);
  const includes = within(folderOf(literal(config, 'includes') ?? '_includes') ?? '_includes');
  const data = within(folderOf(literal(config, 'data') ?? '_data') ?? '_data');
  layout.contentRoot = input;
  layout.ignoredFolders = [output, includes, data, 'node_modules'];
  if (literal(config, 'layouts')) layout.ignoredFolders.push(within(folderOf(literal(config, 'layouts')!) ?? '_layouts'));

  // addPassthroughCopy("img") or addPassthroughCopy({ "src/static": "/" }).
  for (const m of config.matchAll(/addPassthroughCopy\(\s*(?:["'`]([^"'`]+)["'`]|\{\s*["'`]([^"'`]+)["'`]\s*:\s*["'`]([^"'`]*)["'`])/g)) {
    const source = folderOf(m[1] ?? m[2]!);
    if (source === null || source === '' || /[*{]/.test(source)) continue;
    const target = m[1] !== undefined ? (input && isUnder(source, input) ? source.slice(input.length + 1) : source) : (folderOf(m[3]!) ?? '');
    if (files.list(source).length > 0) layout.staticFolders.push({ source, target: target ? `${target}/` : '' });
  }

  const settings: Record<string, unknown> = {};
  for (const name of ['site.json', 'metadata.json', 'meta.json']) {
    const text = files.read(`${data}/${name}`);
    if (text === null) continue;
    let site: Record<string, unknown>;
    try {
      site = parseConfig(text, 'json');
    } catch (error) {
      layout.warnings.push(`${data}/${name} could not be read (${(error as Error).message}).`);
      continue;
    }
    settings.title ??= textOf(site.title);
    settings.description ??= textOf(site.description);
    settings.author ??= textOf(site.author);
    settings.baseUrl ??= textOf(site.url) ?? textOf(site.baseUrl) ?? textOf(site.baseURL);
    settings.language ??= textOf(site.language) ?? textOf(site.lang);
  }
  layout.settings = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
  layout.settings.permalink = '/:path/';
  layout.pagePermalink = '/:path/';

  // Directory data files: `posts/posts.json` or `posts/posts.11tydata.json` give tags and a permalink to a folder.
  const walk = (folder: string, depth: number) => {
    for (const entry of files.list(folder)) {
      if (!entry.endsWith('/') || /^[._]/.test(entry) || entry === 'node_modules/') continue;
      const child = folder ? `${folder}/${entry.slice(0, -1)}` : entry.slice(0, -1);
      if (layout.ignoredFolders.some((ignored) => isUnder(child, ignored))) continue;
      const name = entry.slice(0, -1);
      for (const dataFile of [`${child}/${name}.json`, `${child}/${name}.11tydata.json`]) {
        const text = files.read(dataFile);
        if (text === null) continue;
        try {
          const folderData = parseConfig(text, 'json');
          const tags = listOf(folderData.tags);
          if (tags.length > 0) layout.folderTags[child] = tags;
          const permalink = typeof folderData.permalink === 'string' ? eleventyPermalink(folderData.permalink) : null;
          if (permalink) layout.permalinks[child] = permalink;
          else if (typeof folderData.permalink === 'string') layout.warnings.push(`${dataFile}: the permalink "${folderData.permalink}" is a template Postwright does not run; its posts keep the default /folder/name/ addresses.`);
        } catch (error) {
          layout.warnings.push(`${dataFile} could not be read (${(error as Error).message}).`);
        }
      }
      if (depth < 4) walk(child, depth + 1);
    }
  };
  walk(input, 0);
  layout.postFolders = Object.entries(layout.folderTags)
    .filter(([, tags]) => tags.some((tag) => /^(?:posts?|blog)$/i.test(tag)))
    .map(([folder]) => folder);
  return layout;
}

/**
 * The common permalink templates as patterns: `/blog/{{ page.fileSlug }}/` →
 * `/blog/:slug/`. Anything else is a template we would have to run: null.
 */
export function eleventyPermalink(template: string): string | null {
  const pattern = template
    .replace(/\{\{-?\s*page\.fileSlug\s*-?\}\}/g, ':slug')
    .replace(/\{\{-?\s*title\s*\|\s*slug(?:ify)?\s*-?\}\}/g, ':title')
    .replace(/\{\{-?\s*page\.date\s*\|\s*date:?\s*\(?\s*["']%?(?:Y|yyyy)["']\s*\)?\s*-?\}\}/g, ':year');
  return /[{}%]/.test(pattern) ? null : pattern;
}
