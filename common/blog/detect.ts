// Which generator built a blog folder, from the files each one requires:
// Hugo's config beside its content folders, Eleventy's config, Jekyll's
// _config.yml.
import { readEleventy, ELEVENTY_CONFIGS } from './eleventy';
import type { BlogFiles } from './files';
import { HUGO_CONFIGS, readHugo } from './hugo';
import { readJekyll } from './jekyll';
import { emptyLayout, type BlogLayout } from './layout';

export function detectLayout(files: BlogFiles): BlogLayout {
  const root = new Set(files.list(''));
  // hugo.toml is Hugo's alone; config.toml only beside Hugo's folders.
  const hugoOwn = HUGO_CONFIGS.some((name) => name.startsWith('hugo.') && root.has(name)) || files.list('config/_default').length > 0;
  const hugoFolders = ['content/', 'archetypes/', 'layouts/', 'themes/'].some((folder) => root.has(folder));
  if (hugoOwn || (hugoFolders && HUGO_CONFIGS.some((name) => name.startsWith('config.') && root.has(name)))) return readHugo(files);
  if (ELEVENTY_CONFIGS.some((name) => root.has(name))) return readEleventy(files);
  // A `_posts` folder alone is not enough: Postwright's own folders use that name too.
  if (root.has('_config.yml') || root.has('_config.yaml')) return readJekyll(files);
  return emptyLayout('postwright');
}
