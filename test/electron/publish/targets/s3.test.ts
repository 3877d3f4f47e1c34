// The S3 target against a real S3 server (s3rver on 127.0.0.1): a full
// publish, incremental ones, drift repair, a server lost mid-upload, cancel,
// and the faults an author can meet, each with its clear message.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { S3Target } from '../../../../common/publishSettings';
import { uploadRank } from '../../../../electron/publish/plan';
import { createTarget } from '../../../../electron/publish/targets/s3';
import type { SecretKey, Target } from '../../../../electron/publish/types';
import { changedBetween, publishedOnce, publishOnce, sampleSite, targetEnv } from '../../../helpers/publishSite';
import { S3RVER_KEYS, startS3rver, type S3Server } from '../../../helpers/s3rver';
import { envSecrets } from '../../../../electron/publish/secrets/envSecrets';
import { readTree } from '../../../helpers/site';
import { buildManifest } from '../../../../electron/publish/manifest';
import { rejection } from '../../../helpers/rejection';

const opened: Target[] = [];
afterEach(async () => {
  for (const target of opened.splice(0)) await target.close();
});

async function s3Target(server: { endpoint: string; bucket: string }, settings: Record<string, unknown> = {}, secrets: Partial<Record<SecretKey, string>> = S3RVER_KEYS) {
  const config = S3Target.parse({ type: 's3', bucket: server.bucket, endpoint: server.endpoint, ...settings });
  const target = createTarget(config, await targetEnv('bucket', envSecrets(secrets)));
  opened.push(target);
  return target;
}

/** The bucket holds exactly the build, byte for byte, under the prefix (plus our own record). */
async function expectRemoteEqualsBuild(server: S3Server, out: string, prefix = '') {
  const tree = await readTree(out);
  const keys = (await server.keys()).filter((k) => !k.startsWith(`${prefix}.postwright/`));
  expect(keys).toEqual([...tree.keys()].map((f) => prefix + f).sort());
  for (const [file, bytes] of tree) expect((await server.get(prefix + file)).body.equals(bytes), file).toBe(true);
}


const POST = 'posts/why-i-bill-by-the-week.md';
const POST_PAGE = 'posts/why-i-bill-by-the-week/index.html';

