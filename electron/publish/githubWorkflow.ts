// `postwright schedule github`: a GitHub Actions workflow that publishes the
// blog on every push to the default branch and on a cron, so a post dated next
// Tuesday 9:00 goes live at the first run after 9:00 while the laptop sleeps.
// The cron runs `publish --if-due`, which stops at once unless a post's date
// has come since the last publish (kept between runs with actions/cache).
//
// The YAML is written from a template: every value that comes from the author
// (target names, the workspace's folder, the branch) is emitted as a JSON
// string, which YAML reads as a double-quoted scalar, so none can break out.
import { lstat, mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../common/errors';
import { secretKeysFor, type ScheduleResult, type SecretKey } from '../../common/publish';
import type { PublishTarget } from '../../common/publishSettings';
import { resolveInside } from '../workspace/paths';
import { git } from './targets/gitCommand';
import { readPublishSettings, selectTargets } from './settings';

export const WORKFLOW_FILE = '.github/workflows/postwright-publish.yml';
/** Hourly, a few minutes past the hour: GitHub's runners are busiest at :00 and delay those runs the most. */
export const DEFAULT_CRON = '7 * * * *';

/** Secrets a target can run without in CI. */
const OPTIONAL: ReadonlySet<SecretKey> = new Set(['AWS_SESSION_TOKEN', 'POSTWRIGHT_SFTP_PASSWORD']);

/** What each kind of target needs in CI besides its secrets. */
const CI_NOTES: Partial<Record<PublishTarget['type'], string>> = {
  git: 'git targets push with the runner’s own credentials: give the job a deploy key or a token that may push to the remote.',
  sftp: 'SFTP targets need the server’s host key trusted on the runner; the first run fails with its fingerprint until it is.',
  fly: 'Fly targets need FLY_API_TOKEN in CI (there is no flyctl login there): "flyctl tokens create deploy -a APP" makes one for just that app.',
};

export interface WorkflowOptions {
  /** Target names, in publish order. */
  targets: readonly { name: string; type: PublishTarget['type'] }[];
  /** The workspace's folder, relative to the repository's root ("." when it is the root). */
  workspace: string;
  branch: string;
  cron: string;
  /** The postwright version npx runs, pinned so a new release never changes a scheduled publish. */
  version: string;
}

const q = (value: string) => JSON.stringify(value);

export function workflowYaml(options: WorkflowOptions): string {
  const lines = [
    '# Written by `postwright schedule github`. Publishes the blog on every push to the default',
    '# branch, and on a schedule so that future-dated posts go live at the first run after their date.',
    'name: Publish with Postwright',
    'on:',
    '  push:',
    `    branches: [${q(options.branch)}]`,
    '  schedule:',
    `    - cron: ${q(options.cron)}`,
    '  workflow_dispatch:',
    '# One publish at a time; a second waits rather than racing the first.',
    'concurrency:',
    '  group: postwright-publish',
    '  cancel-in-progress: false',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  publish:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 30',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 20',
    '      # The record of the last publish, so a scheduled run can tell whether anything became due.',
    '      - uses: actions/cache@v4',
    '        with:',
    '          path: ~/.cache/postwright',
    '          key: postwright-${{ github.run_id }}',
    '          restore-keys: postwright-',
  ];
  if (options.targets.some((target) => target.type === 'fly')) {
    lines.push('      - uses: superfly/flyctl-actions/setup-flyctl@master');
  }
  for (const { name, type } of options.targets) {
    const command = `npx --yes postwright@${options.version} publish ${q(options.workspace)} --target ${q(name)}`;
    lines.push(
      `      - name: ${q(`Publish to ${name}`)}`,
      // A push publishes what changed; the schedule only publishes when a post's date has come.
      `        run: ${command} \${{ github.event_name == 'schedule' && '--if-due' || '' }}`,
    );
    const keys = secretKeysFor[type];
    if (keys.length) {
      lines.push('        env:');
      for (const key of keys) lines.push(`          ${key}: \${{ secrets.${key} }}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export interface ScheduleOptions {
  root: string;
  /** One target by name; every configured target when absent. */
  target?: string;
  cron?: string;
  branch?: string;
  /** Replace a workflow file that differs from the one Postwright would write. */
  force?: boolean;
  version: string;
}

/** Writes the workflow into the repository that holds the workspace (or the workspace, outside git). */
export async function scheduleGithub(options: ScheduleOptions): Promise<ScheduleResult> {
  const root = await realpath(options.root);
  const targets = selectTargets(await readPublishSettings(root), options.target).map(([name, config]) => ({ name, type: config.type }));
  const cron = options.cron ?? DEFAULT_CRON;
  if (!/^(\S+\s+){4}\S+$/.test(cron.trim())) {
    throw new ApiError('invalid-arguments', `"${cron}" is not a cron schedule: give five fields, minute hour day month weekday, such as "${DEFAULT_CRON}" (hourly).`);
  }
  const repo = await repositoryOf(root);
  const branch = options.branch ?? repo.branch;
  const yaml = workflowYaml({ targets, workspace: path.relative(repo.root, root).split(path.sep).join('/') || '.', branch, cron: cron.trim(), version: options.version });

  // The repository is the author's, but its .github folder could be a link planted to write elsewhere.
  const inside = await resolveInside(repo.root, WORKFLOW_FILE);
  const before = await readFile(inside.real, 'utf8').catch(() => null);
  const status = before === null ? 'created' : before === yaml ? 'unchanged' : 'updated';
  if (status === 'updated' && !options.force) {
    throw new ApiError('exists', `${inside.path} already exists and differs from the workflow Postwright writes; it was left as it is. Move it aside, or run again with --force to replace it.`);
  }
  if (status !== 'unchanged') {
    await mkdir(path.dirname(inside.real), { recursive: true });
    if ((await lstat(path.dirname(inside.real))).isSymbolicLink()) throw new ApiError('outside-workspace', `${path.dirname(inside.path)} is a link; the workflow was not written.`);
    await writeFile(inside.real, yaml);
  }
  const keys = [...new Set(targets.flatMap(({ type }) => secretKeysFor[type]))];
  return {
    file: inside.path,
    status,
    secrets: keys.map((key) => (OPTIONAL.has(key) ? `${key} (optional)` : key)),
    notes: [...new Set(targets.map(({ type }) => CI_NOTES[type]).filter((note): note is string => Boolean(note)))],
  };
}

/** The git repository around the workspace and its default branch; the workspace itself outside git. */
async function repositoryOf(root: string): Promise<{ root: string; branch: string }> {
  const run = { cwd: root };
  const top = await git(['rev-parse', '--show-toplevel'], run).then((out) => out.trim(), () => null);
  if (!top) return { root, branch: 'main' };
  // The remote's default branch when known; else the branch checked out; else "main".
  const remoteHead = await git(['symbolic-ref', '--short', 'refs/remotes/origin/HEAD'], run).then((out) => out.trim().replace(/^origin\//, ''), () => '');
  const current = remoteHead || (await git(['branch', '--show-current'], run).then((out) => out.trim(), () => ''));
  return { root: top, branch: current || 'main' };
}
