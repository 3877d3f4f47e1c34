// The S3-compatible target: AWS, Cloudflare R2, Backblaze B2, MinIO.
//
// The remote state is a manifest object we keep beside the site
// (<prefix>.postwright/manifest.json: path → sha256, size and the ETag the store
// gave our upload), trusted only where the bucket's own listing agrees: an
// object listed with another size or ETag was changed behind our back, one not
// listed was deleted, and both come out of the plan as uploads. An object the
// manifest does not vouch for (no manifest yet, or a publish cut off before it
// was written) is compared by its ETag, the MD5 of a single-part upload, with
// the built file's MD5; with another ETag (or a multipart one) it is sent again.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PublishTargetOf } from '../../../common/publishSettings';
import { planFrom } from '../plan';
import type { Manifest, ManifestEntry, PublishPlan, RemoteEntry, Target, TargetContext, TargetEnv } from '../types';
import { digestOf } from './digest';
import { hostRead } from './hostRead';
import { inRankOrder } from './inOrder';
import { DELETE_LIMIT, S3Bucket, type Listed, type Stored } from './s3Bucket';
import { s3Cancelled, s3DeleteRefused, s3Fault } from './s3Faults';

export function createTarget(config: PublishTargetOf<'s3'>, env: TargetEnv): Target {
  const where = `S3 target "${env.name}" (bucket ${config.bucket}${config.endpoint ? ` at ${config.endpoint}` : ''})`;
  const bucket = new S3Bucket(config, env);
  /** What plan() found on the host and could vouch for: the base of the manifest apply() writes. */
  let known: Stored = new Map();
  /** The bucket's listing and our manifest in it. */
  const hostState = hostRead((signal) => Promise.all([bucket.list(signal), bucket.readStored(signal)]));

  const guarded = async <T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw s3Fault(error, signal, where);
    }
  };

  return {
    test: (signal) => guarded(signal, () => bucket.probe(signal)),

    prefetch: (signal) => hostState.start(signal),

    plan: (local, signal, siteDir) =>
      guarded(signal, async () => {
        const [listed, stored] = await hostState.take(signal);
        const { remote, vouched } = await compare(listed, stored, local, siteDir);
        known = vouched;
        return planFrom(local, remote);
      }),

    apply: (plan: PublishPlan, _local: Manifest, context) =>
      guarded(context.signal, async () => {
        const state = new Map(known);
        await upload(bucket, plan.uploads, state, context, where);
        await remove(bucket, plan.deletes, state, context, where);
        // Last: a publish cut off before this leaves the old record, which the next plan checks against the listing.
        await bucket.writeStored(state, context.signal);
      }),

    close: async () => bucket.close(),
  };
}

/**
 * The bucket as the plan sees it. An object our manifest vouches for (same size and
 * ETag as we left it) has the sha256 we uploaded; any other is the built file only
 * if its ETag is the built file's MD5, and is otherwise sent again.
 */
async function compare(listed: Map<string, Listed>, stored: Stored, local: Manifest, siteDir: string): Promise<{ remote: Map<string, RemoteEntry>; vouched: Stored }> {
  const remote = new Map<string, RemoteEntry>();
  const vouched: Stored = new Map();
  for (const [relative, object] of listed) {
    const entry = stored.get(relative);
    if (entry && entry.size === object.size && entry.etag === object.etag) {
      remote.set(relative, { path: relative, size: object.size, sha256: entry.sha256 });
      vouched.set(relative, entry);
      continue;
    }
    const built = local.get(relative);
    const same = built && built.size === object.size && (await digestOf(siteDir, relative, 'md5')) === object.etag;
    remote.set(relative, { path: relative, size: object.size, sha256: same ? built.sha256 : undefined });
    if (same) vouched.set(relative, { sha256: built.sha256, size: built.size, etag: object.etag });
  }
  return { remote, vouched };
}

/** Sends new and changed files rank by rank, noting each in `state` as the store acknowledges it. */
async function upload(bucket: S3Bucket, uploads: readonly ManifestEntry[], state: Stored, context: TargetContext, where: string): Promise<void> {
  await inRankOrder(uploads, context.signal, () => s3Cancelled(where), async (entry) => {
    const body = await readFile(path.join(context.siteDir, ...entry.path.split('/')));
    const etag = await bucket.put(entry.path, body, context.signal);
    state.set(entry.path, { sha256: entry.sha256, size: body.length, etag });
    context.fileDone(entry.path, body.length);
  });
}

/** Deletes what the build no longer has, as many keys per request as S3 takes. */
async function remove(bucket: S3Bucket, deletes: readonly string[], state: Stored, context: TargetContext, where: string): Promise<void> {
  for (let i = 0; i < deletes.length; i += DELETE_LIMIT) {
    if (context.signal.aborted) throw s3Cancelled(where);
    const batch = deletes.slice(i, i + DELETE_LIMIT);
    const refused = await bucket.delete(batch, context.signal);
    if (refused.length) throw s3DeleteRefused(where, refused.length, refused[0]!.path, refused[0]!.code);
    for (const p of batch) {
      state.delete(p);
      context.fileDone(p, 0);
    }
  }
}
