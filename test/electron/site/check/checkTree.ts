// Runs the check over a real temp workspace holding `files`.
import type { CheckProblem } from '../../../../common/check';
import { checkWorkspace, type CheckOptions } from '../../../../electron/site/check/check';
import { Workspace } from '../../../../electron/workspace/workspace';
import { noTrash, tempTree } from '../../../helpers/tmp';

export async function checkTree(files: Record<string, string | Uint8Array>, options?: CheckOptions) {
  const root = await tempTree(files);
  const workspace = await Workspace.open(root, noTrash);
  try {
    return { root, ...(await checkWorkspace(workspace, options)) };
  } finally {
    await workspace.close();
  }
}

/** The fields a test asserts on, so a message's wording can be matched separately. */
export const where = ({ file, line, column, severity, kind }: CheckProblem) => ({ file, line, column, severity, kind });
