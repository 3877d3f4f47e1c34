// A built copy of the bundled sample blog to publish in target tests, and one
// publish run (plan, then apply) as the orchestrator does it, recording which
// files each run sent.
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { bundledSampleBlog } from '../../electron/appPaths';
import { buildManifest } from '../../electron/publish/manifest';
import type { HostKeyPolicy, Manifest, PublishPlan, SecretSource, Target, TargetEnv } from '../../electron/publish/types';
import { build } from './site';
import { tempDir } from './tmp';

export interface SampleSite {
  /** The workspace: edit posts here, then rebuild(). */
  readonly root: string;
  /** The built site. */
  readonly out: string;
  rebuild(): Promise<Manifest>;
}

export async function sampleSite(): Promise<SampleSite> {
  const root = await tempDir('postwright-pubsite-');
  await cp(bundledSampleBlog, root, { recursive: true });
  const out = path.join(root, '_site');
  const rebuild = async () => {
    // A clean build: without a cache folder the build cannot know which old files to remove.
    await rm(out, { recursive: true, force: true });
    await build(root, out);
    return buildManifest(out);
  };
  await rebuild();
  return { root, out, rebuild };
}

/** No SSH here: HTTP targets never read it. */
const noHostKeys: HostKeyPolicy = { knownHosts: [], trustedHostsFile: '/nonexistent/known_hosts', acceptNew: false };

export async function targetEnv(name: string, secrets: SecretSource): Promise<TargetEnv> {
  return { name, secrets, hostKeys: noHostKeys, stateDir: await tempDir('postwright-pubstate-') };
}

export interface Run {
  readonly plan: PublishPlan;
  /** Paths passed to fileDone, in the order reported. */
  readonly done: string[];
}

/** plan() then apply(), as publish.ts runs a target; `onFile` sees each fileDone. */
export async function publishOnce(target: Target, siteDir: string, options: { signal?: AbortSignal; onFile?: (path: string, count: number) => void } = {}): Promise<Run> {
  const signal = options.signal ?? new AbortController().signal;
  const local = await buildManifest(siteDir);
  const plan = await target.plan(local, signal, siteDir);
  const done: string[] = [];
  await target.apply(plan, local, {
    siteDir,
    signal,
    fileDone: (file) => {
      done.push(file);
      options.onFile?.(file, done.length);
    },
  });
  return { plan, done };
}

/**
 * The sample site published once to a freshly started service (a server or a
 * fake of one) through a target on it: where every re-publish test starts.
 */
export async function publishedOnce<Service>(start: () => Promise<Service>, targetOn: (service: Service) => Promise<Target>) {
  const site = await sampleSite();
  const service = await start();
  const target = await targetOn(service);
  await publishOnce(target, site.out);
  return { site, service, target };
}

/** Paths whose entry differs between two manifests (new or changed), sorted. */
export function changedBetween(before: Manifest, after: Manifest): string[] {
  return [...after.values()].filter((e) => before.get(e.path)?.sha256 !== e.sha256).map((e) => e.path).sort();
}
