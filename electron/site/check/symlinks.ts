// Symbolic links the build would follow, so the author sees every file that
// reaches the site through one. A link into a place Postwright never publishes
// (.git, .env, node_modules, the output folder) is an error: the build leaves
// its target out, and a publish stops until the link is gone, since it is the
// shape of a workspace built to leak those files.
import type { CheckProblem } from '../../../common/check';
import { postId } from '../../workspace/ids';
import { findLinks } from '../../workspace/linkTargets';
import type { Workspace } from '../../workspace/workspace';
import type { FolderListings } from './folderListings';

/** `folders`: the check's listings, so the walk reads no folder the list already read. */
export async function checkLinks(workspace: Workspace, folders: FolderListings): Promise<CheckProblem[]> {
  const links = await findLinks(workspace.root, workspace.info().outputDir, async (relative) => [...((await folders.entries(relative)) ?? [])]);
  return links.map(({ relative, target, skipped }) => ({
    file: relative,
    postId: postId(relative),
    line: 1,
    kind: 'symlink',
    severity: skipped ? 'error' : 'warning',
    message: skipped
      ? `${relative} is a symbolic link to ${target}, a place Postwright never publishes (dot-files and dot-folders such as .git and .env, node_modules, the output folder). ` +
        'The build leaves it out, and publishing stops until the link is removed.'
      : `${relative} is a symbolic link to ${target}: the build follows it, and publishes what it leads to wherever a post uses it. Check that this is meant to be published.`,
  }));
}
