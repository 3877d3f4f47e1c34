// Publishing, from the workspace to every host: check, build, compare, upload.
// The targets know their hosts; this file owns what every publish shares: the
// check that stops a broken site, the build and its manifest, the deletion
// guard, dry runs, progress in files and bytes, cancelling, and the record of
// when each target last published.
import { mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../common/errors';
import type { PublishResult } from '../../common/publishResult';
import { credentialAddress } from '../../common/publishAddress';
import type { PublishTarget } from '../../common/publishSettings';
import { scheduleOf, type Schedule } from '../../common/schedule';
import { buildSite } from '../site/build';
import { checkWorkspace } from '../site/check/check';
import { formatProblem } from '../site/check/report';
import { readSiteSettings } from '../workspace/settings';
import { Workspace } from '../workspace/workspace';
import { HashCache } from './hashCache';
import { publishStateDir, recordPublished } from './lastPublished';
import { buildManifest } from './manifest';
import { redactUrls } from './secrets/redact';
import { parseTarget, readPublishSettings, selectTargets } from './settings';
import { createTarget, preloadTargets } from './targets/registry';
import { assertEndpointTrusted, type EndpointPolicy } from './trustedEndpoints';
import type { HostKeyPolicy, Manifest, PublishPlan, PublishProgress, SecretSource, Target, TargetEnv } from './types';

export type { LastPublished, PublishProgress, PublishResult } from '../../common/publishResult';
export { lastPublished } from './lastPublished';
export { readPublishSettings } from './settings';

/** The host-key policy, with "trust a new host" off unless the author said so. */
export type HostKeyOptions = Omit<HostKeyPolicy, 'acceptNew'> & { acceptNew?: boolean };

export interface PublishOptions {
  /** The workspace folder. */
  root: string;
  /** The app's cache folder: the build cache, each target's state and the last-published records live here. */
  cacheDir: string;
  /** One target by name; every configured target when absent. */
  target?: string;
  /** Compare only: report what would change and change nothing. */
  dryRun?: boolean;
  /** Delete more than half of the host's files if the build says so (the deletion guard refuses otherwise). */
  force?: boolean;
  secrets: SecretSource;
  hostKeys: HostKeyOptions;
  /** Which addresses credentials may go to; nothing is checked, built or sent before every chosen target's is confirmed. */
  endpoints: EndpointPolicy;
  onProgress?: (progress: PublishProgress) => void;
  signal?: AbortSignal;
  /** The clock that decides which posts are due (ms since the epoch); now when absent. Tests pass one in. */
  now?: number;
}

type Report = (target: string, phase: PublishProgress['phase'], files?: PublishProgress['files'], bytes?: PublishProgress['bytes'], detail?: string) => void;

const errorList = (lines: string[]) => lines.slice(0, 20).join('\n') + (lines.length > 20 ? `\n… and ${lines.length - 20} more` : '');

/** Checks, builds once, then publishes to each chosen target in turn; stops at the first that fails. */
export async function publishSite(options: PublishOptions): Promise<PublishResult[]> {
  const signal = options.signal ?? new AbortController().signal;
  const root = await realRoot(options.root);
  const chosen = selectTargets(await readPublishSettings(root), options.target);
  preloadTargets(chosen.map(([, config]) => config.type));
  for (const [name, config] of chosen) await assertEndpointTrusted(name, config, options.endpoints);
  const firstName = chosen[0]![0];
  const report: Report = (target, phase, files = { done: 0, total: 0 }, bytes = { done: 0, total: 0 }, detail) =>
    options.onProgress?.({ target, phase, files, bytes, ...(detail ? { detail } : {}) });
  const now = options.now ?? Date.now();

  // The first host starts answering (a fetch, a listing) while the check and the build run; its plan() waits
  // for that. Opened without waiting: its code (the S3 SDK…) loads between the check's steps.
  const first = openTarget(root, options, firstName, chosen[0]![1]).then((target) => {
    void target.prefetch?.(signal);
    return target;
  });
  // A target that cannot be opened is reported when its turn comes, after the check.
  first.catch(() => {});
  try {
    report(firstName, 'checking');
    const scheduled = await checkBeforePublish(root, options.cacheDir, now);
    throwIfCancelled(signal, firstName);

    report(firstName, 'building');
    const built = await buildSite({
      root,
      cacheDir: options.cacheDir,
      now,
      onProgress: ({ done, total }) => report(firstName, 'building', { done, total }),
    });
    throwIfCancelled(signal, firstName);
    const hashes = HashCache.load(path.join(await publishStateDir(options.cacheDir, root), 'site-hashes.json'), built.output);
    const local = await buildManifest(built.output, hashes);
    hashes.save();
    const site = { files: local.size, bytes: [...local.values()].reduce((sum, entry) => sum + entry.size, 0) };
    const { baseUrl } = await readSiteSettings(root);
    const build: Built = { root, signal, local, siteDir: built.output, site, baseUrl, scheduled, now };

    const results: PublishResult[] = [];
    for (const [name, config] of chosen) {
      if (name === firstName) {
        results.push(await publishTo(await first, name, config, build, options, report));
        continue;
      }
      const target = await openTarget(root, options, name, config);
      try {
        results.push(await publishTo(target, name, config, build, options, report));
      } finally {
        await target.close();
      }
    }
    return results;
  } finally {
    await first.then((target) => target.close(), () => {});
  }
}

/** What every target is published from: the workspace, the build and the publish's signal. */
interface Built {
  root: string;
  signal: AbortSignal;
  local: Manifest;
  siteDir: string;
  site: PublishResult['site'];
  baseUrl: string | null;
  scheduled: Schedule;
  now: number;
}

/** Compares with one host, then (unless a dry run, or the deletion guard stops it) uploads and records it. */
async function publishTo(target: Target, name: string, config: PublishTarget, build: Built, options: PublishOptions, report: Report): Promise<PublishResult> {
  const { signal } = build;
  try {
    report(name, 'comparing');
    const plan = await target.plan(build.local, signal, build.siteDir);
    throwIfCancelled(signal, name);
    const needsForce = !options.force && plan.deletes.length > plan.remoteCount / 2;
    const result: PublishResult = {
      target: name,
      type: config.type,
      dryRun: options.dryRun === true,
      uploads: plan.uploads.map(({ path: file, size }) => ({ path: file, size })),
      deletes: [...plan.deletes],
      bytes: plan.uploadBytes,
      site: build.site,
      remoteCount: plan.remoteCount,
      needsForce,
      url: config.url ?? build.baseUrl,
      scheduled: { ...build.scheduled },
      ...(plan.notes?.length ? { notes: [...plan.notes] } : {}),
      address: credentialAddress(config).address,
    };
    if (options.dryRun) return result;
    if (needsForce) throw guardError(name, plan);
    await apply(target, name, plan, build.local, build.siteDir, signal, report);
    await recordPublished(build.root, options.cacheDir, name, {
      at: new Date().toISOString(),
      uploaded: plan.uploads.length,
      deleted: plan.deletes.length,
      bytes: plan.uploadBytes,
      url: result.url,
      asOf: new Date(build.now).toISOString(),
    });
    return result;
  } catch (error) {
    throw targetError(error, name);
  }
}

export interface TestTargetOptions {
  root: string;
  cacheDir: string;
  /** The target's name. */
  target: string;
  /** Settings to test before they are saved (the settings dialog); the saved ones when absent. */
  config?: unknown;
  secrets: SecretSource;
  hostKeys: HostKeyOptions;
  /** Test Connection sends credentials too, so it asks the same question as a publish. */
  endpoints: EndpointPolicy;
  signal?: AbortSignal;
}

/** Test Connection: connects, checks the credentials and that the repo/bucket/folder is there; throws a clear ApiError otherwise. */
export async function testTarget(options: TestTargetOptions): Promise<void> {
  const root = await realRoot(options.root);
  const config = options.config === undefined ? selectTargets(await readPublishSettings(root), options.target)[0]![1] : parseTarget(options.target, options.config);
  await assertEndpointTrusted(options.target, config, options.endpoints);
  const target = await openTarget(root, options, options.target, config);
  try {
    await target.test(options.signal ?? new AbortController().signal);
  } catch (error) {
    throw targetError(error, options.target);
  } finally {
    await target.close();
  }
}

async function realRoot(root: string): Promise<string> {
  try {
    return await realpath(root);
  } catch {
    throw new ApiError('not-found', `The folder ${root} does not exist. Give the workspace folder that holds your posts.`);
  }
}

async function openTarget(
  root: string,
  options: { cacheDir: string; secrets: SecretSource; hostKeys: HostKeyOptions },
  name: string,
  config: PublishTarget,
): Promise<Target> {
  const stateDir = path.join(await publishStateDir(options.cacheDir, root), 'targets', name);
  await mkdir(stateDir, { recursive: true });
  const env: TargetEnv = { workspaceRoot: root, name, secrets: options.secrets, hostKeys: { ...options.hostKeys, acceptNew: options.hostKeys.acceptNew ?? false }, stateDir };
  return createTarget(config, env);
}

/** Errors in the posts stop the publish, listed as `postwright check` lists them; warnings do not. Returns the posts still to come. */
async function checkBeforePublish(root: string, cacheDir: string, now: number): Promise<Schedule> {
  const workspace = await Workspace.open(root, { trash: () => Promise.reject(new Error('Publishing never deletes posts.')), cacheDir });
  try {
    const errors = (await checkWorkspace(workspace, { cacheDir })).problems.filter((problem) => problem.severity === 'error');
    if (errors.length) {
      throw new ApiError(
        'invalid-arguments',
        `The check found ${errors.length === 1 ? '1 error' : `${errors.length} errors`}; fix ${errors.length === 1 ? 'it' : 'them'}, then publish again:\n${errorList(errors.map(formatProblem))}`,
      );
    }
    return scheduleOf(await workspace.list(), now);
  } finally {
    await workspace.close();
  }
}

async function apply(
  target: Target,
  name: string,
  plan: PublishPlan,
  local: Manifest,
  siteDir: string,
  signal: AbortSignal,
  report: Report,
): Promise<void> {
  const files = { done: 0, total: plan.uploads.length + plan.deletes.length };
  const bytes = { done: 0, total: plan.uploadBytes };
  if (files.total === 0) return;
  report(name, plan.uploads.length ? 'uploading' : 'deleting', { ...files }, { ...bytes });
  await target.apply(plan, local, {
    siteDir,
    signal,
    fileDone: (_file, size) => {
      files.done += 1;
      bytes.done += size;
      const phase = files.done === files.total ? 'finishing' : files.done >= plan.uploads.length ? 'deleting' : 'uploading';
      report(name, phase, { ...files }, { ...bytes });
    },
    step: (detail) => report(name, 'uploading', { ...files }, { ...bytes }, detail),
  });
}

function guardError(name: string, plan: PublishPlan): ApiError {
  return new ApiError(
    'forbidden',
    `Target "${name}": this publish would delete ${plan.deletes.length} of the ${plan.remoteCount} files on the host, more than half, so it was stopped. ` +
      'If the site really shrank (or the target points at the wrong place, fix it first), publish again with --force.',
  );
}

function throwIfCancelled(signal: AbortSignal, name: string): void {
  if (signal.aborted) throw new ApiError('cancelled', `Publishing to "${name}" was cancelled before anything was uploaded.`);
}

/** Every fault names its target and carries no secret. */
function targetError(error: unknown, name: string): ApiError {
  const known = ApiError.from(error);
  const message = redactUrls(known.message);
  return new ApiError(known.code, message.includes(`"${name}"`) ? message : `Target "${name}": ${message}`);
}
