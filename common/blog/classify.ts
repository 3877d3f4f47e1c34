// Which kind of file a markdown path is in a blog: a post, a page, or neither
// (a listing template, a translation, a README, an archetype…). Decided by the
// generator's own rules, from the path and the few fields the list already read.
import { isUnder, type BlogLayout } from './layout';

export type ContentKind = 'post' | 'page' | 'ignored';

/** The fields of a summary that classification reads. */
export interface Classifiable {
  path: string;
  tags: readonly string[];
}

/** Files every generator leaves unrendered, or renders as something other than a post. */
const NOT_CONTENT = /^(?:readme|changelog|license|licence|contributing|code_of_conduct|security)\.(?:md|markdown)$/i;
/** Hugo's section and taxonomy list pages. */
const LIST_PAGE = /^_index\.(?:md|markdown)$/i;
/** `name.fr.md`, `index.pt-br.md`: a translation, when `fr` is one of the site's other languages. */
const TRANSLATION = /\.([a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)\.(?:md|markdown)$/i;
/** Eleventy's and Jekyll's conventional tags for posts. */
const POST_TAGS = new Set(['post', 'posts', 'blog']);

export function classify(file: Classifiable, layout: BlogLayout): ContentKind {
  const relative = file.path;
  const name = relative.slice(relative.lastIndexOf('/') + 1);
  if (NOT_CONTENT.test(name) || LIST_PAGE.test(name)) return 'ignored';
  if (layout.ignoredFolders.some((folder) => isUnder(relative, folder))) return 'ignored';
  const language = TRANSLATION.exec(name)?.[1]?.toLowerCase();
  if (language && layout.languages.includes(language)) return 'ignored';
  if (layout.generator !== 'postwright' && !isUnder(relative, layout.contentRoot)) return 'ignored';
  if (layout.postFolders.some((folder) => isUnder(relative, folder)) || layout.draftFolders.some((folder) => isUnder(relative, folder))) {
    return 'post';
  }
  if (layout.pageFolders.some((folder) => isUnder(relative, folder))) return 'page';
  switch (layout.generator) {
    case 'postwright':
      // A plain folder of posts: only a `pages/` folder holds pages.
      return isUnder(relative, 'pages') ? 'page' : 'post';
    case 'jekyll': {
      // `_posts` and `_drafts` may sit in a category folder too (`news/_posts/`).
      const folders = relative.split('/').slice(0, -1);
      if (folders.includes('_posts') || folders.includes('_drafts')) return 'post';
      // Underscore folders are collections, includes and data: only _posts (above) renders as posts.
      return relative.split('/').some((part) => part.startsWith('_')) ? 'ignored' : 'page';
    }
    case 'eleventy':
      return tagsOf(file, layout).some((tag) => POST_TAGS.has(tag.toLowerCase())) ? 'post' : 'page';
    case 'hugo':
      return 'page';
  }
}

/** Front-matter tags plus those the folder's directory data gives (Eleventy). */
function tagsOf(file: Classifiable, layout: BlogLayout): string[] {
  const tags = [...file.tags];
  for (const [folder, folderTags] of Object.entries(layout.folderTags)) if (isUnder(file.path, folder)) tags.push(...folderTags);
  return tags;
}

/** Whether the post sits in a drafts folder (Jekyll's `_drafts`). */
export function inDraftFolder(relative: string, layout: Pick<BlogLayout, 'generator' | 'draftFolders'>): boolean {
  if (layout.generator === 'jekyll' && relative.split('/').slice(0, -1).includes('_drafts')) return true;
  return layout.draftFolders.some((folder) => isUnder(relative, folder));
}

/** The post folder (collection or section) a post belongs to, for per-folder permalinks; '' when none. */
export function postFolderOf(relative: string, layout: BlogLayout): string {
  return layout.postFolders.find((folder) => isUnder(relative, folder)) ?? '';
}
