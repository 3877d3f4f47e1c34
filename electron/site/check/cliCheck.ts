// `postwright check`: the pre-publish check from the command line, with exit
// codes for CI (1 when there are errors, 2 for a bad workspace argument).
import { resolve } from 'node:path';
import { ApiError } from '../../../common/errors';
import { Workspace } from '../../workspace/workspace';
import { checkWorkspace } from './check';
import { formatReport, hasErrors } from './report';

/** The check only reads; without the OS trash it starts without loading the trash module and its file globbing. */
const neverTrash = () => Promise.reject(new Error('The check never deletes posts.'));

/** `cacheDir` keeps the post list and each post's facts between runs, so a check after an edit reads only what changed. */
export async function runCheck(
  args: string[],
  json: boolean,
  out: (text: string) => void,
  err: (text: string) => void,
  cacheDir?: string,
): Promise<number> {
  if (args.length > 1) {
    err(`postwright check: give one workspace folder, not ${args.length}. Usage: postwright check [WORKSPACE] [--json]`);
    return 2;
  }
  let workspace: Workspace;
  try {
    workspace = await Workspace.open(resolve(args[0] ?? '.'), { trash: neverTrash, cacheDir });
  } catch (error) {
    err(`postwright check: ${ApiError.from(error).message}`);
    return 2;
  }
  try {
    const result = await checkWorkspace(workspace, { cacheDir });
    out(json ? JSON.stringify(result, null, 2) : formatReport(result));
    return hasErrors(result) ? 1 : 0;
  } finally {
    await workspace.close();
  }
}
