// Hugo's own list pages, so the addresses a Hugo blog served stay served: each
// main section's list (`/posts/`) and the `categories` taxonomy (`/categories/`
// and `/categories/<term>/`), as Hugo builds them by default
// (gohugo.io/content-management/sections/, /content-management/taxonomies/).
// Tags need nothing here: Postwright's tag pages are at Hugo's `/tags/<term>/`.
import { isUnder, type BlogLayout } from '../blog/layout';
import { slugify } from '../slug';
import type { SiteInput, SitePost } from './model';
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

/** The section lists and category terms of a Hugo site's published posts (newest first, as given); none for other generators. */
export function hugoLists<P extends SiteInput>(posts: readonly SitePost<P>[], layout: BlogLayout): { sections: HugoList<P>[]; categories: HugoList<P>[] } {
  if (layout.generator !== 'hugo') return { sections: [], categories: [] };
  const sections = layout.postFolders.map((folder) => {
    const name = folder.slice(folder.lastIndexOf('/') + 1);
    return { url: sectionUrl(folder), name: name.charAt(0).toUpperCase() + name.slice(1), posts: posts.filter((post) => isUnder(post.path, folder)) };
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
