// The Netlify target, through Netlify's file-digest deploy API:
//   GET  /sites/{site_id}/files              the live deploy's files and their SHA-1s
//   POST /sites/{site_id}/deploys            {files: {"/path": sha1}} → {id, required: [sha1…]}
//   PUT  /deploys/{deploy_id}/files/{path}   (application/octet-stream), once per required SHA-1
//   GET  /deploys/{deploy_id}                until its state is "ready"
// A deploy is a whole snapshot of the site that goes live atomically once its
// last required file arrives, so a publish cut off midway leaves the live site
// as it was, and nothing is ever deleted file by file: the plan's deletes are
// the live files the new snapshot leaves out.
//
// plan() creates the deploy, because Netlify's `required` list is the only true
// answer to "what must be sent": Netlify knows every content it already holds,
// whatever deploy it came in. A plan that is never applied (a dry run, a refused
// deletion, a failure, or nothing to change) has its deploy cancelled in close().
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiError, errorMessage } from '../../../common/errors';
import { NETLIFY_API } from '../../../common/publishAddress';
import type { PublishTargetOf } from '../../../common/publishSettings';
import { digestOf } from './digest';
import { inRankOrder } from './inOrder';
import { isAbort, isUnreachable } from './netFaults';
import { planFrom } from '../plan';
import type { RemoteEntry, Target, TargetEnv } from '../types';

/** Netlify pages its listings; 100 is the most it gives at once. */
const PAGE = 100;
/** How often, and how long, to ask whether Netlify has finished processing a deploy. */
const POLL_MS = 500;
const PROCESSING_LIMIT_MS = 10 * 60_000;

interface SiteFile {
  path: string;
  sha: string;
  size?: number;
}
interface Deploy {
  id: string;
  state: string;
  required?: string[];
  error_message?: string;
}

/**
 * Netlify's API, fixed in code. TEST ONLY: POSTWRIGHT_TEST_NETLIFY_API points
 * it at the contract fake (test/helpers/netlifyFake.ts) on 127.0.0.1. It is an
 * environment variable, never a setting, because postwright.json may come from
 * a stranger and must not choose where the token goes.
 */
function apiBase(): string {
  const base = process.env.POSTWRIGHT_TEST_NETLIFY_API || NETLIFY_API;
  return base.endsWith('/') ? base : `${base}/`;
}