describe('S3 target (s3rver)', () => {
  it('publishes the whole site under the prefix, in order, with each file’s type and caching; a second plan is empty', async () => {
    const site = await sampleSite();
    const server = await startS3rver();
    const target = await s3Target(server, { prefix: 'blog' });
    const { plan, done } = await publishOnce(target, site.out);

    expect(plan.remoteCount).toBe(0);
    expect(done.sort()).toEqual([...(await readTree(site.out)).keys()]);
    // Assets, then pages, then index/feeds/sitemap: the plan's order survives the concurrent uploads.
    expect(plan.uploads.map((e) => uploadRank(e.path))).toEqual(plan.uploads.map((e) => uploadRank(e.path)).sort());
    await expectRemoteEqualsBuild(server, site.out, 'blog/');
    expect(await server.keys()).toContain('blog/.postwright/manifest.json');

    expect(await server.head('blog/index.html')).toEqual({ contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' });
    expect(await server.head('blog/feed.xml')).toEqual({ contentType: 'application/rss+xml; charset=utf-8', cacheControl: 'no-cache' });
    expect(await server.head('blog/atom.xml')).toEqual({ contentType: 'application/atom+xml; charset=utf-8', cacheControl: 'no-cache' });
    expect(await server.head('blog/feed.json')).toEqual({ contentType: 'application/feed+json; charset=utf-8', cacheControl: 'no-cache' });
    expect(await server.head('blog/sitemap.xml')).toEqual({ contentType: 'application/xml; charset=utf-8', cacheControl: 'no-cache' });
    expect(await server.head('blog/robots.txt')).toEqual({ contentType: 'text/plain; charset=utf-8', cacheControl: 'no-cache' });
    expect(await server.head('blog/theme.css')).toEqual({ contentType: 'text/css; charset=utf-8', cacheControl: 'public, max-age=3600' });
    // Images are published re-encoded under names with a content hash; the sample's chart as one PNG, since its WebP would be bigger.
    const built = [...(await readTree(site.out)).keys()];
    const chart = built.filter((file) => file.startsWith('posts/the-forty-minute-pipeline.assets/stage-durations.'));
    expect(chart).toEqual([expect.stringMatching(/\.[0-9a-f]{10}-640\.png$/)]);
    expect(await server.head(`blog/${chart[0]}`)).toEqual({ contentType: 'image/png', cacheControl: 'public, max-age=86400' });

    const again = await target.plan(await site.rebuild(), new AbortController().signal, site.out);
    expect(again).toMatchObject({ uploads: [], deletes: [], uploadBytes: 0 });
    expect(again.remoteCount).toBe((await readTree(site.out)).size);
  });

  it('after one post changes, uploads exactly the files whose bytes changed', async () => {
    const site = await sampleSite();
    const server = await startS3rver();
    const target = await s3Target(server);
    const before = await site.rebuild();
    await publishOnce(target, site.out);

    const file = path.join(site.root, POST);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\n$/, '\n\nOne more paragraph, added after publishing.\n'));
    const changed = changedBetween(before, await site.rebuild());
    expect(changed).toContain(POST_PAGE);
    expect(changed).not.toContain('theme.css');

    const { plan, done } = await publishOnce(target, site.out);
    expect(plan.uploads.map((e) => e.path).sort()).toEqual(changed);
    expect(done.sort()).toEqual(changed);
    expect(plan.deletes).toEqual([]);
    await expectRemoteEqualsBuild(server, site.out);
  });

  it('deletes a removed post’s page from the bucket, after the uploads', async () => {
    const { site, service: server, target } = await publishedOnce(startS3rver, (started) => s3Target(started));
    expect(await server.keys()).toContain(POST_PAGE);

    await rm(path.join(site.root, POST));
    await site.rebuild();
    const { plan, done } = await publishOnce(target, site.out);
    expect(plan.deletes).toContain(POST_PAGE);
    expect(done.slice(-plan.deletes.length)).toEqual(plan.deletes);
    expect(await server.keys()).not.toContain(POST_PAGE);
    await expectRemoteEqualsBuild(server, site.out);
  });

  it('repairs drift: an object deleted or changed behind its back is uploaded again', async () => {
    const { site, service: server, target } = await publishedOnce(startS3rver, (started) => s3Target(started));

    await server.remove('theme.css');
    await server.put(POST_PAGE, '<p>defaced</p>');
    await server.put('stray.html', 'left by someone else');
    const { plan } = await publishOnce(target, site.out);
    expect(plan.uploads.map((e) => e.path).sort()).toEqual([POST_PAGE, 'theme.css']);
    expect(plan.deletes).toEqual(['stray.html']);
    await expectRemoteEqualsBuild(server, site.out);
  });

  it('a prefetch lists the bucket ahead of the plan, which compares with that listing; the next plan lists it again', async () => {
    const { site, service: server, target } = await publishedOnce(startS3rver, (started) => s3Target(started));
    const signal = new AbortController().signal;
    await target.prefetch!(signal);
    // Removed after the prefetch listed the bucket: this plan cannot know, the next one does.
    await server.remove('theme.css');
    const local = await buildManifest(site.out);
    expect((await target.plan(local, signal, site.out)).uploads).toEqual([]);
    expect((await target.plan(local, signal, site.out)).uploads.map((e) => e.path)).toEqual(['theme.css']);
  });

  it('a prefetch that cannot reach the host settles quietly; the plan reports the fault', async () => {
    const site = await sampleSite();
    const port = await closedPort();
    const target = await s3Target({ endpoint: `http://127.0.0.1:${port}`, bucket: 'site-bucket' });
    await target.prefetch!(new AbortController().signal);
    const error = await rejection(publishOnce(target, site.out));
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe(`S3 target "bucket" (bucket site-bucket at http://127.0.0.1:${port}) cannot be reached: check the endpoint or your connection, then publish again.`);
  });

  it('without its stored manifest, compares the listing’s ETags with the build’s MD5s and sends only what differs', async () => {
    const { site, service: server, target } = await publishedOnce(startS3rver, (started) => s3Target(started));
    await server.put('.postwright/manifest.json', 'not json');
    await server.put('theme.css', 'body { color: red }');

    const { plan } = await publishOnce(target, site.out);
    expect(plan.uploads.map((e) => e.path)).toEqual(['theme.css']);
    expect(plan.remoteCount).toBe((await readTree(site.out)).size);
    await expectRemoteEqualsBuild(server, site.out);
    expect((await target.plan(await site.rebuild(), new AbortController().signal, site.out)).uploads).toEqual([]);
  });

  it('when the connection drops mid-upload, says so; once the server answers again, the next publish converges to the build', async () => {
    const { site, service: server, target } = await publishedOnce(startS3rver, (started) => s3Target(started));

    // A new title changes every page, so the second publish has plenty to cut off.
    const settings = path.join(site.root, 'postwright.json');
    await writeFile(settings, (await readFile(settings, 'utf8')).replace('"Field Notes"', '"Field Notes, Revised"'));
    await site.rebuild();
    const cut = publishOnce(target, site.out, { onFile: (_file, count) => void (count === 3 && server.disconnect()) });
    const error = await rejection(cut);
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain('S3 target "bucket"');
    expect(error.message).toContain('check the endpoint or your connection');

    await server.reconnect();
    const retry = await publishOnce(target, site.out);
    expect(retry.plan.uploads.length).toBeGreaterThan(0);
    await expectRemoteEqualsBuild(server, site.out);
    // Idempotent: nothing is left to do.
    expect((await target.plan(await site.rebuild(), new AbortController().signal, site.out)).uploads).toEqual([]);
  });

  it('stops when cancelled and finishes on the next publish', async () => {
    const site = await sampleSite();
    const server = await startS3rver();
    const target = await s3Target(server);
    const controller = new AbortController();
    const error = await rejection(publishOnce(target, site.out, { signal: controller.signal, onFile: (_file, count) => count === 2 && controller.abort() }));
    expect(error.code).toBe('cancelled');
    expect(error.message).toContain('S3 target "bucket"');
    const total = (await readTree(site.out)).size;
    const sent = (await server.keys()).length;
    expect(sent).toBeGreaterThanOrEqual(2);
    expect(sent).toBeLessThan(total);

    // What the cancelled run did send is not sent again.
    const { plan } = await publishOnce(target, site.out);
    expect(plan.uploads).toHaveLength(total - sent);
    await expectRemoteEqualsBuild(server, site.out);
  });

  it('takes credentials from the SDK’s own chain when the secret source has none', async () => {
    const site = await sampleSite();
    const server = await startS3rver();
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'S3RVER');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'S3RVER');
    try {
      await publishOnce(await s3Target(server, {}, {}), site.out);
    } finally {
      vi.unstubAllEnvs();
    }
    await expectRemoteEqualsBuild(server, site.out);
  });

  it('refuses unknown credentials with a message that names the target and leaves the secret out', async () => {
    const site = await sampleSite();
    const server = await startS3rver();
    const secret = 'do-not-print-this-secret';
    const target = await s3Target(server, {}, { AWS_ACCESS_KEY_ID: 'NOT-A-KEY', AWS_SECRET_ACCESS_KEY: secret });
    for (const attempt of [() => target.test(new AbortController().signal), () => publishOnce(target, site.out)]) {
      const error = await rejection(attempt());
      expect(error.code).toBe('auth-failed');
      expect(error.message).toContain('S3 target "bucket" (bucket site-bucket');
      expect(error.message).toContain('AWS_ACCESS_KEY_ID');
      expect(error.message).not.toContain(secret);
    }
    expect(await server.keys()).toEqual([]);
  });

  it('names a missing bucket', async () => {
    const server = await startS3rver();
    const target = await s3Target({ endpoint: server.endpoint, bucket: 'no-such-bucket' });
    const error = await rejection(target.test(new AbortController().signal));
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/bucket no-such-bucket .*: the bucket does not exist\. Create it/);
  });

  it('says a closed port is unreachable', async () => {
    const site = await sampleSite();
    const port = await closedPort();
    const target = await s3Target({ endpoint: `http://127.0.0.1:${port}`, bucket: 'site-bucket' });
    for (const attempt of [() => target.test(new AbortController().signal), () => publishOnce(target, site.out)]) {
      const error = await rejection(attempt());
      expect(error.code).toBe('unreachable');
      expect(error.message).toBe(`S3 target "bucket" (bucket site-bucket at http://127.0.0.1:${port}) cannot be reached: check the endpoint or your connection, then publish again.`);
    }
  });
});

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
