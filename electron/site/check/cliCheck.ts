// `postwright check`: the pre-publish check from the command line, with exit
// codes for CI (1 when there are errors, 2 for a bad workspace argument).
import { resolve } from 'node:path';
import { ApiError } from '../../../common/errors';
import { nodePlatform } from '../../platform';
import { Workspace } from '../../workspace/workspace';
import { checkWorkspace } from './check';
import { formatReport, hasErrors } from './report';

export async function runCheck(args: string[], json: boolean, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  if (args.length > 1) {
    err(`postwright check: give one workspace folder, not ${args.length}. Usage: postwright check [WORKSPACE] [--json]`);
    return 2;
  }
  let workspace: Workspace;
  try {
    workspace = await Workspace.open(resolve(args[0] ?? '.'), { trash: nodePlatform().trash });
  } catch (error) {
    err(`postwright check: ${ApiError.from(error).message}`);
    return 2;
  }
  try {
    const result = await checkWorkspace(workspace);
    out(json ? JSON.stringify(result, null, 2) : formatReport(result));
    return hasErrors(result) ? 1 : 0;
  } finally {
    await workspace.close();
  }
}