export function createTarget(config: PublishTargetOf<'netlify'>, env: TargetEnv): Target {
  const where = `Netlify target "${env.name}" (site ${config.siteId})`;
  const base = apiBase();
  const site = `sites/${encodeURIComponent(config.siteId)}`;
  /** The deploy plan() created and apply() has not yet finished: its id, the SHA-1s Netlify asked for, each file's SHA-1. */
  let pending: { id: string; required: ReadonlySet<string>; digests: ReadonlyMap<string, string> } | null = null;

  const cancelled = () => new ApiError('cancelled', `Publishing to ${where} was cancelled. The live site is unchanged; publish again to finish.`);

  const statusFault = async (response: Response): Promise<ApiError> => {
    const status = response.status;
    if (status === 401) return new ApiError('auth-failed', `${where}: Netlify refused the access token. Check NETLIFY_AUTH_TOKEN (a personal access token from Netlify's user settings).`);
    if (status === 403) return new ApiError('forbidden', `${where}: this token may not deploy to the site. Use a token of an account that is a member of the site's team.`);
    if (status === 404) return new ApiError('not-found', `${where}: Netlify has no such site, or this token's account cannot see it. Check the site ID in the target's settings (Site configuration → Site ID).`);
    // Netlify's own explanation (a JSON {message}) is safe to show: it never echoes the token.
    const said = await response.json().then((body: { message?: unknown }) => (typeof body.message === 'string' ? `: ${body.message.slice(0, 200)}` : ''), () => '');
    if (status === 429) return new ApiError('io', `${where}: Netlify is limiting requests (HTTP 429). Wait a minute, then publish again.`);
    return new ApiError('io', `${where}: Netlify answered HTTP ${status}${said}. Publish again; if it keeps failing, check Netlify's status page.`);
  };

  const request = async <T>(method: string, route: string, signal: AbortSignal, body?: { json: unknown } | { bytes: Buffer }): Promise<T> => {
    const token = await env.secrets.get(env.name, 'NETLIFY_AUTH_TOKEN');
    if (!token) throw new ApiError('auth-failed', `${where}: no access token. Set NETLIFY_AUTH_TOKEN to a personal access token from Netlify's user settings, or add it in Publish settings.`);
    let response: Response;
    try {
      response = await fetch(new URL(route, base), {
        method,
        signal,
        headers: {
          Authorization: `Bearer ${token}`,
          'User-Agent': 'Postwright',
          ...(body ? { 'Content-Type': 'json' in body ? 'application/json' : 'application/octet-stream' } : {}),
        },
        body: body ? ('json' in body ? JSON.stringify(body.json) : new Uint8Array(body.bytes)) : undefined,
      });
    } catch (error) {
      if (isAbort(error, signal)) throw cancelled();
      if (isUnreachable(error)) throw new ApiError('unreachable', `${where}: Netlify's API (${new URL(base).host}) cannot be reached: check the endpoint or your connection, then publish again.`);
      throw new ApiError('io', `${where}: the request to Netlify failed (${errorMessage(error)}). Publish again.`);
    }
    if (!response.ok) throw await statusFault(response);
    return (await response.json()) as T;
  };

  /** The published deploy's files, page by page. */
  const liveFiles = async (signal: AbortSignal): Promise<SiteFile[]> => {
    const files = new Map<string, SiteFile>();
    for (let page = 1; ; page++) {
      const batch = await request<SiteFile[]>('GET', `${site}/files?page=${page}&per_page=${PAGE}`, signal);
      const before = files.size;
      for (const file of batch) files.set(file.path, file);
      // A short page is the last; one that adds nothing means the listing ignores paging.
      if (batch.length < PAGE || files.size === before) break;
    }
    return [...files.values()];
  };

  const waitUntilLive = async (id: string, signal: AbortSignal): Promise<void> => {
    const deadline = Date.now() + PROCESSING_LIMIT_MS;
    for (;;) {
      const deploy = await request<Deploy>('GET', `deploys/${encodeURIComponent(id)}`, signal);
      if (deploy.state === 'ready') return;
      if (deploy.state === 'error') throw new ApiError('io', `${where}: Netlify could not process the deploy${deploy.error_message ? ` (${deploy.error_message})` : ''}. Publish again.`);
      if (Date.now() > deadline) throw new ApiError('io', `${where}: Netlify has not finished processing deploy ${id} after ${PROCESSING_LIMIT_MS / 60_000} minutes. Check its state in Netlify's dashboard.`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (signal.aborted) throw cancelled();
    }
  };

  return {
    test: async (signal) => {
      await request('GET', site, signal);
    },

    plan: async (local, signal, siteDir) => {
      const live = new Map((await liveFiles(signal)).map((file) => [file.path.replace(/^\/+/, ''), file]));
      const digests = new Map<string, string>();
      for (const entry of local.values()) digests.set(entry.path, await digestOf(siteDir, entry.path, 'sha1'));
      const files = Object.fromEntries([...digests].map(([relative, sha]) => [`/${relative}`, sha]));
      const deploy = await request<Deploy>('POST', `${site}/deploys`, signal, { json: { files } });
      const required = new Set(deploy.required ?? []);
      pending = { id: deploy.id, required, digests };
      const remote = new Map<string, RemoteEntry>();
      for (const [relative, file] of live) {
        // The live site already serves these bytes at this path, and Netlify does not ask for them.
        const same = local.get(relative);
        const sha = digests.get(relative);
        remote.set(relative, sha === file.sha && !required.has(sha) ? same! : { path: relative, size: file.size ?? 0 });
      }
      // Deletes are the live files the build no longer has: they leave with the snapshot, none is removed by itself.
      return { ...planFrom(local, remote), remoteCount: live.size };
    },

    apply: async (plan, _local, context) => {
      const { signal } = context;
      if (!pending) throw new ApiError('internal', `${where}: apply() was called without a plan.`);
      const { id, required, digests } = pending;
      const sent = new Set<string>();
      await inRankOrder(plan.uploads, signal, cancelled, async (entry) => {
        const sha = digests.get(entry.path)!;
        // Netlify wants each content it lacks once. A file whose bytes it holds (a copy, a rename, a
        // file restored from an older deploy) still changes the live site, but goes up with the snapshot.
        if (required.has(sha) && !sent.has(sha)) {
          sent.add(sha);
          const bytes = await readFile(path.join(context.siteDir, ...entry.path.split('/')));
          await request('PUT', `deploys/${encodeURIComponent(id)}/files/${entry.path.split('/').map(encodeURIComponent).join('/')}`, signal, { bytes });
        }
        context.fileDone(entry.path, entry.size);
      });
      await waitUntilLive(id, signal);
      pending = null;
      for (const gone of plan.deletes) context.fileDone(gone, 0);
    },

    close: async () => {
      if (!pending) return;
      const { id } = pending;
      pending = null;
      // Best effort: an unfinished deploy never goes live either way; this only tidies Netlify's deploy list.
      await request('POST', `deploys/${encodeURIComponent(id)}/cancel`, AbortSignal.timeout(5_000)).catch(() => {});
    },
  };
}
