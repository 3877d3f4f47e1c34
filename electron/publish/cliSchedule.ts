// `postwright schedule github`: writes the workflow and says, by name, which
// repository secrets it reads. Exit codes as publish's: 0 written (or already
// so), 1 it could not be written, 2 the command or the settings were wrong.
import path from 'node:path';
import { ApiError } from '../../common/errors';
import { scheduleGithub, type ScheduleOptions } from './githubWorkflow';

type Print = (line: string) => void;

export async function runSchedule(args: Omit<ScheduleOptions, 'root'> & { workspace?: string }, out: Print, err: Print): Promise<number> {
  try {
    const result = await scheduleGithub({ ...args, root: path.resolve(args.workspace ?? '.') });
    const verb = { created: 'Wrote', updated: 'Replaced', unchanged: 'Already up to date:' }[result.status];
    out(`${verb} ${result.file}`);
    out('It publishes on every push to the default branch, and on its schedule once a post’s date has come.');
    if (result.secrets.length) {
      out('Add these repository secrets (GitHub: Settings → Secrets and variables → Actions → New repository secret):');
      for (const secret of result.secrets) out(`  ${secret}`);
    } else {
      out('It needs no repository secrets.');
    }
    for (const note of result.notes) out(`Note: ${note}`);
    return 0;
  } catch (error) {
    const failure = ApiError.from(error);
    err(`postwright schedule: ${failure.message}`);
    return failure.code === 'invalid-arguments' || failure.code === 'not-found' ? 2 : 1;
  }
}
