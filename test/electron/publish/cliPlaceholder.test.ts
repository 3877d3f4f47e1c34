// `postwright publish` on a site whose address is a placeholder: it warns on
// stderr and publishes (see warnAboutPlaceholder for why it does not refuse);
// with a real address it says nothing, and --json output stays parseable.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../../helpers/cli';
import { bareRepo, branchTree } from '../../helpers/gitRemote';
import { publishingWorkspace, SAMPLE_ADDRESS_WARNING } from '../../helpers/publish';
import { tempDir } from '../../helpers/tmp';

async function cliEnv() {
  const home = await tempDir('postwright-home-');
  return { XDG_CACHE_HOME: path.join(home, 'cache'), XDG_DATA_HOME: path.join(home, 'data') };
}

async function setBaseUrl(root: string, baseUrl: string | undefined) {
  const file = path.join(root, 'postwright.json');
  const settings = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  await writeFile(file, JSON.stringify({ ...settings, baseUrl }, null, 2));
}

describe('postwright publish and the placeholder address', () => {
  it('warns about the sample’s https://example.com/ on stderr and still publishes, --json included', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url } });
    const env = await cliEnv();
    const published = await runBin(['publish', ws.root, '--json'], env);
    expect(published.stderr).toBe(SAMPLE_ADDRESS_WARNING);
    expect(published.code).toBe(0);
    expect((JSON.parse(published.stdout) as { target: string }[]).map((r) => r.target)).toEqual(['pages']);
    expect((await branchTree(remote.dir, 'gh-pages')).has('index.html')).toBe(true);

    // Without a baseUrl the build falls back to the same placeholder, and says so.
    await setBaseUrl(ws.root, undefined);
    const missing = await runBin(['publish', ws.root, '--dry-run'], env);
    expect(missing.code).toBe(0);
    expect(missing.stderr).toMatch(/^postwright publish: warning: postwright.json sets no site address \(“baseUrl”\), so the build uses the placeholder https:\/\/example.com\/: /);
  });

  it('says nothing once baseUrl is the site’s real address', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url } });
    await setBaseUrl(ws.root, 'https://fieldnotes.ines.dev/');
    const published = await runBin(['publish', ws.root], await cliEnv());
    expect(published.stderr).toBe('');
    expect(published.code).toBe(0);
    expect(published.stdout.trim().split('\n').at(-1)).toMatch(/ https:\/\/fieldnotes\.ines\.dev\/$/);
  });
});
