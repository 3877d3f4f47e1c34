// The contract's `publish.*` methods for one workspace. Publishing itself is
// publish.ts's; this file adds what the app needs around it: secrets from the
// platform's vault (falling back to the environment), one run at a time that
// can be cancelled, each target's outcome kept apart so one failing host does
// not hide what the others did, and the settings dialog's edits.
import type { EventName, EventPayload, Handlers } from '../../common/api';
import { ApiError } from '../../common/errors';
import { secretKeysFor, type PublishOutcome, type PublishOverview, type PublishTargetConfig, type SecretKey, type SecretOrigin } from '../../common/publish';
import type { PublishTarget } from '../../common/publishSettings';
import { appVersion } from '../appPaths';
import { readSettingsFile } from '../workspace/settings';
import type { Workspace } from '../workspace/workspace';
import { envSecrets } from './secrets/envSecrets';
import { hostKeyFiles } from './hostKeys';
import { lastPublished } from './lastPublished';
import { credentialAddress } from '../../common/publishAddress';
import { parseTarget, readPublishSettings, selectTargets } from './settings';
import type { SecretVault } from '../secretVault';
import { removeTargetConfig, saveTargetConfig } from './targetsFile';
import { trustMatchingKey } from './trustHostKey';
import { trustEndpoint, trustedEndpointsFile, type EndpointPolicy } from './trustedEndpoints';
import type { PublishProgress, SecretSource } from './types';
import type { PublishResult } from '../../common/publishResult';

// The build, the SDKs and ssh load on the first publish or test, not with the app (settings are read without them).
const publishing = () => import('./publish');

/** At most this many progress events a second reach the UI (a change of phase always does). */
const PROGRESS_INTERVAL_MS = 100;

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export function publishHandlers(
  workspace: Workspace,
  cacheDir: string | undefined,
  /** The app's data folder, where accepted SSH host keys are kept; the cache folder without one. */
  dataDir: string | undefined,
  vault: SecretVault,
  emit: Emit,
): Handlers['publish'] {
  const root = workspace.root;
  const env = envSecrets();
  /** The app's secrets: the keychain first, then the environment it was started in. */
  const secrets: SecretSource = {
    get: async (target, key) => (await vault.get({ workspace: root, target, key })) ?? (await env.get(target, key)),
  };
  let running: AbortController | null = null;

  const needCache = (): string => {
    if (!cacheDir) throw new ApiError('unsupported', 'Publishing needs a cache folder for its state, and this Postwright was started without one.');
    return cacheDir;
  };
  const hostKeys = () => hostKeyFiles(dataDir ?? needCache());
  /** The app never trusts a new address by itself: the author confirms each one (trustEndpoint below). */
  const endpoints = (): EndpointPolicy => ({ file: trustedEndpointsFile(dataDir ?? needCache()), trustNew: false });

  const overview = () => publishOverview(root, cacheDir, vault, env);

  /** The saved target `name`, for checking a secret belongs to it. */
  async function configured(name: string): Promise<PublishTarget> {
    const config = (await readPublishSettings(root)).targets[name];
    if (!config) throw new ApiError('not-found', `There is no publish target called "${name}"; save it before setting its secrets.`);
    return config;
  }

  async function secretScope(name: string, key: SecretKey) {
    const { type } = await configured(name);
    if (!secretKeysFor[type].includes(key)) throw new ApiError('invalid-arguments', `${key} is not used by ${type} targets such as "${name}".`);
    return { workspace: root, target: name, key };
  }

  async function run(names: readonly (string | undefined)[], options: { dryRun?: boolean; force?: boolean }, signal: AbortSignal): Promise<PublishOutcome[]> {
    const { publishSite } = await publishing();
    return publishEach(names, emit, (name, onProgress) =>
      publishSite({ root, cacheDir: needCache(), target: name, ...options, secrets, hostKeys: hostKeys(), endpoints: endpoints(), onProgress, signal }),
    );
  }

  return {
    targets: overview,
    saveTarget: async (name, config) => {
      await saveTargetConfig(root, name, config);
      return overview();
    },
    scheduleGithub: async (name, { force }) => {
      const { scheduleGithub } = await import('./githubWorkflow');
      return scheduleGithub({ root, target: name, force, version: appVersion });
    },
    removeTarget: async (name) => {
      await removeTargetConfig(root, name);
      await vault.clearTarget(root, name);
      return overview();
    },
    test: async (name, config) => {
      const { testTarget } = await publishing();
      const started = performance.now();
      try {
        await testTarget({ root, cacheDir: needCache(), target: name, config, secrets, hostKeys: hostKeys(), endpoints: endpoints() });
        return { ok: true, ms: Math.round(performance.now() - started) };
      } catch (error) {
        return { ok: false, error: ApiError.from(error).toJSON() };
      }
    },
    run: async ({ target, dryRun, force }) => {
      if (running) throw new ApiError('forbidden', 'A publish is already running; wait for it to finish or cancel it.');
      const controller = new AbortController();
      running = controller;
      try {
        const names = target === undefined ? Object.keys((await readPublishSettings(root)).targets) : [target];
        // With no targets at all, publishSite says how to add one.
        return await run(names.length ? names : [undefined], { dryRun, force }, controller.signal);
      } finally {
        running = null;
      }
    },
    cancel: async () => {
      running?.abort();
    },
    trustHostKey: async (name, fingerprint, config) => {
      const { testTarget } = await publishing();
      await trustMatchingKey(name, fingerprint, hostKeys(), (trial) =>
        testTarget({ root, cacheDir: needCache(), target: name, config, secrets, hostKeys: { ...hostKeys(), trustedHostsFile: trial, acceptNew: true }, endpoints: endpoints() }),
      );
    },
    trustEndpoint: async (name, address, config) => {
      const target = config === undefined ? selectTargets(await readPublishSettings(root), name)[0]![1] : parseTarget(name, config);
      const now = credentialAddress(target).address;
      // The yes was given to the address the author saw; if the file changed since, it does not carry over.
      if (now !== address) {
        throw new ApiError('invalid-arguments', `Target "${name}" now sends credentials to ${now}, not ${address}, so nothing was confirmed. Check its settings, then try again.`);
      }
      await trustEndpoint(target, endpoints().file);
    },
    setSecret: async (name, key, value, options) => {
      await vault.set(await secretScope(name, key), value, options);
      return overview();
    },
    clearSecret: async (name, key) => {
      await vault.clear(await secretScope(name, key));
      return overview();
    },
  };
}

