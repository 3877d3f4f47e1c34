// The folder `flyctl deploy` is pointed at: the built site under site/, the
// nginx.conf, and a Dockerfile and fly.toml, Postwright's or the author's own.
//
// The author's own deploy files win, used as they are, because the workspace is
// where someone who knows Fly keeps them. They never run here: flyctl hands the
// folder to Fly's remote builder, and the image runs on Fly. What flyctl itself
// reads on this machine is guarded: a fly.toml may not name a file outside the
// staging folder (a Dockerfile, an ignore file, or a [[files]] local_path that
// would copy, say, an ssh key into the app), and neither file may be a link.
import { copyFile, lstat, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { ApiError } from '../../../common/errors';
import type { PublishTargetOf } from '../../../common/publishSettings';
import { normalizeRelative, resolveInside } from '../../workspace/paths';
import { dockerfile, flyToml } from './flyFiles';
import { nginxConf } from './flyNginx';
import type { Manifest } from '../types';

export const DEPLOY_FILES = ['Dockerfile', 'fly.toml'] as const;
export type DeployFile = (typeof DEPLOY_FILES)[number];

export interface Staged {
  readonly dir: string;
  /** The deploy files taken from the workspace, as they were. */
  readonly own: readonly DeployFile[];
  /** The deploy files' text, so a change to them alone is a change worth deploying. */
  readonly config: string;
}

/** Writes the staging folder afresh: nothing of an earlier publish survives in it. */
export async function stage(options: { root: string | undefined; siteDir: string; local: Manifest; dir: string; config: PublishTargetOf<'fly'>; target: string }): Promise<Staged> {
  const { dir, local } = options;
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'site'), { recursive: true });
  // Only the manifest's files, so the image holds exactly what the other targets upload.
  const folders = new Set<string>();
  for (const entry of local.values()) {
    const parent = path.posix.dirname(entry.path);
    if (parent !== '.' && !folders.has(parent)) {
      await mkdir(path.join(dir, 'site', ...parent.split('/')), { recursive: true });
      folders.add(parent);
    }
    await copyFile(path.join(options.siteDir, ...entry.path.split('/')), path.join(dir, 'site', ...entry.path.split('/')));
  }
  const generated: Record<DeployFile, string> = { Dockerfile: dockerfile(), 'fly.toml': flyToml(options.config) };
  const own: DeployFile[] = [];
  const texts: string[] = [];
  for (const name of DEPLOY_FILES) {
    const authored = await authorsFile(options.root, name, options.target);
    if (authored !== null) own.push(name);
    const text = authored ?? generated[name];
    if (name === 'fly.toml' && authored !== null) checkFlyToml(text, options.target);
    await writeFile(path.join(dir, name), text);
    texts.push(text);
  }
  const conf = nginxConf(local.keys());
  await writeFile(path.join(dir, 'nginx.conf'), conf);
  return { dir, own, config: [...texts, conf].join('\0') };
}

/** The workspace's own Dockerfile or fly.toml at its root; null when it has none. */
async function authorsFile(root: string | undefined, name: DeployFile, target: string): Promise<string | null> {
  if (root === undefined) return null;
  const inside = await resolveInside(root, name).catch(() => {
    throw new ApiError('outside-workspace', `Target "${target}": the workspace's ${name} is a link to a place outside the workspace, so it was not used. Replace the link with the file itself.`);
  });
  const stat = await lstat(inside.path).catch(() => null);
  if (!stat) return null;
  if (!stat.isFile()) throw new ApiError('invalid-arguments', `Target "${target}": the workspace's ${name} is not a plain file (a link or a folder), so it was not used. Replace it with the file itself, or remove it to use Postwright's.`);
  return readFile(inside.real, 'utf8');
}

/** The keys of fly.toml that make flyctl read a file on this machine. */
function checkFlyToml(text: string, target: string): void {
  let toml: Record<string, unknown>;
  try {
    toml = parse(text) as Record<string, unknown>;
  } catch (error) {
    const where = error instanceof TomlError ? ` (line ${error.line}: ${error.message.split('\n')[0]})` : '';
    throw new ApiError('invalid-arguments', `Target "${target}": the workspace's fly.toml is not valid TOML${where}. Fix it, or remove it to use Postwright's.`);
  }
  const build = (toml.build ?? {}) as Record<string, unknown>;
  const files = Array.isArray(toml.files) ? (toml.files as Record<string, unknown>[]) : [];
  const local: [string, unknown][] = [
    ['build.dockerfile', build.dockerfile],
    ['build.ignorefile', build.ignorefile],
    ...files.map((file, i): [string, unknown] => [`files[${i}].local_path`, file.local_path]),
  ];
  for (const [key, value] of local) {
    if (value === undefined) continue;
    try {
      if (typeof value !== 'string') throw new Error('not text');
      normalizeRelative(value);
    } catch {
      throw new ApiError(
        'outside-workspace',
        `Target "${target}": the workspace's fly.toml sets ${key} to ${JSON.stringify(value)}, a file outside the folder Postwright deploys. flyctl would read it from this computer and send it to Fly, so nothing was deployed. Use a path inside the workspace.`,
      );
    }
  }
}
