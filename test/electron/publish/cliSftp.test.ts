// `postwright publish --target vps` through the real launcher, to a real sshd
// on 127.0.0.1: a new host is refused with its fingerprint, --accept-host-key
// trusts it (remembered in the user data folder), and an edit then uploads one file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMOTE_MANIFEST } from '../../../electron/publish/targets/sftp';
import { runBin } from '../../helpers/cli';
import { publishingWorkspace, SAMPLE_ADDRESS_WARNING } from '../../helpers/publish';
import { readTree } from '../../helpers/site';
import { skipSshd, startSshd, type RunningSshd } from '../../helpers/sshd';
import { tempDir } from '../../helpers/tmp';

describe.skipIf(skipSshd)('postwright publish to an SFTP target (the installed bin)', () => {
  let sshd: RunningSshd;
  beforeAll(async () => {
    sshd = await startSshd();
  });
  afterAll(() => sshd?.stop());

  // Three CLI runs, each a full build of the sample blog in a new process: minutes on a loaded two-core machine.
  it('refuses a new host without --accept-host-key, publishes with it, and remembers the key', { timeout: 180_000 }, async () => {
    const folder = path.join(sshd.root, 'blog');
    const ws = await publishingWorkspace({ vps: { type: 'sftp', host: '127.0.0.1', port: sshd.port, user: sshd.user, path: folder, keyFile: sshd.keyFile } });
    const home = await tempDir('postwright-home-');
    // HOME too: ~/.ssh/known_hosts is read, and must be this test's (empty) one.
    const env = { HOME: home, XDG_CACHE_HOME: path.join(home, 'cache'), XDG_DATA_HOME: path.join(home, 'data') };

    const refused = await runBin(['publish', ws.root, '--target', 'vps', '--trust-endpoint'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(sshd.hostKeyFingerprint);
    expect(refused.stderr).toContain('run with --accept-host-key or accept it in the app');

    const accepted = await runBin(['publish', ws.root, '--target', 'vps', '--accept-host-key', '--trust-endpoint'], env);
    expect(accepted.stderr).toBe(SAMPLE_ADDRESS_WARNING);
    expect(accepted.code).toBe(0);
    const site = await readTree(ws.site);
    expect(accepted.stdout.trim().split('\n').at(-1)).toMatch(new RegExp(`^Published to "vps" \\(sftp://127\\.0\\.0\\.1:${sshd.port}\\): ${site.size} files uploaded .*, 0 deleted\\. https://example\\.com/$`));
    const remote = await readTree(folder);
    remote.delete(REMOTE_MANIFEST);
    expect(remote).toEqual(site);
    expect(await readFile(path.join(home, 'data', 'postwright', 'known_hosts'), 'utf8')).toBe(`${sshd.knownHostsLine}\n`);

    const edited = 'posts/why-i-bill-by-the-week.md';
    await ws.write(edited, `${await readFile(path.join(ws.root, edited), 'utf8')}\nA new closing line.\n`);
    const again = await runBin(['publish', ws.root, '--target', 'vps', '--trust-endpoint'], env);
    expect(again.code).toBe(0);
    expect(again.stdout.trim().split('\n').at(-1)).toMatch(/^Published to "vps" \(sftp:\/\/127\.0\.0\.1:\d+\): 4 files uploaded .*, 0 deleted\./);
    expect((await readFile(path.join(folder, 'posts/why-i-bill-by-the-week/index.html'), 'utf8')).includes('A new closing line.')).toBe(true);
  });
});
