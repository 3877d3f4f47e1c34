// `postwright publish` through the real launcher and a real bare git repository.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, runBin } from '../../helpers/cli';
import { bareRepo, branchTree, commitAsOther, commits } from '../../helpers/gitRemote';
import { publishingWorkspace, BODY_EDIT_UPLOADS, SAMPLE_ADDRESS_WARNING, afterAddressWarning } from '../../helpers/publish';
import { readTree } from '../../helpers/site';
import { tempDir } from '../../helpers/tmp';

async function cliEnv() {
  const home = await tempDir('postwright-home-');
  return { XDG_CACHE_HOME: path.join(home, 'cache'), XDG_DATA_HOME: path.join(home, 'data') };
}

describe('postwright publish (the installed bin)', () => {
  it('publishes to every configured target, with progress lines and a summary naming the URL', { timeout: 60_000 }, async () => {
    const [one, two] = [await bareRepo(), await bareRepo()];
    const ws = await publishingWorkspace({
      pages: { type: 'git', remote: one.url },
      mirror: { type: 'git', remote: two.url, branch: 'main', url: 'https://mirror.example.org/' },
    });
    const env = await cliEnv();
    const { code, stdout, stderr } = await runBin(['publish', ws.root], env);
    expect(stderr).toBe(SAMPLE_ADDRESS_WARNING);
    expect(code).toBe(0);
    const site = await readTree(ws.site);
    const files = site.size + 1;
    const lines = stdout.trim().split('\n');
    expect(lines.slice(0, 2)).toEqual(['Checking posts…', 'Building…']);
    expect(lines).toContain(`pages: uploading 0 / ${files} files, 0 B / ${lines.find((l) => l.startsWith('pages: uploading'))!.split(' / ').pop()}`);
    expect(lines).toContain('mirror: finishing…');
    // Each summary names where it went: here a bare repository on this computer.
    expect(lines.at(-2)).toMatch(new RegExp(`^Published to "pages" \\(file://[^)]+\\): ${files} files uploaded \\(.* kB, 100\\.0% of the site's .* kB\\), 0 deleted\\. https://example\\.com/$`));
    expect(lines.at(-1)).toMatch(/^Published to "mirror" \(file:\/\/[^)]+\): .* https:\/\/mirror\.example\.org\/$/);
    for (const [repo, branch] of [[one.dir, 'gh-pages'], [two.dir, 'main']] as const) {
      const tree = await branchTree(repo, branch);
      expect([...tree.keys()].sort()).toEqual([...site.keys(), '.nojekyll'].sort());
    }

    // The cache went where XDG says, not into the workspace.
    expect((await readTree(env.XDG_CACHE_HOME)).size).toBeGreaterThan(0);
    const again = await runBin(['publish', ws.root, '--target', 'mirror'], env);
    expect(again.stdout.trim().split('\n').at(-1)).toBe(`"mirror" (${two.url}) is up to date: nothing to upload. https://mirror.example.org/`);
  });

  it('in a terminal, shows progress on one line rewritten in place', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url } });
    // script(1) gives the launcher a real pseudo-terminal.
    const shell = `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} publish ${JSON.stringify(ws.root)}`;
    const env = { ...process.env, ...(await cliEnv()) };
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile('script', ['-qec', shell, '/dev/null'], { env }, (error, out) => (error ? reject(error) : resolve(out))),
    );
    expect(stdout).toContain('\r\x1b[2KChecking posts…');
    expect(stdout).toMatch(/\r\x1b\[2Kpages: uploading \d+ \/ \d+ files/);
    expect(stdout).not.toContain('Checking posts…\r\n');
    expect(stdout).toMatch(/\r\x1b\[2KPublished to "pages" \(file:\/\/[^)]+\): \d+ files uploaded/);
  });

  it('--dry-run lists exactly what would change and changes nothing', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url } });
    const env = await cliEnv();
    expect((await runBin(['publish', ws.root], env)).code).toBe(0);
    const edited = path.join(ws.root, 'posts/why-i-bill-by-the-week.md');
    await writeFile(edited, `${await readFile(edited, 'utf8')}\nA new closing line.\n`);
    const { code, stdout } = await runBin(['publish', ws.root, '--dry-run', '--target', 'pages'], env);
    expect(code).toBe(0);
    const built = await readTree(ws.site);
    const line = (file: string) => `  upload  ${file}  (${(built.get(file)!.length / 1000).toFixed(1)} kB)`;
    expect(stdout.trim().split('\n').slice(-(BODY_EDIT_UPLOADS.length + 2))).toEqual([
      `Dry run for "pages" at ${remote.url} (nothing was changed):`,
      ...BODY_EDIT_UPLOADS.map(line),
      expect.stringMatching(new RegExp(`^${BODY_EDIT_UPLOADS.length} files to upload \\(.* kB\\), 0 to delete, of \\d+ files on the host\\.$`)),
    ]);
    expect(commits(remote.dir, 'gh-pages')).toHaveLength(1);

    const json = await runBin(['publish', ws.root, '--dry-run', '--json'], env);
    expect(JSON.parse(json.stdout)).toMatchObject([{ target: 'pages', dryRun: true, uploads: BODY_EDIT_UPLOADS.map((file) => ({ path: file, size: built.get(file)!.length })), deletes: [] }]);
  });

  it('the deletion guard stops a publish with the numbers, and --force lets it through', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url } });
    const env = await cliEnv();
    expect((await runBin(['publish', ws.root], env)).code).toBe(0);
    const files = (await branchTree(remote.dir, 'gh-pages')).size;
    await commitAsOther(remote.dir, 'gh-pages', Object.fromEntries(Array.from({ length: files + 1 }, (_, i) => [`old-${i}.html`, 'old'])));
    const stopped = await runBin(['publish', ws.root], env);
    expect(stopped.code).toBe(1);
    expect(afterAddressWarning(stopped.stderr)).toBe(
      `postwright publish: Target "pages": this publish would delete ${files + 1} of the ${2 * files + 1} files on the host, more than half, so it was stopped. ` +
        'If the site really shrank (or the target points at the wrong place, fix it first), publish again with --force.\n',
    );
    const forced = await runBin(['publish', ws.root, '--force'], env);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`Published to "pages" (${remote.url}): 0 files uploaded (0 B, 0.0% of the site's`);
    expect(forced.stdout).toContain(`, ${files + 1} deleted.`);
    expect((await branchTree(remote.dir, 'gh-pages')).size).toBe(files);
  });

  it('wrong input exits 2 and a failed publish exits 1, each with one clear line', { timeout: 60_000 }, async () => {
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: `${(await bareRepo()).url}-gone` } });
    const env = await cliEnv();
    const unknown = await runBin(['publish', ws.root, '--target', 'blog'], env);
    expect(unknown).toMatchObject({ code: 2, stdout: '', stderr: 'postwright publish: There is no publish target "blog". postwright.json configures "pages".\n' });
    const two = await runBin(['publish', ws.root, ws.root], env);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/^postwright publish: give one workspace folder, not 2\./);
    const noSettings = await runBin(['publish', await tempDir()], env);
    expect(noSettings.code).toBe(2);
    expect(noSettings.stderr).toContain('No publish targets are configured');
    const failed = await runBin(['publish', ws.root], env);
    expect(failed.code).toBe(1);
    expect(afterAddressWarning(failed.stderr)).toMatch(/^postwright publish: Target "pages": there is no git repository at file:\/\/.*-gone\. Check "remote" in postwright\.json, or create the repository first\.\n$/);
  });
});
