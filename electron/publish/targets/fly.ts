// The Fly.io target. Fly runs a site as an app: an image that serves the
// files, built from a folder by `flyctl deploy`. So this target does not send
// files one by one: plan() stages the whole site with its server (flyStage.ts)
// and compares it with what the last deploy sent; apply() runs the real
// flyctl: `apps create` the first time, then `deploy --remote-only`, which
// builds on Fly's remote builder, so no Docker is needed here. A deploy swaps
// the whole image, so readers see the old site or the new one, never half.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../common/errors';
import type { PublishTargetOf } from '../../../common/publishSettings';
import { planFrom } from '../plan';
import { flyctl, FlyctlFailed, flyctlFault } from './flyctl';
import { stage, type Staged } from './flyStage';
import type { ManifestEntry, PublishPlan, RemoteEntry, Target, TargetEnv } from '../types';

/** What the last successful deploy sent, kept in the target's state folder. */
interface Deployed {
  app: string;
  /** The app exists (created by us, or found to be ours). */
  created: boolean;
  /** Null until a deploy has succeeded. */
  files: ManifestEntry[] | null;
  config: string | null;
}

/** flyctl's deploy output, line by line, as steps an author can follow (see the test fixture for the lines modelled). */
const steps: [RegExp, string][] = [
  [/^==> Verifying app config|Validating .*fly\.toml/i, 'Checking the app configuration'],
  [/Building image|Remote builder|Waiting for (remote|depot) builder|docker host/i, 'Building the image on Fly’s builder'],
  [/Pushing image/i, 'Sending the image to Fly'],
  [/Provisioning ips|Allocating/i, 'Giving the app its addresses'],
  [/Launching new machine|Updating existing machines|create \d+ "app" machine|Creating .*machine|update succeeded|Machine .* (started|reached)/i, 'Starting the new version'],
  [/Checking DNS|Visit your newly deployed app/i, 'Finishing'],
];

export function createTarget(config: PublishTargetOf<'fly'>, env: TargetEnv): Target {
  const where = { target: env.name, app: config.app, region: config.region };
  const stateFile = path.join(env.stateDir, 'fly-deployed.json');
  const stagingDir = path.join(env.stateDir, 'fly-staging');
  let staged: Staged | null = null;

  const readState = async (): Promise<Deployed> => {
    const fresh: Deployed = { app: config.app, created: false, files: null, config: null };
    try {
      const state = JSON.parse(await readFile(stateFile, 'utf8')) as Deployed;
      // Another app (the name was changed in the settings) starts from nothing.
      return state.app === config.app ? state : fresh;
    } catch {
      return fresh;
    }
  };
  const writeState = (state: Deployed) => writeFile(stateFile, `${JSON.stringify(state)}\n`);
  const token = () => env.secrets.get(env.name, 'FLY_API_TOKEN');

  const createArgs = ['apps', 'create', config.app, ...(config.org ? ['--org', config.org] : [])];
  const deployArgs = (dir: string) => ['deploy', dir, '--remote-only', '--app', config.app, '--config', path.join(dir, 'fly.toml')];

  /** Creates the app the first time; an app by this name that this login can already see is ours, and is used. */
  const ensureApp = async (state: Deployed, signal: AbortSignal): Promise<void> => {
    if (state.created) return;
    const run = { cwd: stagingDir, token: await token(), signal };
    try {
      await flyctl(createArgs, run);
    } catch (error) {
      const taken = error instanceof FlyctlFailed && error.output.some((line) => /Name has already been taken/i.test(line));
      if (!taken) throw flyctlFault(error, { ...where, building: false });
      // Taken: by us (made on another machine, or by CI) when `status` can see it; by someone else otherwise.
      await flyctl(['status', '--app', config.app], run).catch(() => {
        throw flyctlFault(error, { ...where, building: false });
      });
    }
    await writeState({ ...state, created: true });
  };

  return {
    test: async (signal) => {
      try {
        await flyctl(['auth', 'whoami'], { cwd: env.stateDir, token: await token(), signal });
      } catch (error) {
        throw flyctlFault(error, { ...where, building: false });
      }
    },

    plan: async (local, _signal, siteDir) => {
      const state = await readState();
      staged = await stage({ root: env.workspaceRoot, siteDir, local, dir: stagingDir, config, target: env.name });
      const remote = new Map<string, RemoteEntry>((state.files ?? []).map((entry) => [entry.path, entry]));
      const changed = planFrom(local, remote);
      const unchanged = changed.uploads.length === 0 && changed.deletes.length === 0 && state.config === staged.config;
      // The image carries the whole site, so a deploy sends every file; with nothing changed there is no deploy.
      const uploads = unchanged ? [] : [...local.values()];
      const plan: PublishPlan = {
        uploads,
        deletes: changed.deletes,
        remoteCount: remote.size,
        uploadBytes: uploads.reduce((sum, entry) => sum + entry.size, 0),
        notes: describe(staged, state, await token()),
      };
      return plan;
    },

    apply: async (plan, local, context) => {
      if (!staged) throw new ApiError('internal', `Fly target "${env.name}": apply() was called without a plan.`);
      const { signal } = context;
      const state = await readState();
      context.step?.('Creating the Fly app');
      await ensureApp(state, signal);
      let step = '';
      let building = false;
      try {
        await flyctl(deployArgs(staged.dir), {
          cwd: staged.dir,
          token: await token(),
          signal,
          onLine: (line) => {
            const found = steps.find(([pattern]) => pattern.test(line))?.[1];
            if (!found || found === step) return;
            step = found;
            building = found === 'Building the image on Fly’s builder';
            context.step?.(found);
          },
        });
      } catch (error) {
        throw flyctlFault(error, { ...where, building });
      }
      await writeState({ app: config.app, created: true, files: [...local.values()], config: staged.config });
      for (const entry of plan.uploads) context.fileDone(entry.path, entry.size);
      for (const gone of plan.deletes) context.fileDone(gone, 0);
    },

    close: async () => {},
  };

  function describe(done: Staged, state: Deployed, withToken: string | undefined): string[] {
    const whose = (name: 'Dockerfile' | 'fly.toml') => `${name}: ${done.own.includes(name) ? 'the workspace’s own' : 'Postwright’s'}`;
    return [
      `Staged in ${done.dir} (${whose('Dockerfile')}; ${whose('fly.toml')}; site/ holds the build).`,
      `Logs in with ${withToken ? 'FLY_API_TOKEN' : 'flyctl’s own login'}; then runs:`,
      ...(state.created ? [] : [`  flyctl ${createArgs.join(' ')}`]),
      `  flyctl ${deployArgs(done.dir).join(' ')}`,
    ];
  }
}

