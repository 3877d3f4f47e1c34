// The S3 and Netlify targets through the orchestrator (publishSite), as the
// CLI and the app run them: registered by type, given secrets by the secret
// source, a dry run that changes nothing, then the real publish.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSecrets } from '../../../electron/publish/secrets/envSecrets';
import { startNetlifyFake } from '../../helpers/netlifyFake';
import { publishingWorkspace, BODY_EDIT_UPLOADS } from '../../helpers/publish';
import { S3RVER_KEYS, startS3rver } from '../../helpers/s3rver';
import { readTree } from '../../helpers/site';

const EDITED = 'posts/why-i-bill-by-the-week.md';

describe('publishing to S3 and Netlify through publishSite', () => {
  it('an S3 bucket: a dry run lists the whole site and sends nothing; the publish sends it; an edit sends one page', { timeout: 60_000 }, async () => {
    const server = await startS3rver();
    const ws = await publishingWorkspace({ bucket: { type: 's3', bucket: server.bucket, endpoint: server.endpoint } });
    const secrets = envSecrets(S3RVER_KEYS);

    const [dry] = await ws.publish({ dryRun: true, secrets });
    expect(dry).toMatchObject({ target: 'bucket', type: 's3', dryRun: true, remoteCount: 0 });
    expect(dry!.uploads).toHaveLength(dry!.site.files);
    expect(await server.keys()).toEqual([]);

    const [first] = await ws.publish({ secrets });
    const site = await readTree(ws.site);
    expect(first!.uploads.map((u) => u.path).sort()).toEqual([...site.keys()]);
    expect((await server.keys()).filter((k) => !k.startsWith('.postwright/'))).toEqual([...site.keys()]);

    await ws.write(EDITED, `${await readFile(path.join(ws.root, EDITED), 'utf8')}\nA last paragraph, added after publishing.\n`);
    const [edit] = await ws.publish({ secrets });
    expect(edit!.uploads.map((u) => u.path)).toEqual(BODY_EDIT_UPLOADS);
    expect((await server.get('posts/why-i-bill-by-the-week/index.html')).body.toString()).toContain('A last paragraph, added after publishing.');
  });

  it('a Netlify site: a dry run cancels its deploy and sends nothing; the publish makes the build live', { timeout: 60_000 }, async () => {
    const fake = await startNetlifyFake();
    const ws = await publishingWorkspace({ netlify: { type: 'netlify', siteId: fake.siteId } });
    const secrets = envSecrets({ NETLIFY_AUTH_TOKEN: fake.token });

    const [dry] = await ws.publish({ dryRun: true, secrets });
    expect(dry).toMatchObject({ target: 'netlify', type: 'netlify', dryRun: true, remoteCount: 0 });
    expect(dry!.uploads).toHaveLength(dry!.site.files);
    expect(fake.uploads).toEqual([]);
    expect(fake.cancelled).toHaveLength(1);

    await ws.publish({ secrets });
    const site = await readTree(ws.site);
    expect(fake.uploads.sort()).toEqual([...site.keys()]);
    expect([...fake.live().keys()].sort()).toEqual([...site.keys()]);
    await expect(ws.test('netlify')).rejects.toMatchObject({ code: 'auth-failed' });
  });
});
