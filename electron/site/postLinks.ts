// Links between posts: each reference a post makes to another (a relative
// `.md` link, post_url, ref…; see postReferences.ts), mapped to the address
// the site model published its target at, or to null when it names no
// published post (its link then stays as written). The site build links within
// the site; a standalone page, which has no site beside it, links to the
// published site.
import type { SiteInput, SiteModel } from '../../common/site/model';
import { referencedFile, referenceMarker, type ReferenceScope } from '../../common/site/postReferences';
import type { PostRecord } from './postRenderer';

/** Where each post a post links to lives, by referenceMarker. */
export type LinksOf = (record: Pick<PostRecord, 'relative' | 'references'>) => Record<string, string | null>;

/** `files` are every post and page file of the workspace; `address` makes a site path into the link a page holds. */
export function postLinks(model: SiteModel<SiteInput>, files: Iterable<string>, contentRoot: string, address: (url: string) => string): LinksOf {
  const scope: ReferenceScope = { files: new Set(files), contentRoot };
  const urlByPath = new Map([...model.posts, ...model.pages].map((p) => [p.path, p.url]));
  return (record) => {
    const links: Record<string, string | null> = {};
    for (const reference of record.references ?? []) {
      const target = referencedFile(reference, record.relative, scope);
      const url = target ? urlByPath.get(target.path) : undefined;
      links[referenceMarker(reference)] = target && url !== undefined ? address(url) + target.fragment : null;
    }
    return links;
  };
}