/** Each target's settings, where its secrets come from, and its last publish: what the settings dialog shows. */
async function publishOverview(root: string, cacheDir: string | undefined, vault: SecretVault, env: SecretSource): Promise<PublishOverview> {
  const settings = await readPublishSettings(root);
  const last = cacheDir ? await lastPublished(root, cacheDir) : {};
  const raw = rawTargets(await readSettingsFile(root));
  const secretOrigin = async (target: string, key: SecretKey): Promise<SecretOrigin | null> => {
    if (await vault.has({ workspace: root, target, key })) return 'keychain';
    return (await env.get(target, key)) !== undefined ? 'environment' : null;
  };
  const targets = await Promise.all(
    Object.entries(settings.targets).map(async ([name, config]) => ({
      name,
      config: raw[name] ?? config,
      secrets: Object.fromEntries(await Promise.all(secretKeysFor[config.type].map(async (key) => [key, await secretOrigin(name, key)]))),
      last: last[name] ?? null,
    })),
  );
  return { targets, secretStore: vault.info() };
}

/** Publishes to each target in turn, each with its own outcome; a failure before any host was compared with (the check, the build) fails the whole run. */
async function publishEach(
  names: readonly (string | undefined)[],
  emit: Emit,
  publishTo: (name: string | undefined, onProgress: (progress: PublishProgress) => void) => Promise<PublishResult[]>,
): Promise<PublishOutcome[]> {
  const outcomes: PublishOutcome[] = [];
  // One target at a time, so each has its own outcome; the build cache makes the second build quick.
  for (const [index, name] of names.entries()) {
    const progress = throttledProgress(emit);
    try {
      for (const result of await publishTo(name, progress.report)) outcomes.push(succeeded(result));
    } catch (error) {
      const failure = ApiError.from(error);
      // The check or the build stopped it before any host was compared with or written to: that is the whole run's failure.
      // An unconfirmed address is this target's own question (asked before the check), so it stays with the target.
      const beforeAnyHost = index === 0 && (progress.phase() === null || progress.phase() === 'checking' || progress.phase() === 'building');
      if (beforeAnyHost && failure.code !== 'untrusted-endpoint') throw failure;
      outcomes.push({ ok: false, target: name ?? '', error: failure.toJSON() });
      if (failure.code === 'cancelled') break;
    }
  }
  return outcomes;
}

/** What the UI is told of a target published to. */
function succeeded(result: PublishResult): PublishOutcome {
  return {
    ok: true,
    target: result.target,
    dryRun: result.dryRun,
    uploaded: { files: result.uploads.length, bytes: result.bytes },
    deleted: result.deletes.length,
    uploads: result.uploads.map((upload) => upload.path),
    deletes: result.deletes,
    address: result.address,
    ...(result.url ? { url: result.url } : {}),
    scheduled: result.scheduled,
    ...(result.notes ? { notes: result.notes } : {}),
  };
}

/** Progress events for the UI, at most one each PROGRESS_INTERVAL_MS (a change of phase, target or detail always goes). */
function throttledProgress(emit: Emit): { report: (progress: PublishProgress) => void; phase: () => PublishProgress['phase'] | null } {
  let last = 0;
  let latest: PublishProgress | null = null;
  return {
    phase: () => latest?.phase ?? null,
    report: (progress) => {
      const now = performance.now();
      const changed = latest?.phase !== progress.phase || latest.target !== progress.target || latest.detail !== progress.detail;
      latest = progress;
      if (!changed && now - last < PROGRESS_INTERVAL_MS && progress.files.done < progress.files.total) return;
      last = now;
      emit('publish.progress', progress);
    },
  };
}

/** The targets as the file writes them (no defaults filled in), for the settings dialog to edit. */
function rawTargets(settings: unknown): Record<string, PublishTargetConfig> {
  const publish = (settings as { publish?: { targets?: unknown } } | undefined)?.publish;
  const targets = publish?.targets;
  return typeof targets === 'object' && targets !== null ? (targets as Record<string, PublishTargetConfig>) : {};
}
