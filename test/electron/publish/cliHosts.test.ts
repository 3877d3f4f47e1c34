// `postwright publish` through the real launcher to an S3 bucket (s3rver) and
// a Netlify site (the contract fake), secrets from the environment as a user
// sets them.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../../helpers/cli';
import { startNetlifyFake } from '../../helpers/netlifyFake';
import { publishingWorkspace, SAMPLE_ADDRESS_WARNING, afterAddressWarning } from '../../helpers/publish';
import { S3RVER_KEYS, startS3rver } from '../../helpers/s3rver';
import { readTree } from '../../helpers/site';
import { tempDir } from '../../helpers/tmp';

const EDITED = 'posts/why-i-bill-by-the-week.md';

async function cliEnv(secrets: Record<string, string>) {
  const home = await tempDir('postwright-home-');
  return { XDG_CACHE_HOME: path.join(home, 'cache'), XDG_DATA_HOME: path.join(home, 'data'), AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', NETLIFY_AUTH_TOKEN: '', ...secrets };
}

describe('postwright publish to S3 and Netlify (the installed bin)', () => {
  it('--target bucket publishes the site to s3rver, then only an edited post; a wrong key exits 1 with one clear line', { timeout: 90_000 }, async () => {
    const server = await startS3rver();
    const ws = await publishingWorkspace({ bucket: { type: 's3', bucket: server.bucket, endpoint: server.endpoint, url: 'https://blog.example.org/' } });
    const env = await cliEnv(S3RVER_KEYS);

    const first = await runBin(['publish', ws.root, '--target', 'bucket', '--trust-endpoint'], env);
    expect(first.stderr).toBe(SAMPLE_ADDRESS_WARNING);
    expect(first.code).toBe(0);
    const site = await readTree(ws.site);
    expect(first.stdout.trim().split('\n').at(-1)).toMatch(new RegExp(`^Published to "bucket" \\(http://127\\.0\\.0\\.1:\\d+\\): ${site.size} files uploaded .*, 0 deleted\\. https://blog\\.example\\.org/$`));
    expect((await server.keys()).filter((k) => !k.startsWith('.postwright/'))).toEqual([...site.keys()]);
    for (const [file, bytes] of site) expect((await server.get(file)).body.equals(bytes), file).toBe(true);

    await writeFile(path.join(ws.root, EDITED), `${await readFile(path.join(ws.root, EDITED), 'utf8')}\nA new closing line.\n`);
    const dry = await runBin(['publish', ws.root, '--target', 'bucket', '--trust-endpoint', '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('  upload  posts/why-i-bill-by-the-week/index.html  (');
    const edit = await runBin(['publish', ws.root, '--target', 'bucket', '--trust-endpoint'], env);
    expect(edit.code).toBe(0);
    expect(edit.stdout.trim().split('\n').at(-1)).toMatch(/^Published to "bucket" \(http:\/\/127\.0\.0\.1:\d+\): 4 files uploaded /);
    expect((await server.get('posts/why-i-bill-by-the-week/index.html')).body.toString()).toContain('A new closing line.');

    const secret = 'cli-secret-never-printed';
    const refused = await runBin(['publish', ws.root, '--target', 'bucket', '--trust-endpoint'], { ...env, AWS_ACCESS_KEY_ID: 'NOT-A-KEY', AWS_SECRET_ACCESS_KEY: secret });
    expect(refused.code).toBe(1);
    expect(afterAddressWarning(refused.stderr)).toMatch(/^postwright publish: S3 target "bucket" \(bucket site-bucket at http:\/\/127\.0\.0\.1:\d+\): the store refused the credentials \(InvalidAccessKeyId\)\. Check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY .*\n$/);
    expect(refused.stderr + refused.stdout).not.toContain(secret);
  });

  it('--target netlify deploys through the digest API with NETLIFY_AUTH_TOKEN', { timeout: 90_000 }, async () => {
    const fake = await startNetlifyFake();
    const ws = await publishingWorkspace({ netlify: { type: 'netlify', siteId: fake.siteId } });
    const published = await runBin(['publish', ws.root, '--target', 'netlify'], await cliEnv({ NETLIFY_AUTH_TOKEN: fake.token, ...fake.env }));
    expect(published.stderr).toBe(SAMPLE_ADDRESS_WARNING);
    expect(published.code).toBe(0);
    const site = await readTree(ws.site);
    expect([...fake.live().keys()].sort()).toEqual([...site.keys()]);

    const missing = await runBin(['publish', ws.root, '--target', 'netlify'], await cliEnv({ ...fake.env }));
    expect(missing.code).toBe(1);
    expect(afterAddressWarning(missing.stderr)).toBe(`postwright publish: Netlify target "netlify" (site ${fake.siteId}): no access token. Set NETLIFY_AUTH_TOKEN to a personal access token from Netlify's user settings, or add it in Publish settings.\n`);
  });
});
