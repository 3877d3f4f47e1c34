// Nav entries the build would leave out (a menu entry naming a draft, a
// header page that does not exist, a link that is not a path or a web
// address), reported where the author fixes them: postwright.json or the
// generator's config. The nav itself is common/site/nav.ts, as the build uses it.
import type { CheckProblem } from '../../../common/check';
import { siteModel } from '../../../common/site/model';
import { siteNav } from '../../../common/site/nav';
import type { PostSummary } from '../../../common/types';
import type { Workspace } from '../../workspace/workspace';
import { readSiteSettings } from '../../workspace/settings';
import type { UrlOf } from './siteIndex';

/** `urlOf` is the check's (siteIndex.ts), which remembers each post's URL across checks. */
export async function checkNav(workspace: Workspace, posts: readonly PostSummary[], urlOf: UrlOf): Promise<CheckProblem[]> {
  // Unreadable settings are reported as such by the check of postwright.json; the nav has nothing to add.
  const settings = await readSiteSettings(workspace.root).catch(() => null);
  if (!settings) return [];
  const model = siteModel(posts, settings, { drafts: false, future: false, now: Date.now() }, workspace.layout, (post) => urlOf(post).slice(1));
  return siteNav(model.pages, model.posts, workspace.layout, settings).warnings.map(({ file, message }): CheckProblem => ({
    file,
    postId: '',
    line: 1,
    severity: 'warning',
    kind: 'config',
    message,
  }));
}
