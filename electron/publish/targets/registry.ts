// The publish targets, by their `type` in postwright.json. Each loads on first
// use, so publishing to git never loads the S3 SDK or ssh2.
import { ApiError } from '../../../common/errors';
import type { PublishTarget, PublishTargetOf } from '../../../common/publishSettings';
import type { Target, TargetEnv } from '../types';

type Factory<T extends PublishTarget['type']> = () => Promise<{ createTarget(config: PublishTargetOf<T>, env: TargetEnv): Target }>;

const registry: { [T in PublishTarget['type']]?: Factory<T> } = {
  git: () => import('./git'),
  s3: () => import('./s3'),
  netlify: () => import('./netlify'),
  sftp: () => import('./sftp'),
  fly: () => import('./fly'),
};

/**
 * Starts loading the code of these targets (the S3 SDK, ssh2…) now, so a publish compiles it while its
 * main thread would otherwise wait for the DOM thread (see domThread.ts) rather than after the build.
 */
export function preloadTargets(types: readonly PublishTarget['type'][]): void {
  // A module that fails to load fails again, and is reported, when createTarget asks for it.
  for (const type of new Set(types)) void registry[type]?.().catch(() => undefined);
}

/** The target for one configured entry; an ApiError('unsupported') for a type this build cannot publish to yet. */
export async function createTarget(config: PublishTarget, env: TargetEnv): Promise<Target> {
  const load = registry[config.type] as Factory<typeof config.type> | undefined;
  if (!load) throw new ApiError('unsupported', `Target "${env.name}": publishing to ${config.type} is not available in this version.`);
  return (await load()).createTarget(config, env);
}
