// Hugo's own list pages, so the addresses a Hugo blog served stay served: each
// main section's list (`/posts/`) and the `categories` taxonomy (`/categories/`
// and `/categories/<term>/`), as Hugo builds them by default
// (gohugo.io/content-management/sections/, /content-management/taxonomies/).
// Tags need nothing here: Postwright's tag pages are at Hugo's `/tags/<term>/`.
import { isUnder, type BlogLayout } from '../blog/layout';
import { slugify } from '../slug';
import { newestFirst, type SiteInput, type SitePost } from './model';
import { tagSlug } from './permalink';

export interface HugoList<P extends SiteInput = SiteInput> {
  /** Site path, e.g. "posts/" or "categories/technology/". */
  url: string;
  /** The section or term as shown: "Posts", "Technology". */
  name: string;
  posts: SitePost<P>[];
}

export const CATEGORIES_URL = 'categories/';

export const categoryUrl = (name: string): string => `${CATEGORIES_URL}${tagSlug(name)}/`;

/** A main section's list page: `content/posts` → "posts/". */
export function sectionUrl(folder: string): string {
  const name = folder.slice(folder.lastIndexOf('/') + 1);
  return `${slugify(name) || name}/`;
}

/**
 * The section lists and category terms of a Hugo site's published posts (newest first, as given); none for
 * other generators. Hugo lists every top-level folder of the content that holds pages, so a folder of
 * pages only (gohugo.io's `content/showcase/`) has its list too.
 */
export function hugoLists<P extends SiteInput>(
  posts: readonly SitePost<P>[],
  layout: BlogLayout,
  pages: readonly SitePost<P>[] = [],
): { sections: HugoList<P>[]; categories: HugoList<P>[] } {
  if (layout.generator !== 'hugo') return { sections: [], categories: [] };
  const sections = sectionFolders(layout, pages.map((page) => page.path)).map((folder) => {
    const name = folder.slice(folder.lastIndexOf('/') + 1);
    // Posts come newest first; pages are listed the same way.
    const listed = layout.postFolders.includes(folder) ? posts : [...pages].sort(newestFirst);
    return { url: sectionUrl(folder), name: name.charAt(0).toUpperCase() + name.slice(1), posts: listed.filter((post) => isUnder(post.path, folder)) };
  });
  const terms = new Map<string, HugoList<P>>();
  for (const post of posts) {
    for (const name of new Set(post.categories ?? [])) {
      const url = categoryUrl(name);
      let term = terms.get(url);
      if (!term) terms.set(url, (term = { url, name, posts: [] }));
      term.posts.push(post);
    }
  }
  return { sections, categories: [...terms.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)) };
}

/** A Hugo site's sections: its post folders, and each top-level content folder that holds one of `pagePaths`. */
export function sectionFolders(layout: BlogLayout, pagePaths: readonly string[]): string[] {
  const folders = new Set(layout.postFolders);
  for (const relative of pagePaths) {
    const folder = sectionFolderOf(relative, layout.contentRoot);
    if (folder) folders.add(folder);
  }
  return [...folders];
}

/** The top-level content folder a page sits in (`content/showcase/linode/index.md` → `content/showcase`), or null for a page at the top. */
function sectionFolderOf(relative: string, contentRoot: string): string | null {
  const inside = contentRoot ? relative.slice(contentRoot.length + 1) : relative;
  if (contentRoot && !isUnder(relative, contentRoot)) return null;
  const slash = inside.indexOf('/');
  return slash < 0 ? null : contentRoot ? `${contentRoot}/${inside.slice(0, slash)}` : inside.slice(0, slash);
}
